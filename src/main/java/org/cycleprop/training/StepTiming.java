package org.cycleprop.training;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import org.cycleprop.model.Preset;
import org.cycleprop.model.StcnNetwork;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

/**
 * Measures the wall time of one full training step (batch upload, forward pass, backward pass, Adam update)
 * for sizes × batch sizes × cycle weights, after warm-up steps. A developer tool, not part of the CLI:
 * <pre>  java -Dai.djl.offline=true -cp target/classes:target/lib/* org.cycleprop.training.StepTiming small 128,160 4,8 0,0.1 2 5</pre>
 * Arguments (all optional): preset, sizes, batch sizes, cycle weights, warm-up steps, timed steps.
 */
public final class StepTiming {
    private StepTiming() {
    }

    public static void main(String[] args) throws IOException {
        Preset preset = Preset.byName(arg(args, 0, "small"));
        int[] sizes = ints(arg(args, 1, "128,160"));
        int[] batches = ints(arg(args, 2, "4,8"));
        double[] weights = Arrays.stream(arg(args, 3, "0,0.1").split(",")).mapToDouble(Double::parseDouble).toArray();
        int warmUp = Integer.parseInt(arg(args, 4, "2"));
        int timed = Integer.parseInt(arg(args, 5, "5"));
        System.out.printf(Locale.ROOT, "preset %s, %d warm-up + %d timed steps, load average before: %s%n", preset.name(),
                warmUp, timed, loadAverage());
        System.out.println("size batch lambda   median_ms  min_ms  max_ms  forward_ms  cpu_ms  (medians; cpu = process CPU time, all threads)");
        try (NDManager manager = NDManager.newBaseManager()) {
            StcnNetwork network = StcnNetwork.create(preset, manager);
            BootstrappedCrossEntropy loss = new BootstrappedCrossEntropy(1_000_000, 2_000_000);
            for (int size : sizes) {
                for (int batch : batches) {
                    for (double weight : weights) {
                        ParameterUpdate update = new ParameterUpdate(network, ParameterUpdate.PAPER_WEIGHT_DECAY);
                        CycleTrainingStep step = new CycleTrainingStep(network, loss, (float) weight, 0);
                        long[] total = new long[timed];
                        long[] forward = new long[timed];
                        long[] cpu = new long[timed];
                        for (int i = 0; i < warmUp + timed; i++) {
                            long[] t = runStep(manager, step, update, preset.imageChannels(), size, batch, i);
                            if (i >= warmUp) {
                                total[i - warmUp] = t[0];
                                forward[i - warmUp] = t[1];
                                cpu[i - warmUp] = t[2];
                            }
                        }
                        Arrays.sort(total);
                        Arrays.sort(forward);
                        Arrays.sort(cpu);
                        System.out.printf(Locale.ROOT, "%4d %5d %6.2f %11.0f %7.0f %7.0f %11.0f %7.0f%n", size, batch, weight,
                                total[timed / 2] / 1e6, total[0] / 1e6, total[timed - 1] / 1e6, forward[timed / 2] / 1e6,
                                cpu[timed / 2] / 1e6);
                    }
                }
            }
        }
        System.out.println("load average after: " + loadAverage());
    }

    /** Nanoseconds of the whole step, of its forward pass (including the loss), and process CPU time of the step. */
    private static long[] runStep(NDManager manager, CycleTrainingStep step, ParameterUpdate update, int channels,
            int size, int batch, int seed) {
        Discs data = Discs.random(batch, size, new Random(seed));
        long cpuStart = processCpuTime();
        long start = System.nanoTime();
        long forwardDone;
        try (NDManager scope = manager.newSubManager(); GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            TrainingBatch b = TrainingBatch.fromArrays(scope, batch, size, channels, data.images, data.masks,
                    data.others, data.hasOthers);
            StepLosses losses = step.compute(b, seed);
            forwardDone = System.nanoTime();
            gc.backward(losses.total());
            update.apply(1e-5f);
        }
        long end = System.nanoTime();
        return new long[] {end - start, forwardDone - start, processCpuTime() - cpuStart};
    }

    private static long processCpuTime() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Random three-frame samples: two drifting discs, every second sample without the second one. */
    private record Discs(float[] images, float[] masks, float[] others, boolean[] hasOthers) {
        static Discs random(int batch, int size, Random random) {
            int plane = size * size;
            float[] images = new float[batch * 3 * plane];
            float[] masks = new float[images.length];
            float[] others = new float[images.length];
            boolean[] hasOthers = new boolean[batch];
            for (int b = 0; b < batch; b++) {
                hasOthers[b] = b % 2 == 0;
                double tx = size * (0.2 + 0.6 * random.nextDouble());
                double ty = size * (0.2 + 0.6 * random.nextDouble());
                double ox = size - tx;
                double oy = size - ty;
                for (int t = 0; t < 3; t++) {
                    for (int i = 0; i < plane; i++) {
                        int x = i % size;
                        int y = i / size;
                        int at = (b * 3 + t) * plane + i;
                        images[at] = 0.2f + 0.1f * random.nextFloat();
                        if (hasOthers[b] && Math.hypot(x - ox, y - oy - t) < size * 0.1) {
                            images[at] = 0.5f;
                            others[at] = 1;
                        }
                        if (Math.hypot(x - tx - t, y - ty) < size * 0.12) {
                            images[at] = 0.9f;
                            masks[at] = 1;
                        }
                    }
                }
            }
            return new Discs(images, masks, others, hasOthers);
        }
    }

    private static String loadAverage() throws IOException {
        Path p = Path.of("/proc/loadavg");
        return Files.exists(p) ? Files.readString(p).trim() : "n/a";
    }

    private static String arg(String[] args, int i, String fallback) {
        return args.length > i ? args[i] : fallback;
    }

    private static int[] ints(String list) {
        return Arrays.stream(list.split(",")).mapToInt(Integer::parseInt).toArray();
    }
}
