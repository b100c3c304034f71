package org.cycleprop.training;

import ai.djl.ndarray.NDArray;

/**
 * Result of one training step's forward pass. {@code total} is the scalar to back-propagate; it and the
 * graph behind it live in the batch's NDManager scope, which the caller closes after the update.
 *
 * @param total       scalar L(frame 1) + L(frame 2) + λ · L(frame 0 by the cycle) for three frames; for T
 *                    frames the frame losses enter as 2 × their mean
 * @param frameLosses entry t − 1: L(frame t), t = 1 … T − 1
 * @param cycle       L(frame 0 by the cycle), unweighted; NaN when λ = 0 (not computed)
 * @param totalValue  the value of {@code total}
 * @param ious        entry t − 1: intersection over union of the target at frame t (aggregated probability
 *                    &gt; 0.5) with its ground truth, over the whole batch; 1 when both are empty
 */
public record StepLosses(NDArray total, float[] frameLosses, float cycle, float totalValue, float[] ious) {
    /** L(frame t). */
    public float loss(int t) {
        return frameLosses[t - 1];
    }

    /** IoU of frame t. */
    public float iou(int t) {
        return ious[t - 1];
    }

    /** The last frame T − 1 (2 for triplets). */
    public int lastFrame() {
        return frameLosses.length;
    }

    public boolean hasCycle() {
        return !Float.isNaN(cycle);
    }
}
