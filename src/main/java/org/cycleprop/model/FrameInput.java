package org.cycleprop.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * The one convention for what the network sees, shared by training and inference: a square frame with
 * intensities normalised to [0, 1] (see the propagation's intensity normaliser), centred and scaled to
 * roughly unit variance, repeated over the preset's image channels; masks as 0..1 probabilities.
 */
public final class FrameInput {
    private static final float CENTRE = 0.5f;
    private static final float SCALE = 4f; // 1 / 0.25: a [0,1] image spans [-2, 2]

    private FrameInput() {
    }

    /** Frames [B, channels, size, size] from B normalised size×size images (row-major, concatenated). */
    public static NDArray frames(NDManager manager, float[] images, int batch, int size, int channels) {
        float[] x = new float[images.length];
        for (int i = 0; i < x.length; i++) x[i] = (images[i] - CENTRE) * SCALE;
        NDArray one = manager.create(x, new Shape(batch, 1, size, size));
        return channels == 1 ? one : one.repeat(1, channels);
    }

    /** Masks [B, 1, size, size] from B size×size probability maps (row-major, concatenated). */
    public static NDArray masks(NDManager manager, float[] masks, int batch, int size) {
        return manager.create(masks, new Shape(batch, 1, size, size));
    }
}
