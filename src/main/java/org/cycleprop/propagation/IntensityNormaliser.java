package org.cycleprop.propagation;

import org.cycleprop.volume.SliceStack;

/**
 * Per-volume intensity normalisation: clip to the 1st–99th percentile of all voxels and scale to [0, 1].
 * Percentiles come from a 4096-bin histogram between the volume's minimum and maximum, which is exact
 * enough for clipping and needs no sorted copy of a large volume.
 */
public final class IntensityNormaliser {
    public static final double LOW_PERCENTILE = 1;
    public static final double HIGH_PERCENTILE = 99;
    private static final int BINS = 4096;

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

    /** Fits the clip range to all voxels of a volume given as slices. */
    public static IntensityNormaliser fit(float[][] slices) {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float[] slice : slices) {
            for (float v : slice) {
                if (Float.isNaN(v)) continue;
                if (v < min) min = v;
                if (v > max) max = v;
            }
        }
        if (!(max > min)) return new IntensityNormaliser(min, min + 1);
        long[] hist = new long[BINS];
        long total = 0;
        double scale = (BINS - 1) / (double) (max - min);
        for (float[] s : slices) {
            for (float v : s) {
                if (Float.isNaN(v)) continue;
                hist[(int) ((v - min) * scale)]++;
                total++;
            }
        }
        float lo = percentile(hist, total, LOW_PERCENTILE, min, scale);
        float hi = percentile(hist, total, HIGH_PERCENTILE, min, scale);
        if (!(hi > lo)) hi = lo + (max - min) / BINS;
        return new IntensityNormaliser(lo, hi);
    }

    private static float percentile(long[] hist, long total, double p, float min, double scale) {
        long rank = (long) Math.ceil(p / 100.0 * total);
        long seen = 0;
        for (int b = 0; b < hist.length; b++) {
            seen += hist[b];
            if (seen >= rank) return (float) (min + b / scale);
        }
        return (float) (min + (hist.length - 1) / scale);
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
