package org.cycleprop.training;

import java.util.SplittableRandom;

/**
 * Band-limited random fields: random values on a coarse lattice, interpolated with a C¹ cubic fade so the field
 * looks like blurred white noise with a correlation length of about one lattice cell.
 */
final class SmoothNoise {
    private final float[] values;
    private final int nodesX;
    private final int nodesY;
    private final double originX;
    private final double originY;
    private final double cell;

    /** A field covering [x0, x0 + width] × [y0, y0 + height] with lattice spacing {@code cell}, values in ±1. */
    SmoothNoise(SplittableRandom random, double x0, double y0, double width, double height, double cell) {
        this.cell = cell;
        // a random lattice phase so that lattice lines do not sit at the same place in every field
        this.originX = x0 - cell * (1 + random.nextDouble());
        this.originY = y0 - cell * (1 + random.nextDouble());
        this.nodesX = (int) Math.ceil(width / cell) + 4;
        this.nodesY = (int) Math.ceil(height / cell) + 4;
        this.values = new float[nodesX * nodesY];
        for (int i = 0; i < values.length; i++) values[i] = (float) (2 * random.nextDouble() - 1);
    }

    double at(double x, double y) {
        double gx = latticeX(x);
        double gy = latticeY(y);
        int ix = (int) gx;
        int iy = (int) gy;
        double tx = fade(gx - ix);
        double ty = fade(gy - iy);
        int i = ix + iy * nodesX;
        double top = values[i] + tx * (values[i + 1] - values[i]);
        double bottom = values[i + nodesX] + tx * (values[i + nodesX + 1] - values[i + nodesX]);
        return top + ty * (bottom - top);
    }

    /**
     * The field on the grid xs × ys, row-major ({@code out[i + j·xs.length]} = at(xs[i], ys[j])). Faster than
     * calling {@link #at} per point: lattice positions and fade weights are computed once per row and column.
     */
    float[] onGrid(double[] xs, double[] ys) {
        int[] ix = new int[xs.length];
        double[] tx = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            double g = latticeX(xs[i]);
            ix[i] = (int) g;
            tx[i] = fade(g - ix[i]);
        }
        float[] out = new float[xs.length * ys.length];
        for (int j = 0; j < ys.length; j++) {
            double g = latticeY(ys[j]);
            int iy = (int) g;
            double ty = fade(g - iy);
            int row = iy * nodesX;
            for (int i = 0; i < xs.length; i++) {
                int k = ix[i] + row;
                double top = values[k] + tx[i] * (values[k + 1] - values[k]);
                double bottom = values[k + nodesX] + tx[i] * (values[k + nodesX + 1] - values[k + nodesX]);
                out[i + j * xs.length] = (float) (top + ty * (bottom - top));
            }
        }
        return out;
    }

    private double latticeX(double x) {
        return Math.max(0, Math.min(nodesX - 1.001, (x - originX) / cell));
    }

    private double latticeY(double y) {
        return Math.max(0, Math.min(nodesY - 1.001, (y - originY) / cell));
    }

    private static double fade(double t) {
        return t * t * (3 - 2 * t);
    }

    /**
     * A w×h image of {@code octaves} noise layers, the first with cell size {@code largestCell}, each next with
     * half the cell and {@code persistence} times the amplitude; rescaled to [0, 1].
     */
    static float[] octaves(SplittableRandom random, int w, int h, double largestCell, int octaves,
                           double persistence) {
        float[] out = new float[w * h];
        double[] xs = new double[w];
        double[] ys = new double[h];
        for (int x = 0; x < w; x++) xs[x] = x;
        for (int y = 0; y < h; y++) ys[y] = y;
        double amplitude = 1;
        double cell = largestCell;
        for (int o = 0; o < octaves; o++) {
            float[] layer = new SmoothNoise(random, 0, 0, w, h, Math.max(1.5, cell)).onGrid(xs, ys);
            for (int i = 0; i < out.length; i++) out[i] += (float) (amplitude * layer[i]);
            amplitude *= persistence;
            cell /= 2;
        }
        return rescale(out);
    }

    /** Maps the values linearly onto [0, 1] in place (a constant array becomes 0) and returns it. */
    static float[] rescale(float[] values) {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        float span = max - min;
        for (int i = 0; i < values.length; i++) values[i] = span > 0 ? (values[i] - min) / span : 0f;
        return values;
    }
}
