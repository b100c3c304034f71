package org.cycleprop.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;

import java.util.Locale;

/**
 * What this machine's convolutions can do at best (not a test): times single 3×3 convolutions of the sizes that
 * dominate the {@code paper} preset at 256×256, gradients off, best of several runs after warm-up, and prints
 * multiply-accumulates per second. Together with the network's multiply-accumulates per slice this bounds the
 * step time no implementation of the same arithmetic can beat on the machine.
 *
 * <p>Usage: {@code OMP_WAIT_POLICY=PASSIVE java -cp 'target/cycleprop.jar:target/lib/*'
 * org.cycleprop.model.ConvThroughput [--dtype=float16] [in out side]...}; default: the decoder's 256→256 at
 * 64×64, 512→512 at 32×32 and the key compression's 1024→512 at 16×16, in float32. {@code --dtype} runs the same
 * convolutions in another precision (DJL's {@code DataType} name): float16 runs on this CPU, bfloat16 — the
 * precision of its AMX units — aborts the JVM inside DJL 0.36's native layer, which has no bfloat16.
 */
public final class ConvThroughput {
    private static final int WARM_UP = 2;
    private static final int RUNS = 10;

    private ConvThroughput() {
    }

    public static void main(String[] args) {
        DataType type = DataType.FLOAT32;
        if (args.length > 0 && args[0].startsWith("--dtype=")) {
            type = DataType.valueOf(args[0].substring("--dtype=".length()).toUpperCase(Locale.ROOT));
            args = java.util.Arrays.copyOfRange(args, 1, args.length);
        }
        int[][] sizes = args.length >= 3 ? parse(args) : new int[][] {{256, 256, 64}, {512, 512, 32}, {1024, 512, 16}};
        try (NDManager manager = NDManager.newBaseManager(); InferenceMode ignored = InferenceMode.enter()) {
            for (int[] s : sizes) {
                double ms = bestMilliseconds(manager, type, s[0], s[1], s[2]);
                double gmac = (double) s[0] * s[1] * 9 * s[2] * s[2] / 1e9;
                System.out.printf(Locale.ROOT, "3x3 convolution %d->%d at %dx%d, %s: %.2f GMAC in %.1f ms = %.1f GMAC/s%n",
                        s[0], s[1], s[2], s[2], type, gmac, ms, gmac / ms * 1000);
            }
        }
    }

    private static double bestMilliseconds(NDManager manager, DataType type, int in, int out, int side) {
        try (NDManager scope = manager.newSubManager()) {
            NDArray x = scope.randomNormal(new Shape(1, in, side, side)).toType(type, false);
            NDArray w = scope.randomNormal(new Shape(out, in, 3, 3)).toType(type, false);
            NDArray b = scope.zeros(new Shape(out)).toType(type, false);
            double best = Double.MAX_VALUE;
            for (int r = 0; r < WARM_UP + RUNS; r++) {
                try (NDManager step = scope.newSubManager()) {
                    long t0 = System.nanoTime();
                    NDArray y = Conv2d.conv2d(x, w, b, new Shape(1, 1), new Shape(1, 1), new Shape(1, 1), 1)
                            .singletonOrThrow();
                    y.attach(step);
                    y.toType(DataType.FLOAT32, false).toFloatArray();
                    double ms = (System.nanoTime() - t0) / 1e6;
                    if (r >= WARM_UP) best = Math.min(best, ms);
                }
            }
            return best;
        }
    }

    private static int[][] parse(String[] args) {
        int[][] out = new int[args.length / 3][];
        for (int i = 0; i < out.length; i++) {
            out[i] = new int[] {Integer.parseInt(args[3 * i]), Integer.parseInt(args[3 * i + 1]),
                Integer.parseInt(args[3 * i + 2])};
        }
        return out;
    }
}
