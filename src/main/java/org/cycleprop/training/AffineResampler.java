package org.cycleprop.training;

import org.cycleprop.volume.Affine2D;
import org.cycleprop.volume.PlaneSampler;

/**
 * Cuts an R×R training window out of a plane through an affine map from normalised window coordinates to plane
 * pixels, with the same {@link PlaneSampler} the propagation uses for its windows.
 */
final class AffineResampler {
    private AffineResampler() {
    }

    static float[] resample(Plane source, Affine2D windowToSource, int resolution) {
        return PlaneSampler.sample(source.pixels(), source.width(), source.height(), windowToSource, resolution);
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
