package org.cycleprop.training;

/**
 * Cuts an R×R window out of a plane through an affine map from window coordinates to plane pixel coordinates.
 * Window coordinates are normalised: output pixel (u, v) sits at ((u + ½)/R − ½, (v + ½)/R − ½), so the window
 * spans [−½, ½]² whatever R is. Sampling is bilinear with zeros outside the plane; when one output pixel spans
 * more than two source pixels the plane is box-averaged first, so thin structures are averaged instead of
 * skipped (bilinear alone would alias).
 */
final class AffineResampler {
    private AffineResampler() {
    }

    static float[] resample(Plane source, Affine2D windowToSource, int resolution) {
        double stretch = windowToSource.meanStretch() / resolution;
        Plane plane = source;
        Affine2D map = windowToSource;
        if (stretch > 2) {
            int k = (int) Math.floor(stretch);
            plane = source.boxAverage(k);
            // block j of the averaged plane is centred on source coordinate j·k + (k − 1)/2
            double shift = -(k - 1) / 2.0;
            map = Affine2D.scale(1.0 / k, 1.0 / k).after(Affine2D.translation(shift, shift)).after(windowToSource);
        }
        float[] out = new float[resolution * resolution];
        for (int v = 0; v < resolution; v++) {
            double py = (v + 0.5) / resolution - 0.5;
            for (int u = 0; u < resolution; u++) {
                double px = (u + 0.5) / resolution - 0.5;
                out[u + v * resolution] = plane.zeroOutside(map.x(px, py), map.y(px, py));
            }
        }
        return out;
    }

    /** Turns a resampled 0/1 mask back into 0/1: values above ½ become 1. */
    static float[] threshold(float[] soft) {
        float[] out = new float[soft.length];
        for (int i = 0; i < soft.length; i++) out[i] = soft[i] > 0.5f ? 1f : 0f;
        return out;
    }

    static boolean isEmpty(float[] mask) {
        for (float v : mask) if (v != 0f) return false;
        return true;
    }
}
