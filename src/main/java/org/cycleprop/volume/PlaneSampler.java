package org.cycleprop.volume;

/**
 * Samples an R×R window out of a plane (a slice, row-major, pixel centres at integer coordinates) through an
 * affine map from normalised window coordinates to plane pixels: output pixel (u, v) sits at
 * ((u + ½)/R − ½, (v + ½)/R − ½), so the window spans [−½, ½]² whatever R is. Bilinear, zero outside the plane.
 * When one output pixel spans k ≥ 2 plane pixels the plane is first averaged in k×k blocks, so that thin
 * structures are averaged rather than skipped (bilinear alone aliases).
 * <p>
 * One sampler for training crops and inference windows: the network sees the same filtering in both.
 */
public final class PlaneSampler {
    private PlaneSampler() {
    }

    public static float[] sample(float[] plane, int width, int height, Affine2D windowToPlane, int r) {
        if (plane.length != width * height) {
            throw new IllegalArgumentException(plane.length + " pixels for a " + width + "x" + height + " plane");
        }
        int k = (int) Math.floor(windowToPlane.meanStretch() / r);
        float[] src = plane;
        int w = width;
        int h = height;
        Affine2D map = windowToPlane;
        if (k >= 2) {
            src = blockAverage(plane, width, height, k);
            w = (width + k - 1) / k;
            h = (height + k - 1) / k;
            // block j covers plane pixels j·k .. j·k + k − 1: its centre sits at plane coordinate j·k + (k − 1)/2
            double shift = -(k - 1) / 2.0;
            map = Affine2D.scale(1.0 / k, 1.0 / k).after(Affine2D.translation(shift, shift)).after(windowToPlane);
        }
        float[] out = new float[r * r];
        for (int v = 0; v < r; v++) {
            double py = (v + 0.5) / r - 0.5;
            for (int u = 0; u < r; u++) {
                double px = (u + 0.5) / r - 0.5;
                out[u + v * r] = bilinearZeroOutside(src, w, h, map.x(px, py), map.y(px, py));
            }
        }
        return out;
    }

    /**
     * The mean of each k×k block of a plane, as a ⌈w/k⌉×⌈h/k⌉ plane (partial blocks at the right and bottom
     * edges average the pixels they have).
     */
    public static float[] blockAverage(float[] plane, int width, int height, int k) {
        if (k <= 1) return plane;
        int w = (width + k - 1) / k;
        int h = (height + k - 1) / k;
        float[] sum = new float[w * h];
        int[] count = new int[w * h];
        for (int y = 0; y < height; y++) {
            int row = (y / k) * w;
            for (int x = 0; x < width; x++) {
                int j = row + x / k;
                sum[j] += plane[x + y * width];
                count[j]++;
            }
        }
        for (int j = 0; j < sum.length; j++) sum[j] /= count[j];
        return sum;
    }

    /** Bilinear value at (x, y); pixels outside the plane count as 0. */
    public static float bilinearZeroOutside(float[] plane, int width, int height, double x, double y) {
        int x0 = (int) Math.floor(x);
        int y0 = (int) Math.floor(y);
        if (x0 < -1 || y0 < -1 || x0 >= width || y0 >= height) return 0f;
        double fx = x - x0;
        double fy = y - y0;
        return (float) ((1 - fx) * (1 - fy) * at(plane, width, height, x0, y0)
                + fx * (1 - fy) * at(plane, width, height, x0 + 1, y0)
                + (1 - fx) * fy * at(plane, width, height, x0, y0 + 1)
                + fx * fy * at(plane, width, height, x0 + 1, y0 + 1));
    }

    /** Bilinear value at (x, y) with coordinates clamped to the plane (edge pixels repeat outward). */
    public static float bilinearClamped(float[] plane, int width, int height, double x, double y) {
        double cx = Math.max(0, Math.min(width - 1, x));
        double cy = Math.max(0, Math.min(height - 1, y));
        int x0 = (int) cx;
        int y0 = (int) cy;
        int x1 = Math.min(x0 + 1, width - 1);
        int y1 = Math.min(y0 + 1, height - 1);
        double fx = cx - x0;
        double fy = cy - y0;
        return (float) ((1 - fx) * (1 - fy) * plane[x0 + y0 * width] + fx * (1 - fy) * plane[x1 + y0 * width]
                + (1 - fx) * fy * plane[x0 + y1 * width] + fx * fy * plane[x1 + y1 * width]);
    }

    private static float at(float[] plane, int width, int height, int x, int y) {
        return x < 0 || y < 0 || x >= width || y >= height ? 0f : plane[x + y * width];
    }
}
