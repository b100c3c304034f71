package org.cycleprop.propagation;

/**
 * Exact Euclidean distance transforms of 2D masks by the separable lower-envelope-of-parabolas algorithm of
 * Felzenszwalb and Huttenlocher (2012): a 1D pass down every column, then one along every row.
 */
public final class DistanceTransform {
    /** Stands for "no feature pixel"; finite so that the parabola intersections stay numbers. */
    private static final double FAR = 1e20;

    private DistanceTransform() {
    }

    /**
     * Squared distance from every pixel to the nearest pixel where {@code feature} is true (0 on feature
     * pixels); if there is no feature pixel at all, every value is at least 1e20.
     */
    public static double[] squared(boolean[] feature, int width, int height) {
        if (feature.length != width * height) {
            throw new IllegalArgumentException("mask has " + feature.length + " pixels, expected " + width * height);
        }
        double[] d = new double[feature.length];
        for (int i = 0; i < d.length; i++) d[i] = feature[i] ? 0 : FAR;
        int n = Math.max(width, height);
        double[] f = new double[n];
        double[] out = new double[n];
        int[] v = new int[n];
        double[] z = new double[n + 1];
        for (int u = 0; u < width; u++) {
            for (int y = 0; y < height; y++) f[y] = d[u + y * width];
            lowerEnvelope(f, height, out, v, z);
            for (int y = 0; y < height; y++) d[u + y * width] = out[y];
        }
        for (int y = 0; y < height; y++) {
            int row = y * width;
            System.arraycopy(d, row, f, 0, width);
            lowerEnvelope(f, width, out, v, z);
            System.arraycopy(out, 0, d, row, width);
        }
        return d;
    }

    /** out[q] = min over p of (q - p)² + f[p], for q in [0, n); v and z are work arrays. */
    private static void lowerEnvelope(double[] f, int n, double[] out, int[] v, double[] z) {
        int k = 0;
        v[0] = 0;
        z[0] = Double.NEGATIVE_INFINITY;
        z[1] = Double.POSITIVE_INFINITY;
        for (int q = 1; q < n; q++) {
            double s = intersection(f, q, v[k]);
            while (s <= z[k]) {
                k--;
                s = intersection(f, q, v[k]);
            }
            k++;
            v[k] = q;
            z[k] = s;
            z[k + 1] = Double.POSITIVE_INFINITY;
        }
        k = 0;
        for (int q = 0; q < n; q++) {
            while (z[k + 1] < q) k++;
            double dq = q - v[k];
            out[q] = dq * dq + f[v[k]];
        }
    }

    /** Abscissa where the parabolas rooted at q and p (p < q) meet. */
    private static double intersection(double[] f, int q, int p) {
        return ((f[q] + (double) q * q) - (f[p] + (double) p * p)) / (2.0 * (q - p));
    }

    /**
     * Signed distance to the object's outline, negative inside and positive outside, in pixels. The outline
     * is taken half-way between an object pixel and its background neighbour, so the values are ±0.5 on the
     * pixels next to it, and a mask is recovered exactly as {@code distance < 0}. Values are clamped to
     * ±{@code limit}; an empty mask gives +{@code limit} everywhere and a full one −{@code limit}.
     */
    public static float[] signed(boolean[] mask, int width, int height, float limit) {
        float[] out = new float[mask.length];
        boolean any = false;
        boolean all = true;
        for (boolean m : mask) {
            any |= m;
            all &= m;
        }
        if (!any || all) {
            java.util.Arrays.fill(out, any ? -limit : limit);
            return out;
        }
        double[] toObject = squared(mask, width, height);
        boolean[] background = new boolean[mask.length];
        for (int i = 0; i < mask.length; i++) background[i] = !mask[i];
        double[] toBackground = squared(background, width, height);
        for (int i = 0; i < mask.length; i++) {
            double d = mask[i] ? 0.5 - Math.sqrt(toBackground[i]) : Math.sqrt(toObject[i]) - 0.5;
            out[i] = (float) Math.max(-limit, Math.min(limit, d));
        }
        return out;
    }
}
