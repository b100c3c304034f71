package org.cycleprop.training;

/**
 * A 2D float image, row-major ({@code x + y * width}), with pixel centres at integer coordinates. Used for
 * resampling slices and masks into training windows.
 */
record Plane(float[] pixels, int width, int height) {

    Plane {
        if (pixels.length != width * height) {
            throw new IllegalArgumentException(pixels.length + " pixels for a " + width + "x" + height + " plane");
        }
    }

    /** Bilinear value at (x, y); pixels outside the plane count as 0, so the border fades to black. */
    float zeroOutside(double x, double y) {
        int x0 = (int) Math.floor(x);
        int y0 = (int) Math.floor(y);
        if (x0 < -1 || y0 < -1 || x0 >= width || y0 >= height) return 0f;
        double fx = x - x0;
        double fy = y - y0;
        double v = 0;
        v += (1 - fx) * (1 - fy) * at(x0, y0);
        v += fx * (1 - fy) * at(x0 + 1, y0);
        v += (1 - fx) * fy * at(x0, y0 + 1);
        v += fx * fy * at(x0 + 1, y0 + 1);
        return (float) v;
    }

    /** Bilinear value at (x, y) with coordinates clamped to the plane (edge pixels repeat outward). */
    float clamped(double x, double y) {
        double cx = Math.max(0, Math.min(width - 1, x));
        double cy = Math.max(0, Math.min(height - 1, y));
        int x0 = (int) cx;
        int y0 = (int) cy;
        int x1 = Math.min(x0 + 1, width - 1);
        int y1 = Math.min(y0 + 1, height - 1);
        double fx = cx - x0;
        double fy = cy - y0;
        return (float) ((1 - fx) * (1 - fy) * pixels[x0 + y0 * width] + fx * (1 - fy) * pixels[x1 + y0 * width]
                + (1 - fx) * fy * pixels[x0 + y1 * width] + fx * fy * pixels[x1 + y1 * width]);
    }

    private float at(int x, int y) {
        if (x < 0 || y < 0 || x >= width || y >= height) return 0f;
        return pixels[x + y * width];
    }
}
