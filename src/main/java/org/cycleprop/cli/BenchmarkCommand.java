package org.cycleprop.cli;

import org.cycleprop.evaluation.Benchmark;
import org.cycleprop.evaluation.BenchmarkReport;
import org.cycleprop.evaluation.SeedPolicy;
import org.cycleprop.evaluation.StructureIndex;
import org.cycleprop.util.Memory;
import org.cycleprop.util.OutputFolder;
import org.cycleprop.propagation.PropagationOptions;
import org.cycleprop.util.UserException;
import org.cycleprop.volume.Axis;
import org.cycleprop.volume.LabelNames;
import org.cycleprop.volume.LabelStack;
import org.cycleprop.volume.LabelStacks;
import org.cycleprop.volume.SliceStack;
import org.cycleprop.volume.Volume;
import org.cycleprop.volume.VolumeIO;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code cycleprop benchmark}: the paper's evaluation protocol for one method on one labelled volume. */
@Command(name = "benchmark", mixinStandardHelpOptions = true,
        description = {"Evaluate a propagation method with the paper's protocol: every structure separately, "
                + "seeded on its largest slice, one round of propagation, J / F / J&F / volumetric DSC.",
            "Writes DIR/structures.csv, DIR/summary.md and DIR/jf_per_structure.png; the last line printed is "
                + "'mean J .. F .. J&F .. DSC .. (n structures)'."})
public final class BenchmarkCommand implements Callable<Integer> {
    @Option(names = "--image", required = true, paramLabel = "IMG", description = "Image volume (.nii, .nii.gz, .tif).")
    Path image;

    @Option(names = "--labels", required = true, paramLabel = "LABELS",
            description = "Ground-truth label map on the same grid (0 = background).")
    Path labels;

    @Option(names = "--names", paramLabel = "TXT", description = "Optional structure names: lines 'value name ...'.")
    Path names;

    @Option(names = "--axis", defaultValue = "z", description = "Propagation axis: x, y or z (default: ${DEFAULT-VALUE}).")
    String axis;

    @Option(names = "--method", defaultValue = "copy", description = "Method: " + Methods.HELP
            + " (default: ${DEFAULT-VALUE}). interpolate is seeded at 1/4 and 3/4 of each structure.")
    String method;

    @Option(names = "--labels-subset", split = ",", paramLabel = "L", description = "Only these label values (e.g. 1,2,5).")
    List<String> subset;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (must be new or empty).")
    Path out;

    @Option(names = "--device", defaultValue = "auto", description = "For model methods: auto, cpu or gpu "
            + "(default: ${DEFAULT-VALUE}).")
    String device = "auto";

    @Option(names = "--locality", defaultValue = "model", paramLabel = "model|SIGMA",
            description = "For model methods: " + Methods.LOCALITY_HELP)
    String locality = "model";

    @Option(names = "--windows", defaultValue = "pieces", paramLabel = "one|pieces|each", description = "For model methods: "
            + Methods.WINDOWS_HELP)
    String windows = "pieces";

    @Option(names = "--window-margin", defaultValue = "2.5", paramLabel = "M", description = "For model methods: "
            + Methods.MARGIN_HELP)
    double windowMargin = PropagationOptions.DEFAULT_MARGIN;

    @Option(names = "--working-size", defaultValue = "0", paramLabel = "PIXELS", description = Methods.WORKING_SIZE_HELP)
    int workingSize;

    @Option(names = "--end-below", defaultValue = "0", paramLabel = "F", description = "An object ends where its "
            + "predicted area drops below F times its area on the seed slice: no pixels beyond (0 = never, default).")
    double endBelow;

    @Option(names = "--seeds", paramLabel = "POLICY", description = "Seed slices of each structure: largest (the "
            + "paper's protocol, the default of copy and model methods) or quarters (two seeds at 1/4 and 3/4 of its "
            + "extent, the default of interpolate), to compare methods given the same two annotated slices.")
    String seeds;

    @Option(names = "--force", description = "Replace the files of an existing output folder.")
    boolean force;

    @Override
    public Integer call() {
        Benchmark.Result result = execute();
        System.out.println(BenchmarkReport.meanLine(result.mean(), result.structures().size()));
        return 0;
    }

    /** Runs the benchmark, writes its files and prints where; returns the result for callers like the demo. */
    Benchmark.Result execute() {
        Axis ax = Axis.parse(axis);
        Methods.Method m = Methods.parse(method, device,
                Methods.options(locality, endBelow, windows, windowMargin, workingSize));
        SeedPolicy policy = seeds == null ? m.seedPolicy() : parseSeeds(seeds);
        try (OutputFolder folder = OutputFolder.prepare(out, force)) {
            Volume img = VolumeIO.read(image);
            Volume lab = VolumeIO.read(labels);
            img.requireSameGrid(lab, "label map");
            LabelNames labelNames = names == null ? LabelNames.none() : LabelNames.read(names);
            LabelStack truth = LabelStacks.fromVolume(lab, ax);
            List<Integer> structures = chooseStructures(new StructureIndex(truth));
            SliceStack slices = new SliceStack(img.intensities(), ax);

            TerminalProgress progress = new TerminalProgress("benchmark " + method);
            Benchmark.Result result = new Benchmark(m.propagator(), policy)
                    .run(slices, truth, structures, labelNames, progress);
            progress.finish();
            long peak = Memory.peakResidentBytes();
            String description = "Image `" + image + "`, labels `" + labels + "`, axis " + ax + ", method `" + method
                    + "`" + (m.settings().isEmpty() ? "" : " (" + m.settings() + ")")
                    + (seeds == null ? "" : ", seeds `" + seeds + "`") + ".";
            BenchmarkReport.write(result, description, peak, folder);
            folder.commit();
            System.out.printf("propagation: %.2f ms per slice (%d slices), peak resident memory %s%n",
                    result.millisPerSlice(), result.propagatedSlices(), Memory.mib(peak));
            System.out.println("wrote " + folder.target());
            return result;
        }
    }

    private static SeedPolicy parseSeeds(String value) {
        switch (value) {
            case "largest":
                return SeedPolicy.LARGEST_SLICE;
            case "quarters":
                return SeedPolicy.QUARTERS;
            default:
                throw new UserException("--seeds: unknown policy '" + value + "' (use largest or quarters)");
        }
    }

    private List<Integer> chooseStructures(StructureIndex index) {
        if (index.labels().isEmpty()) throw new UserException(labels + ": the label map is empty (no non-zero voxel)");
        if (subset == null || subset.isEmpty()) return index.labels();
        List<Integer> chosen = new ArrayList<>();
        for (String s : subset) {
            int label;
            try {
                label = Integer.parseInt(s.trim());
            } catch (NumberFormatException e) {
                throw new UserException("--labels-subset: '" + s + "' is not a label value");
            }
            if (label <= 0) throw new UserException("--labels-subset: " + label + " is not an object label (use values > 0)");
            if (!index.contains(label)) throw new UserException(labels + ": label " + label + " is absent from the map");
            chosen.add(label);
        }
        return chosen;
    }
}
