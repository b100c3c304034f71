package org.cycleprop.training;

import ai.djl.ndarray.NDArray;

import java.util.List;

/**
 * Class logits [B, 3, R, R] (background, target, second object; STCN's aggregated logits log(p / (1 − p)))
 * of one training forward pass over samples of T frames.
 *
 * @param frameLogits  entry t − 1: frame t (1 … T − 1) segmented from memory [frame 0 with ground truth,
 *                     frames 1 … t − 1 as predicted]
 * @param logits0Cycle frame 0 segmented back from memory [frames 1 … T − 2 as predicted] only (frame 1 in
 *                     three-frame training); null when the step's cycle weight is 0 (the backward path is
 *                     then not computed)
 */
public record Predictions(List<NDArray> frameLogits, NDArray logits0Cycle) {
    public Predictions {
        frameLogits = List.copyOf(frameLogits);
    }

    /** Logits of frame {@code t}, 1 … T − 1. */
    public NDArray logits(int t) {
        return frameLogits.get(t - 1);
    }

    /** Number of predicted frames T − 1. */
    public int queries() {
        return frameLogits.size();
    }

    public boolean hasCycle() {
        return logits0Cycle != null;
    }
}
