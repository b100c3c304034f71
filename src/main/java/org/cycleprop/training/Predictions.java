package org.cycleprop.training;

import ai.djl.ndarray.NDArray;

/**
 * Class logits [B, 3, R, R] (background, target, second object; STCN's aggregated logits log(p / (1 − p)))
 * of one training forward pass.
 *
 * @param logits1      frame 1 segmented from memory [frame 0 with ground truth]
 * @param logits2      frame 2 segmented from memory [frame 0 with ground truth, frame 1 as predicted]
 * @param logits0Cycle frame 0 segmented back from memory [frame 1 as predicted] only; null when the step's
 *                     cycle weight is 0 (the backward path is then not computed)
 */
public record Predictions(NDArray logits1, NDArray logits2, NDArray logits0Cycle) {
    public boolean hasCycle() {
        return logits0Cycle != null;
    }
}
