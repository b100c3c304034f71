package org.cycleprop.propagation;

import org.cycleprop.volume.Affine2D;
import org.cycleprop.volume.PlaneSampler;

/**
 * Moves pixels between a slice and a window at the network's working resolution, with bilinear
 * interpolation on pixel centres: {@link #crop} through the {@link PlaneSampler} the training crops use (going
 * down in resolution by 2× or more first averages blocks of pixels, otherwise thin structures alias away),
 * {@link #paste} back onto the slice grid.
 */
public final class WindowResampler {
    private WindowResampler() {
    }

    /**
     * Samples {@code window} of a {@code width}×{@code height} slice into an {@code r}×{@code r} image, with the
     * sampler (and anti-alias filtering) of the training crops.
     */
    public static float[] crop(float[] slice, int width, int height, Window window, int r) {
        return PlaneSampler.sample(slice, width, height, windowToSlice(window), r);
    }

    /** The map from normalised window coordinates ([−½, ½]²) to slice pixel coordinates. */
    static Affine2D windowToSlice(Window window) {
        double s = window.size();
        return Affine2D.translation(window.x0() + s / 2 - 0.5, window.y0() + s / 2 - 0.5).after(Affine2D.scale(s, s));
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
