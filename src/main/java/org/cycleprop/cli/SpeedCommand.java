package org.cycleprop.cli;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import org.cycleprop.model.Devices;
import org.cycleprop.model.IntraOpThreads;
import org.cycleprop.model.NativeOpTrace;
import org.cycleprop.model.Preset;
import org.cycleprop.model.StcnNetwork;
import org.cycleprop.propagation.PhaseTimes;
import org.cycleprop.propagation.PropagationOptions;
import org.cycleprop.propagation.Seeds;
import org.cycleprop.propagation.StcnPropagator;
import org.cycleprop.util.Memory;
import org.cycleprop.util.Progress;
import org.cycleprop.util.UserException;
import org.cycleprop.volume.Axis;
import org.cycleprop.volume.SliceStack;
import org.cycleprop.volume.SyntheticVolume;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code cycleprop speed}: milliseconds per propagated slice and resident memory of the STCN propagation for a
 * preset, on a synthetic volume, after warm-up, median of several runs; and, with {@code --repeat}, whether
 * native memory stays flat over many consecutive propagations.
 */
@Command(name = "speed", mixinStandardHelpOptions = true,
        description = {"Time the STCN propagation of a preset (untrained weights: speed does not depend on them) on a "
                + "synthetic SIZE×SIZE×N volume seeded on its middle slice.",
            "Reports ms per slice (median of --runs after --warmup) and resident memory for each N of --slices."})
public final class SpeedCommand implements Callable<Integer> {
    @Option(names = "--preset", defaultValue = "small", description = "paper, small, small-refined or tiny (default: ${DEFAULT-VALUE}).")
    String preset;

    @Option(names = "--size", defaultValue = "256", description = "Slice side in pixels (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--slices", defaultValue = "100", split = ",",
            description = "Volume depth(s), e.g. 100,200,400 (default: ${DEFAULT-VALUE}).")
    List<Integer> slices;

    @Option(names = "--working-size", description = "Network input side (multiple of 16). Default: --size, the whole "
            + "slice at full resolution, as the reference timings were measured.")
    Integer workingSize;

    @Option(names = "--windowed", description = "Propagate in the object-centred window instead of the whole slice.")
    boolean windowed;

    @Option(names = "--runs", defaultValue = "3", description = "Timed runs per depth (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--warmup", defaultValue = "1", description = "Untimed warm-up runs (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--repeat", defaultValue = "0", description = "Also propagate the first depth this many times in a "
            + "row and print resident memory every 10 runs (native memory must stay flat).")
    int repeat;

    @Option(names = "--max-memory-frames", defaultValue = "0",
            description = "Bound on periodic memory frames per run (0 = none; default: ${DEFAULT-VALUE}).")
    int maxMemoryFrames;

    @Option(names = "--no-include-last", negatable = false, description = "Memorise only every memEvery-th slice, "
            + "not the last one as temporary memory (STCN's own default; its reference timings were taken so).")
    boolean noIncludeLast;

    @Option(names = "--profile", description = "Also print where a step's time goes (crop, key encoder, readout and "
            + "decoder, aggregation, paste, value encoder, window), per slice, over the timed runs.")
    boolean profile;

    @Option(names = "--trace", paramLabel = "FILE", description = "Also propagate the first depth once under "
            + "PyTorch's operator profiler: write its Chrome trace to FILE (a new .json) and print the time of each "
            + "native operator.")
    Path trace;

    @Option(names = "--device", defaultValue = "auto", description = "auto, cpu or gpu (default: ${DEFAULT-VALUE}).")
    String device;

