package org.cycleprop.cli;

import org.cycleprop.propagation.WarmModel;
import org.cycleprop.propagation.PropagationOptions;
import org.cycleprop.propagation.Seeds;
import org.cycleprop.propagation.StcnPropagator;
import org.cycleprop.util.Memory;
import org.cycleprop.util.UserException;
import org.cycleprop.volume.Axis;
import org.cycleprop.volume.LabelStack;
import org.cycleprop.volume.LabelStacks;
import org.cycleprop.volume.SliceStack;
import org.cycleprop.volume.Volume;
import org.cycleprop.volume.VolumeIO;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Locale;
import java.util.TreeSet;
import java.util.concurrent.Callable;

/** {@code cycleprop propagate}: segment a whole volume from a few annotated slices with a trained model. */
@Command(name = "propagate", mixinStandardHelpOptions = true,
        description = {"Propagate the annotated slices of SEEDS through IMG with an STCN model and write a label volume.",
            "SEEDS is a label volume on the image's grid whose annotated slices (along --axis) are non-empty and all "
                + "others empty; each label value is one object, kept in the output."})
public final class PropagateCommand implements Callable<Integer> {
    @Option(names = "--image", required = true, paramLabel = "IMG", description = "Image volume (.nii, .nii.gz, .tif).")
    Path image;

    @Option(names = "--seeds", required = true, paramLabel = "SEEDS", description = "Seed label volume (same grid).")
    Path seeds;

    @Option(names = "--out", required = true, paramLabel = "OUT", description = "Output label volume (.nii, .nii.gz, .tif).")
    Path out;

    @Option(names = "--model", paramLabel = "M", description = "Model file (NAME.json beside NAME.params). Default: "
            + "the shipped default model.")
    Path model;

    @Option(names = "--axis", defaultValue = "z", description = "Propagation axis: x, y or z (default: ${DEFAULT-VALUE}).")
    String axis;

    @Option(names = "--range", paramLabel = "FIRST:LAST", description = "Only propagate within these slices (inclusive, "
            + "0-based along the axis).")
    String range;

    @Option(names = "--whole-slice", description = "Propagate on whole slices instead of the object-centred window.")
    boolean wholeSlice;

    @Option(names = "--device", defaultValue = "auto", description = "auto, cpu or gpu (default: ${DEFAULT-VALUE}).")
    String device;

    @Option(names = "--force", description = "Overwrite OUT if it exists.")
    boolean force;

    @Option(names = "--locality", defaultValue = "model", paramLabel = "model|SIGMA", description = Methods.LOCALITY_HELP)
    String locality = "model";

    @Option(names = "--windows", defaultValue = "pieces", paramLabel = "one|pieces|each", description = Methods.WINDOWS_HELP)
    String windows = "pieces";

    @Option(names = "--window-margin", defaultValue = "2.5", paramLabel = "M", description = Methods.MARGIN_HELP)
    double windowMargin = PropagationOptions.DEFAULT_MARGIN;

    @Option(names = "--working-size", defaultValue = "0", paramLabel = "PIXELS", description = Methods.WORKING_SIZE_HELP)
    int workingSize;

    @Option(names = "--end-below", defaultValue = "0", paramLabel = "F", description = "An object ends where its "
            + "predicted area drops below F times its area on the seed slice: no pixels beyond (0 = never, default).")
    double endBelow;

    @Override
    public Integer call() {
        Axis ax = Axis.parse(axis);
        org.cycleprop.util.AtomicOutputFile.checkWritable(out, force);
        Volume img = VolumeIO.read(image);
        Volume seedVolume = VolumeIO.read(seeds);
        img.requireSameGrid(seedVolume, "seed volume");
        LabelStack seedStack = LabelStacks.fromVolume(seedVolume, ax);
        SeedLabels seedLabels = SeedLabels.of(seedStack, seeds);
        PropagationOptions options = Methods.options(locality, endBelow, windows, windowMargin, workingSize)
                .withWindowed(!wholeSlice);
        if (range != null) options = parseRange(options, seedStack.depth());

        WarmModel loaded = WarmModel.get(model != null ? model : Installation.defaultModel(), device);
        StcnPropagator propagator = loaded.propagator(options);
        SliceStack slices = new SliceStack(img.intensities(), ax);
        TerminalProgress progress = new TerminalProgress("propagate");
        long t0 = System.nanoTime();
        LabelStack result = propagator.propagate(slices, seedLabels.seeds(), progress);
        double seconds = (System.nanoTime() - t0) / 1e9;
        progress.finish();
        Volume labels = seedVolume.withStored(LabelStacks.toImage(result, ax, img.dimensions(), seedLabels::valueOf));
        VolumeIO.write(labels, out, force);
        System.out.printf(Locale.ROOT, "propagated %d object(s) from %d seed slice(s) through %d slices in %.1f s "
                        + "(peak resident memory %s)%n", seedLabels.seeds().objectCount(),
                seedLabels.seeds().slices().size(), slices.depth(), seconds, Memory.mib(Memory.peakResidentBytes()));
        System.out.println("wrote " + out);
        return 0;
    }

    private PropagationOptions parseRange(PropagationOptions options, int depth) {
        String[] parts = range.split(":");
        try {
            int first = Integer.parseInt(parts[0].trim());
            int last = Integer.parseInt(parts[1].trim());
            if (parts.length != 2 || first < 0 || last >= depth || first > last) throw new NumberFormatException();
            return options.withRange(first, last);
        } catch (RuntimeException e) {
            throw new UserException("--range: '" + range + "' is not FIRST:LAST within 0:" + (depth - 1));
        }
    }


    /** Seed slices of a label stack with their label values renumbered 1..K (and back for the output). */
    record SeedLabels(Seeds seeds, int[] values) {
        static SeedLabels of(LabelStack stack, Path file) {
            TreeSet<Integer> present = new TreeSet<>();
            for (int z = 0; z < stack.depth(); z++) {
                short[] s = stack.slice(z);
                if (s == null) continue;
                for (short v : s) if (v != 0) present.add(Short.toUnsignedInt(v));
            }
            if (present.isEmpty()) throw new UserException(file + ": no seed: every slice is empty");
            int[] values = present.stream().mapToInt(Integer::intValue).toArray();
            int[] index = new int[65536];
            for (int i = 0; i < values.length; i++) index[values[i]] = i + 1;
            Seeds seeds = new Seeds(stack.width(), stack.height(), values.length);
            for (int z = 0; z < stack.depth(); z++) {
                short[] s = stack.slice(z);
                if (s == null) continue;
                short[] renumbered = new short[s.length];
                for (int i = 0; i < s.length; i++) renumbered[i] = (short) index[Short.toUnsignedInt(s[i])];
                seeds.put(z, renumbered);
            }
            return new SeedLabels(seeds, values);
        }

        int valueOf(int object) {
            return values[object - 1];
        }
    }
}
