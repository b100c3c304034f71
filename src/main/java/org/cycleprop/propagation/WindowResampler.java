package org.cycleprop.propagation;

/**
 * Moves pixels between a slice and a window at the network's working resolution, with bilinear
 * interpolation on pixel centres. Going down in resolution by more than 2× first averages boxes of pixels
 * (otherwise thin structures alias away).
 */
public final class WindowResampler {
    private WindowResampler() {
    }

    /** Samples {@code window} of a {@code width}×{@code height} slice into an {@code r}×{@code r} image. */
    public static float[] crop(float[] slice, int width, int height, Window window, int r) {
        float[] src = slice;
        int w = width;
        int h = height;
        double scale = window.size() / r; // source pixels per output pixel
        int box = (int) Math.floor(scale / 2);
        if (box >= 1) {
            src = boxAverage(slice, width, height, box);
        }
        float[] out = new float[r * r];
        double step = window.size() / r;
        for (int j = 0; j < r; j++) {
            double sy = window.y0() + (j + 0.5) * step - 0.5;
            for (int i = 0; i < r; i++) {
                double sx = window.x0() + (i + 0.5) * step - 0.5;
                out[i + j * r] = bilinearZero(src, w, h, sx, sy);
            }
        }
        return out;
    }

    /**
     * Maps an {@code r}×{@code r} window image back onto the slice grid: pixels inside the window get the
     * interpolated value, pixels outside get {@code outside}.
     */
    public static float[] paste(float[] windowImage, int r, Window window, int width, int height, float outside) {
        float[] out = new float[width * height];
        double perPixel = r / window.size();
        for (int y = 0; y < height; y++) {
            double v = (y + 0.5 - window.y0()) * perPixel - 0.5;
            boolean rowInside = y + 0.5 >= window.y0() && y + 0.5 <= window.y0() + window.size();
            for (int x = 0; x < width; x++) {
                boolean inside = rowInside && x + 0.5 >= window.x0() && x + 0.5 <= window.x0() + window.size();
                if (!inside) {
                    out[x + y * width] = outside;
                    continue;
                }
                double u = (x + 0.5 - window.x0()) * perPixel - 0.5;
                out[x + y * width] = bilinearClamped(windowImage, r, r, u, v);
            }
        }
        return out;
    }

    /** Box filter of radius {@code box}: each pixel becomes the mean of the (2·box+1)² pixels around it. */
    static float[] boxAverage(float[] src, int w, int h, int box) {
        float[] tmp = new float[w * h];
        float[] out = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double s = 0;
                int n = 0;
                for (int k = Math.max(0, x - box); k <= Math.min(w - 1, x + box); k++) {
                    s += src[k + y * w];
                    n++;
                }
                tmp[x + y * w] = (float) (s / n);
            }
        }
        for (int x = 0; x < w; x++) {
            for (int y = 0; y < h; y++) {
                double s = 0;
                int n = 0;
                for (int k = Math.max(0, y - box); k <= Math.min(h - 1, y + box); k++) {
                    s += tmp[x + k * w];
                    n++;
                }
                out[x + y * w] = (float) (s / n);
            }
        }
        return out;
    }

    private static float bilinearZero(float[] img, int w, int h, double x, double y) {
        int x0 = (int) Math.floor(x);
        int y0 = (int) Math.floor(y);
        double fx = x - x0;
        double fy = y - y0;
        return (float) ((1 - fx) * (1 - fy) * at(img, w, h, x0, y0) + fx * (1 - fy) * at(img, w, h, x0 + 1, y0)
                + (1 - fx) * fy * at(img, w, h, x0, y0 + 1) + fx * fy * at(img, w, h, x0 + 1, y0 + 1));
    }

    private static float at(float[] img, int w, int h, int x, int y) {
        return x < 0 || y < 0 || x >= w || y >= h ? 0f : img[x + y * w];
    }

    private static float bilinearClamped(float[] img, int w, int h, double x, double y) {
        x = Math.max(0, Math.min(w - 1, x));
        y = Math.max(0, Math.min(h - 1, y));
        int x0 = (int) Math.floor(x);
        int y0 = (int) Math.floor(y);
        int x1 = Math.min(x0 + 1, w - 1);
        int y1 = Math.min(y0 + 1, h - 1);
        double fx = x - x0;
        double fy = y - y0;
        return (float) ((1 - fx) * (1 - fy) * img[x0 + y0 * w] + fx * (1 - fy) * img[x1 + y0 * w]
                + (1 - fx) * fy * img[x0 + y1 * w] + fx * fy * img[x1 + y1 * w]);
    }
}
