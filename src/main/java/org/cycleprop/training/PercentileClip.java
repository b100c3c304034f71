package org.cycleprop.training;

import java.util.Arrays;
import java.util.function.UnaryOperator;

/**
 * Per-volume intensity normalisation: clip to the [low, high] percentiles of all voxels, then map that range
 * linearly onto [0, 1] (as the authors' medical loader does). Works in place on the slices it is given.
 * Percentiles use linear interpolation between order statistics; volumes with more than
 * {@link #MAX_EXACT_VOXELS} voxels are estimated from an evenly strided subset, which is deterministic.
 */
public final class PercentileClip implements UnaryOperator<float[][]> {
    static final int MAX_EXACT_VOXELS = 4_000_000;

    private final double lowPercent;
    private final double highPercent;

    public PercentileClip(double lowPercent, double highPercent) {
        if (!(0 <= lowPercent && lowPercent < highPercent && highPercent <= 100)) {
            throw new IllegalArgumentException("percentiles must satisfy 0 <= low < high <= 100, got "
                    + lowPercent + ", " + highPercent);
        }
        this.lowPercent = lowPercent;
        this.highPercent = highPercent;
    }

    /** The 1st–99th percentile clip used for training and inference windows. */
    public static PercentileClip standard() {
        return new PercentileClip(1, 99);
    }

    /** The intensities at the low and high percentiles over all slices: {@code {low, high}}. */
    public float[] range(float[][] slices) {
        long total = 0;
        for (float[] s : slices) total += s.length;
        if (total == 0) return new float[] {0, 0};
        long stride = Math.max(1, (total + MAX_EXACT_VOXELS - 1) / MAX_EXACT_VOXELS);
        float[] values = new float[(int) ((total + stride - 1) / stride)];
        int n = 0;
        long index = 0;
        for (float[] s : slices) {
            for (float v : s) {
                if (index++ % stride == 0) values[n++] = v;
            }
        }
        Arrays.sort(values, 0, n);
        return new float[] {percentile(values, n, lowPercent), percentile(values, n, highPercent)};
    }

    /** Normalises {@code slices} in place and returns them; a constant volume becomes all zeros. */
    @Override
    public float[][] apply(float[][] slices) {
        float[] range = range(slices);
        float low = range[0];
        float span = range[1] - range[0];
        for (float[] s : slices) {
            for (int i = 0; i < s.length; i++) {
                s[i] = span > 0 ? Math.max(0f, Math.min(1f, (s[i] - low) / span)) : 0f;
            }
        }
        return slices;
    }

    private static float percentile(float[] sorted, int n, double percent) {
        double position = percent / 100.0 * (n - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(n - 1, below + 1);
        double t = position - below;
        return (float) (sorted[below] * (1 - t) + sorted[above] * t);
    }
}
