package org.cycleprop.model;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * How many threads PyTorch uses inside one operation (a process-wide setting). A propagation step of a small
 * network is hundreds of small operations: with several threads each one wakes sleeping worker threads, which
 * costs more than the work it shares. Measured on a 2-core machine ({@code speed --preset small --size 256
 * --working-size 160}, other work paused): 1 thread 47–49 ms per slice, 2 threads 89 ms; the paper preset, whose
 * convolutions are large, is faster with 2 threads (900 vs 1148 ms at 256×256). Hence: one thread for narrow
 * networks, all cores for wide ones, unless the user fixed the number with {@code -Dai.djl.pytorch.num_threads}.
 */
public final class IntraOpThreads {
    /** Key-encoder stem widths up to this count as narrow networks. */
    static final int NARROW_STEM = 32;

    private IntraOpThreads() {
    }

    /** The number of intra-op threads that suits inference with {@code preset} on this machine. */
    public static int forInference(Preset preset) {
        int fixed = fixedByUser();
        if (fixed > 0) return fixed;
        return preset.keyTrunk().stemWidth() <= NARROW_STEM ? 1 : Runtime.getRuntime().availableProcessors();
    }

    /**
     * Training steps (a batch of frames, forward and backward) are large enough to share: all cores, unless
     * fixed with {@code -Dai.djl.pytorch.num_threads}. Set again by the trainer because an earlier propagation
     * in the same process may have lowered it.
     */
    public static int forTraining() {
        int fixed = fixedByUser();
        return fixed > 0 ? fixed : Runtime.getRuntime().availableProcessors();
    }

    /** The count given with {@code -Dai.djl.pytorch.num_threads}, or 0 when none (or no number) was given. */
    private static int fixedByUser() {
        String fixed = System.getProperty("ai.djl.pytorch.num_threads");
        if (fixed == null) return 0;
        try {
            return Math.max(1, Integer.parseInt(fixed.trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Sets PyTorch's intra-op thread count (no-op on other engines or when already set). */
    public static void use(int threads) {
        if (!"PyTorch".equals(Engine.getInstance().getEngineName())) return;
        if (JniUtils.getNumThreads() != threads) JniUtils.setNumThreads(threads);
    }

    /** PyTorch's current intra-op thread count (1 on other engines). */
    public static int current() {
        return "PyTorch".equals(Engine.getInstance().getEngineName()) ? JniUtils.getNumThreads() : 1;
    }
}