    @Override
    public Integer call() {
        Preset p = Preset.byName(preset);
        if (size < 16) throw new UserException("--size: at least 16 pixels, got " + size);
        if (trace != null && Files.exists(trace)) {
            throw new UserException("--trace: " + trace + " exists; give a new file name");
        }
        if (runs < 1) throw new UserException("--runs: at least 1, got " + runs);
        for (int n : slices) if (n < 2) throw new UserException("--slices: at least 2 slices, got " + n);
        int work = workingSize != null ? workingSize : (size + 15) / 16 * 16;
        if (work % 16 != 0 || work < 16) throw new UserException("--working-size: a multiple of 16, got " + work);
        Device dev = Devices.choose(device);
        System.out.printf(Locale.ROOT, "preset %s, slice %dx%d, network input %dx%d (%s), device %s, %d cores, "
                        + "%d intra-op thread(s), %s%n", p.name(), size, size, work, work, windowed ? "windowed" : "whole slice",
                dev, Runtime.getRuntime().availableProcessors(), IntraOpThreads.forInference(p),
                noIncludeLast ? "memory: seed + every " + p.memEvery() + "th slice" : "memory: seed + every "
                        + p.memEvery() + "th slice + the last one");
        try (NDManager manager = NDManager.newBaseManager(dev)) {
            StcnNetwork network = StcnNetwork.create(p, manager);
            PropagationOptions options = PropagationOptions.defaults().withWindowed(windowed).withWorkingSize(work)
                    .withTopK(p.topK()).withMemory(p.memEvery(), !noIncludeLast, maxMemoryFrames);
            PhaseTimes phases = new PhaseTimes();
            StcnPropagator propagator = new StcnPropagator(network, manager, options, p.name());
            if (profile) propagator = propagator.profiledInto(phases);
            int maxDepth = slices.stream().max(Integer::compare).orElseThrow();
            SyntheticVolume volume = SyntheticVolume.generate(size, size, maxDepth, 2, 7);
            for (int w = 0; w < warmup; w++) timeOnce(propagator, volume, Math.min(maxDepth, 12));
            System.out.println("slices  ms/slice(median)  runs(ms/slice)  resident  peak-resident");
            List<String> profiles = new ArrayList<>();
            for (int n : slices) {
                double[] ms = new double[runs];
                phases.clear();
                for (int r = 0; r < runs; r++) ms[r] = timeOnce(propagator, volume, n);
                if (profile) profiles.add(n + " slices: " + phases.summary(runs * (n - 1)));
                double[] sorted = ms.clone();
                Arrays.sort(sorted);
                System.out.printf(Locale.ROOT, "%6d  %16.1f  %s  %s  %s%n", n, sorted[runs / 2], Arrays.toString(round(ms)),
                        Memory.mib(Memory.residentBytes()), Memory.mib(Memory.peakResidentBytes()));
            }
            for (String line : profiles) System.out.println("per slice, " + line);
            if (trace != null) printTrace(propagator, volume, slices.get(0));
            if (repeat > 0) {
                List<String> readings = new ArrayList<>();
                for (int r = 1; r <= repeat; r++) {
                    timeOnce(propagator, volume, slices.get(0));
                    if (r % 10 == 0 || r == 1) readings.add(r + ": " + Memory.mib(Memory.residentBytes()));
                }
                System.out.println("resident memory after consecutive propagations: " + String.join(", ", readings));
            }
        }
        return 0;
    }

    private void printTrace(StcnPropagator propagator, SyntheticVolume volume, int depth) {
        List<NativeOpTrace.OpTime> ops = NativeOpTrace.record(trace, () -> timeOnce(propagator, volume, depth));
        double total = ops.stream().mapToDouble(NativeOpTrace.OpTime::milliseconds).sum();
        int steps = depth - 1;
        System.out.printf(Locale.ROOT, "native operators, %d slices (trace: %s), per slice: %.1f ms in operators%n",
                depth, trace, total / steps);
        for (NativeOpTrace.OpTime op : ops) {
            if (op.milliseconds() / total < 0.005) continue;
            System.out.printf(Locale.ROOT, "  %-32s %8.1f ms %5.1f %%  %6.1f calls%n", op.name(),
                    op.milliseconds() / steps, 100 * op.milliseconds() / total, (double) op.calls() / steps);
        }
    }

    /** Propagates the first {@code depth} slices from the middle one; returns ms per propagated slice. */
    private static double timeOnce(StcnPropagator propagator, SyntheticVolume volume, int depth) {
        SliceStack stack = new SliceStack(net.imglib2.view.Views.interval(volume.image().stored(),
                new long[] {0, 0, 0}, new long[] {volume.image().size(0) - 1, volume.image().size(1) - 1, depth - 1}),
                Axis.Z);
        int seedSlice = depth / 2;
        Seeds seeds = Seeds.single(stack.width(), stack.height(), seedSlice, disk(stack.width(), stack.height()));
        long t0 = System.nanoTime();
        propagator.propagate(stack, seeds, Progress.NONE);
        return (System.nanoTime() - t0) / 1e6 / (depth - 1);
    }

    private static boolean[] disk(int w, int h) {
        boolean[] m = new boolean[w * h];
        double r = Math.min(w, h) / 6.0;
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) m[x + y * w] = Math.hypot(x - w / 2.0, y - h / 2.0) < r;
        return m;
    }

    private static double[] round(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) out[i] = Math.round(v[i] * 10) / 10.0;
        return out;
    }
}
