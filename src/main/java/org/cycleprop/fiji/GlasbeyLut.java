package org.cycleprop.fiji;

import ij.process.LUT;

/**
 * A lookup table of 256 mutually distinct colours for label images, index 0 black: the sequential max-min
 * choice of Glasbey et al. (2007). Candidates are the colours of an 8×8×8 RGB grid; each next colour is the
 * candidate farthest (in CIELAB, where distance follows perceived difference) from every colour already
 * chosen, starting from black, so neighbouring labels never get similar colours.
 */
public final class GlasbeyLut {
    private static final int LEVELS = 8;
    private static LUT cached;

    private GlasbeyLut() {
    }

    public static synchronized LUT get() {
        if (cached == null) cached = build();
        return (LUT) cached.clone();
    }

    /** The colour of label {@code value} (labels above 255 reuse the table cyclically, skipping black). */
    public static java.awt.Color colour(int value) {
        LUT lut = get();
        int i = value <= 255 ? value : 1 + (value - 1) % 255;
        return new java.awt.Color(lut.getRGB(i));
    }

    private static LUT build() {
        int n = LEVELS * LEVELS * LEVELS;
        int[] rgb = new int[n];
        double[][] lab = new double[n][];
        for (int i = 0; i < n; i++) {
            int r = level(i / (LEVELS * LEVELS));
            int g = level(i / LEVELS % LEVELS);
            int b = level(i % LEVELS);
            rgb[i] = (r << 16) | (g << 8) | b;
            lab[i] = Cielab.of(r, g, b);
        }
        // nearest[i]: squared distance of candidate i to the closest chosen colour; black (index 0) is chosen first
        double[] nearest = new double[n];
        java.util.Arrays.fill(nearest, Double.MAX_VALUE);
        byte[] red = new byte[256];
        byte[] green = new byte[256];
        byte[] blue = new byte[256];
        int chosen = 0;
        for (int k = 0; k < 256; k++) {
            red[k] = (byte) (rgb[chosen] >> 16);
            green[k] = (byte) (rgb[chosen] >> 8);
            blue[k] = (byte) rgb[chosen];
            int next = -1;
            for (int i = 0; i < n; i++) {
                nearest[i] = Math.min(nearest[i], Cielab.distanceSquared(lab[i], lab[chosen]));
                if (next < 0 || nearest[i] > nearest[next]) next = i;
            }
            chosen = next;
        }
        return new LUT(red, green, blue);
    }

    private static int level(int i) {
        return (int) Math.round(i * 255.0 / (LEVELS - 1));
    }

    /** sRGB (D65) to CIELAB. */
    static final class Cielab {
        private Cielab() {
        }

        static double[] of(int r, int g, int b) {
            double rl = linear(r);
            double gl = linear(g);
            double bl = linear(b);
            double x = (0.4124 * rl + 0.3576 * gl + 0.1805 * bl) / 0.95047;
            double y = 0.2126 * rl + 0.7152 * gl + 0.0722 * bl;
            double z = (0.0193 * rl + 0.1192 * gl + 0.9505 * bl) / 1.08883;
            double fx = f(x);
            double fy = f(y);
            double fz = f(z);
            return new double[] {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
        }

        static double distanceSquared(double[] a, double[] b) {
            double d0 = a[0] - b[0];
            double d1 = a[1] - b[1];
            double d2 = a[2] - b[2];
            return d0 * d0 + d1 * d1 + d2 * d2;
        }

        private static double linear(int c) {
            double v = c / 255.0;
            return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }

        private static double f(double t) {
            return t > 216.0 / 24389 ? Math.cbrt(t) : (24389.0 / 27 * t + 16) / 116;
        }
    }
}
