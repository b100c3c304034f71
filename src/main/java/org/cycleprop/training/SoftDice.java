package org.cycleprop.training;

import ai.djl.ndarray.NDArray;

/**
 * Soft Dice loss 1 − (2·Σ p·g + 1) / (Σ p + Σ g + 1) of a probability map against a 0/1 mask, per sample,
 * averaged over the batch. Not part of STCN's or the cycle paper's loss: an optional extra for short CPU
 * runs, where cross-entropy over whole slices is dominated by background and a small structure can be
 * predicted away; the Dice term weighs the structure's overlap regardless of its size. The +1 keeps the
 * loss defined (and 0) for an empty mask predicted empty.
 */
public final class SoftDice {
    private SoftDice() {
    }

    /** probabilities and targets [B, ...] of the same shape → scalar loss in [0, 1). */
    public static NDArray loss(NDArray probabilities, NDArray targets) {
        if (!probabilities.getShape().equals(targets.getShape())) {
            throw new IllegalArgumentException("shapes differ: " + probabilities.getShape() + " and " + targets.getShape());
        }
        long batch = probabilities.getShape().get(0);
        NDArray p = probabilities.reshape(batch, -1);
        NDArray g = targets.reshape(batch, -1);
        NDArray common = p.mul(g).sum(new int[] {1});
        NDArray overlap = common.add(common).add(1); // no mul(2): see CycleTrainingStep.scaled
        NDArray total = p.sum(new int[] {1}).add(g.sum(new int[] {1})).add(1);
        return overlap.div(total).mean().neg().add(1);
    }
}
