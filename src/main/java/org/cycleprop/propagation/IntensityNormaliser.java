package org.cycleprop.propagation;

import java.util.Arrays;

import org.cycleprop.volume.SliceStack;

/**
 * Per-volume intensity normalisation: clip to the 1st–99th percentile of all voxels and scale to [0, 1],
 * the same for training and propagation.
 */
public final class IntensityNormaliser {
    public static final double LOW_PERCENTILE = 1;
    public static final double HIGH_PERCENTILE = 99;
    static final int MAX_EXACT_VOXELS = 4_000_000;

    private final float low;
    private final float high;

    public IntensityNormaliser(float low, float high) {
        this.low = low;
        this.high = high;
    }

    public static IntensityNormaliser fit(SliceStack volume) {
        float[][] slices = new float[volume.depth()][];
        for (int z = 0; z < volume.depth(); z++) slices[z] = volume.floats(z);
        return fit(slices);
    }

    /**
     * Fits the clip range to all voxels of a volume given as slices. Percentiles interpolate linearly between
     * order statistics (numpy's default); volumes of more than {@link #MAX_EXACT_VOXELS} voxels are estimated
     * from an evenly strided subset, which is deterministic.
     */
    public static IntensityNormaliser fit(float[][] slices) {
        long total = 0;
        for (float[] s : slices) total += s.length;
        long stride = Math.max(1, (total + MAX_EXACT_VOXELS - 1) / MAX_EXACT_VOXELS);
        float[] values = new float[(int) ((total + stride - 1) / stride)];
        int n = 0;
        long index = 0;
        for (float[] s : slices) {
            for (float v : s) {
                if (index++ % stride == 0 && !Float.isNaN(v)) values[n++] = v;
            }
        }
        if (n == 0) return new IntensityNormaliser(0, 1);
        Arrays.sort(values, 0, n);
        float lo = percentile(values, n, LOW_PERCENTILE);
        float hi = percentile(values, n, HIGH_PERCENTILE);
        if (!(hi > lo)) hi = lo + Math.max(Math.ulp(lo), 1e-6f); // constant volume: everything maps to 0
        return new IntensityNormaliser(lo, hi);
    }

    private static float percentile(float[] sorted, int n, double p) {
        double position = p / 100.0 * (n - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(n - 1, below + 1);
        double f = position - below;
        return (float) (sorted[below] + f * (sorted[above] - sorted[below]));
    }

    public float low() {
        return low;
    }

    public float high() {
        return high;
    }

    /** Fits to the slices of a volume and normalises them in place: the one normalisation of training and inference. */
    public static float[][] normaliseVolume(float[][] slices) {
        IntensityNormaliser n = fit(slices);
        for (float[] s : slices) n.apply(s);
        return slices;
    }

    /** Normalises a slice in place and returns it. */
    public float[] apply(float[] slice) {
        float range = high - low;
        for (int i = 0; i < slice.length; i++) {
            float v = (slice[i] - low) / range;
            slice[i] = Float.isNaN(v) ? 0f : Math.max(0f, Math.min(1f, v));
        }
        return slice;
    }
}
