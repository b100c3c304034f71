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
                out[x + y * width] = PlaneSampler.bilinearClamped(windowImage, r, r, u, v);
            }
        }
        return out;
    }
}
