package org.cycleprop.training;

import ai.djl.ndarray.NDManager;

/** Small hand-made batches: a bright disc (target) drifting right, a grey disc (second object). */
final class Batches {
    private Batches() {
    }

    /** B three-frame samples of size×size; sample b has a second object when {@code hasOthers[b]}. */
    static TrainingBatch discs(NDManager manager, int size, int channels, boolean... hasOthers) {
        return discs(manager, 3, size, channels, hasOthers);
    }

    /** B samples of {@code frames} frames; the first three are those of the three-frame batch. */
    static TrainingBatch discs(NDManager manager, int frames, int size, int channels, boolean... hasOthers) {
        int batch = hasOthers.length;
        int plane = size * size;
        float[] images = new float[batch * frames * plane];
        float[] masks = new float[images.length];
        float[] others = new float[images.length];
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < frames; t++) {
                int offset = (b * frames + t) * plane;
                double tx = size * 0.35 + 2 * t + 3 * b;
                double ty = size * 0.4;
                double ox = size * 0.7;
                double oy = size * 0.7 - 2 * t;
                for (int y = 0; y < size; y++) {
                    for (int x = 0; x < size; x++) {
                        int i = offset + y * size + x;
                        images[i] = 0.2f + 0.05f * ((x * 7 + y * 13) % 5) / 4f; // faint texture
                        if (hasOthers[b] && Math.hypot(x - ox, y - oy) < size * 0.12) {
                            images[i] = 0.5f;
                            others[i] = 1;
                        }
                        if (Math.hypot(x - tx, y - ty) < size * 0.15) {
                            images[i] = 0.9f;
                            masks[i] = 1;
                        }
                    }
                }
            }
        }
        return TrainingBatch.fromArrays(manager, batch, frames, size, channels, images, masks, others, hasOthers);
    }
}
