package org.cycleprop.training;

/**
 * Separable Gaussian blur (kernel cut at 3σ) with edges clamped (the border pixel repeats outward). Only the
 * bounding box of the non-zero pixels, grown by the kernel radius, is computed: the rest of the result is exactly
 * zero. That makes blurring a small mask on a large canvas cheap.
 */
final class GaussianBlur {
    private GaussianBlur() {
    }

    static float[] blur(float[] image, int w, int h, double sigma) {
        if (sigma <= 0) return image.clone();
        int r = (int) Math.ceil(3 * sigma);
        float[] kernel = new float[2 * r + 1];
        double sum = 0;
        for (int i = -r; i <= r; i++) {
            kernel[i + r] = (float) Math.exp(-i * i / (2 * sigma * sigma));
            sum += kernel[i + r];
        }
        for (int i = 0; i < kernel.length; i++) kernel[i] /= (float) sum;
        int minX = w, minY = h, maxX = -1, maxY = -1;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (image[x + y * w] != 0) {
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        float[] out = new float[w * h];
        if (maxX < 0) return out;
        int x0 = Math.max(0, minX - r), x1 = Math.min(w - 1, maxX + r);
        int y0 = Math.max(0, minY - r), y1 = Math.min(h - 1, maxY + r);
        float[] tmp = new float[w * h];
        // rows of the horizontal pass are needed r pixels above and below the output box
        int ty0 = Math.max(0, y0 - r), ty1 = Math.min(h - 1, y1 + r);
        for (int y = ty0; y <= ty1; y++) {
            for (int x = x0; x <= x1; x++) {
                float acc = 0;
                for (int k = -r; k <= r; k++) acc += kernel[k + r] * image[clamp(x + k, w) + y * w];
                tmp[x + y * w] = acc;
            }
        }
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                float acc = 0;
                for (int k = -r; k <= r; k++) acc += kernel[k + r] * tmp[x + clamp(y + k, h) * w];
                out[x + y * w] = acc;
            }
        }
        return out;
    }

    private static int clamp(int i, int n) {
        return i < 0 ? 0 : (i >= n ? n - 1 : i);
    }
}
