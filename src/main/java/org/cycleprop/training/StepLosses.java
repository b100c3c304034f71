package org.cycleprop.training;

import ai.djl.ndarray.NDArray;

/**
 * Result of one training step's forward pass. {@code total} is the scalar to back-propagate; it and the
 * graph behind it live in the batch's NDManager scope, which the caller closes after the update.
 *
 * @param total      scalar L(frame 1) + L(frame 2) + λ · L(frame 0 by the cycle)
 * @param loss1      L(frame 1)
 * @param loss2      L(frame 2)
 * @param cycle      L(frame 0 by the cycle), unweighted; NaN when λ = 0 (not computed)
 * @param totalValue the value of {@code total}
 * @param iou1       intersection over union of the target at frame 1 (aggregated probability > 0.5) with
 *                   its ground truth, over the whole batch; 1 when both are empty
 * @param iou2       the same at frame 2
 */
public record StepLosses(NDArray total, float loss1, float loss2, float cycle, float totalValue, float iou1,
        float iou2) {
    public boolean hasCycle() {
        return !Float.isNaN(cycle);
    }
}
