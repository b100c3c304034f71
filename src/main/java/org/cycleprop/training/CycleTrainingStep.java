package org.cycleprop.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import org.cycleprop.model.KeyFeatures;
import org.cycleprop.model.LocalityPrior;
import org.cycleprop.model.SoftAggregation;
import org.cycleprop.model.StcnNetwork;

import java.util.ArrayList;
import java.util.List;

/**
 * The differentiable forward pass and loss of one training step: STCN's three-frame training (frame 0 with
 * ground truth → frame 1 → frame 2 with frames 0 and 1 as memory) plus the cycle of Med-STCN (Wang et al.):
 * frame 0 is segmented back from the predicted frame 1 alone, by the same network with the same parameters,
 * and compared with its ground truth. Samples of T &gt; 3 frames continue the chain (frame t from frames
 * 0 … t − 1, its own predictions as memory), so that the network is trained on its own accumulated drift, as
 * whole-volume propagation runs it; their cycle segments frame 0 back from all intermediate predictions. Every sample has two object slots (slot 1 the target, slot 2 the
 * second object, whose probability is multiplied by hasOthers so an absent object counts for nothing); the
 * slots of sample b are entries 2b and 2b+1 of the object batch. All memory entries take part (top-k off); an
 * optional locality prior weights them by distance, as propagation then does.
 *
 * <p>Loss per frame: {@link BootstrappedCrossEntropy} of the aggregated class logits against the class
 * indices, plus {@code diceWeight} × {@link SoftDice} of the target's aggregated probability. For samples
 * without a second object STCN drops the third class from the cross-entropy; here it stays, with its
 * logit at log(1e-7 / (1 − 1e-7)) ≈ −16.1, which changes each pixel's loss by less than 1e-6.
 *
 * <p>Run inside a GradientCollector; every array is created in the batch's NDManager.
 */
public final class CycleTrainingStep {
    /** Weight of the cycle term in the authors' training. */
    public static final float PAPER_CYCLE_WEIGHT = 0.1f;

    private static final int SLOTS = 2;
    private static final float ABSENT_LOGIT = 30f;

    private final StcnNetwork network;
    private final BootstrappedCrossEntropy crossEntropy;
    private final float cycleWeight;
    private final float diceWeight;
    private final LocalityPrior locality;

    /**
     * @param cycleWeight λ of the cycle term; 0 is standard STCN training (the backward path is skipped)
     * @param diceWeight  weight of the optional soft-Dice term on the target (0 = STCN's loss only)
     */
    public CycleTrainingStep(StcnNetwork network, BootstrappedCrossEntropy crossEntropy, float cycleWeight,
            float diceWeight) {
        this(network, crossEntropy, cycleWeight, diceWeight, 0);
    }

    /** @param locality width of the readout's locality prior in key-grid cells (0 = none), as at propagation */
    public CycleTrainingStep(StcnNetwork network, BootstrappedCrossEntropy crossEntropy, float cycleWeight,
            float diceWeight, double locality) {
        if (!(locality >= 0)) throw new IllegalArgumentException("locality must be >= 0 (0 = none), got " + locality);
        if (!(cycleWeight >= 0) || !(diceWeight >= 0)) {
            throw new IllegalArgumentException("loss weights must be >= 0: cycle " + cycleWeight + ", dice " + diceWeight);
        }
        this.network = network;
        this.crossEntropy = crossEntropy;
        this.cycleWeight = cycleWeight;
        this.diceWeight = diceWeight;
        this.locality = locality > 0 ? LocalityPrior.aligned(locality) : null; // one crop for all frames
    }

    public float cycleWeight() {
        return cycleWeight;
    }

    public float diceWeight() {
        return diceWeight;
    }

    /** Forward pass and loss at training iteration {@code iteration} (which sets the bootstrapping fraction). */
    public StepLosses compute(TrainingBatch batch, int iteration) {
        Predictions p = predict(batch);
        int queries = p.queries();
        float[] frameLosses = new float[queries];
        float[] ious = new float[queries];
        NDArray sum = null;
        for (int t = 1; t <= queries; t++) {
            NDArray loss = frameLoss(p.logits(t), batch, t, iteration);
            sum = sum == null ? loss : sum.add(loss);
            frameLosses[t - 1] = value(loss);
            ious[t - 1] = iou(p.logits(t), batch.mask(t));
        }
        // the paper's sum over its two query frames; longer samples keep that scale: 2 × the mean
        NDArray total = queries == 2 ? sum : scaled(sum, 2f / queries);
        float cycle = Float.NaN;
        if (p.hasCycle()) {
            NDArray loss0 = frameLoss(p.logits0Cycle(), batch, 0, iteration);
            total = total.add(scaled(loss0, cycleWeight));
            cycle = value(loss0);
        }
        return new StepLosses(total, frameLosses, cycle, value(total), ious);
    }

    /**
     * The forward pass: class logits of frames 1 … T − 1, frame t segmented from memory [frame 0 with ground
     * truth, frames 1 … t − 1 as predicted], and, when λ > 0, of frame 0 by the cycle: segmented back from the
     * intermediate predictions (frames 1 … T − 2; frame 1 alone in the paper's three-frame training).
     */
    public Predictions predict(TrainingBatch batch) {
        int b = batch.batchSize();
        int frames = batch.framesPerSample();
        Shape f = batch.frames().getShape();
        // key features never change: all T·B frames in one pass, entry T·b + t is frame t of sample b
        KeyFeatures all = network.encodeKey(batch.frames().reshape(b * (long) frames, f.get(2), f.get(3), f.get(4)), true);
        KeyFeatures[] key = new KeyFeatures[frames];
        for (int t = 0; t < frames; t++) key[t] = frameOf(all, b, frames, t);
        NDArray selector = selector(batch.hasOthers()); // [B, 2, 1, 1]

        NDArray values0 = encodeValues(batch.frame(0), key[0], batch.mask(0), batch.other(0)); // ground truth
        NDList memKeys = new NDList(StcnNetwork.flattenSpatial(key[0].k16())); // each [B, Ck, h·w]
        NDList memValues = new NDList(StcnNetwork.flattenSpatial(values0)); // each [2B, Cv, h·w]
        List<NDArray> logits = new ArrayList<>(frames - 1);
        NDArray previousTarget = batch.mask(0); // what the refiner sees of the slice before: here the ground truth
        NDArray previousSecond = batch.other(0);
        NDArray firstTarget = null;
        NDArray firstSecond = null;
        for (int t = 1; t < frames; t++) {
            NDArray l = segment(key[t], concat(memKeys), concat(memValues), selector, batch.frame(t), previousTarget,
                    previousSecond);
            logits.add(l);
            if (t == frames - 1) break; // the last prediction is never used as memory
            NDArray probs = l.softmax(1).get(":, 1:"); // [B, 2, R, R] aggregated, as STCN encodes them
            previousTarget = probs.get(":, 0:1");
            previousSecond = probs.get(":, 1:2");
            if (t == 1) {
                firstTarget = previousTarget;
                firstSecond = previousSecond;
            }
            NDArray values = encodeValues(batch.frame(t), key[t], previousTarget, previousSecond);
            memKeys.add(StcnNetwork.flattenSpatial(key[t].k16()));
            memValues.add(StcnNetwork.flattenSpatial(values));
        }
        NDArray logits0Cycle = null;
        if (cycleWeight > 0) { // memory without frame 0's ground truth; frame 1 is frame 0's neighbour on the way back
            NDList predictedKeys = new NDList(memKeys.subList(1, memKeys.size()));
            NDList predictedValues = new NDList(memValues.subList(1, memValues.size()));
            logits0Cycle = segment(key[0], concat(predictedKeys), concat(predictedValues), selector, batch.frame(0),
                    firstTarget, firstSecond);
        }
        return new Predictions(logits, logits0Cycle);
    }

    private static NDArray concat(NDList parts) {
        return parts.size() == 1 ? parts.singletonOrThrow() : NDArrays.concat(parts, 2);
    }

    /**
     * L(classLogits, ground truth of frame {@code t}): bootstrapped cross-entropy, plus the weighted soft Dice
     * of the target when {@code diceWeight} > 0. Scalar.
     */
    public NDArray frameLoss(NDArray classLogits, TrainingBatch batch, int t, int iteration) {
        NDArray loss = crossEntropy.loss(classLogits, batch.classes(t), iteration);
        if (diceWeight > 0) {
            NDArray target = batch.mask(t).squeeze(1).gt(0.5f).toType(DataType.FLOAT32, false);
            loss = loss.add(scaled(SoftDice.loss(classLogits.softmax(1).get(":, 1"), target), diceWeight));
        }
        return loss;
    }

    /** Memory values [2B, Cv, h, w] of B frames for both slots: (target, others = second), (second, others = target). */
    private NDArray encodeValues(NDArray frame, KeyFeatures key, NDArray target, NDArray second) {
        NDArray masks = slotsOf(target, second);
        NDArray others = slotsOf(second, target);
        return network.encodeValue(perSlot(frame), perSlot(key.f16()), masks, others, true);
    }

    /**
     * Class logits [B, 3, R, R] of a query frame [B, C, R, R] from memory keys [B, Ck, N] and values [2B, Cv, N],
     * refined (when the network has a refiner) with the previous frame's target and second-object masks
     * [B, 1, R, R].
     */
    private NDArray segment(KeyFeatures query, NDArray memKeys, NDArray memValues, NDArray selector, NDArray frame,
            NDArray previousTarget, NDArray previousSecond) {
        KeyFeatures slots = new KeyFeatures(perSlot(query.k16()), perSlot(query.f16Thin()), query.f16(),
                perSlot(query.f8()), perSlot(query.f4()));
        NDArray logits = network.segment(slots, perSlot(memKeys), memValues, 0, locality, true); // [2B, 1, R, R]
        if (network.hasRefiner()) {
            logits = network.refine(logits, slotsOf(previousTarget, previousSecond), perSlot(frame), true);
        }
        Shape s = logits.getShape();
        NDArray perSample = logits.reshape(s.get(0) / SLOTS, SLOTS, s.get(2), s.get(3)); // [B, 2, R, R]
        // an absent second object gets logit −30 (probability ~1e-13) instead of its prediction
        NDArray present = perSample.mul(selector).add(selector.sub(1).mul(ABSENT_LOGIT));
        return SoftAggregation.logitsFromObjectLogits(present, 1);
    }

    /** Features of frame t of every sample, from features of all T·B frames. */
    private static KeyFeatures frameOf(KeyFeatures all, int batch, int frames, int t) {
        return new KeyFeatures(pick(all.k16(), batch, frames, t), pick(all.f16Thin(), batch, frames, t),
                pick(all.f16(), batch, frames, t), pick(all.f8(), batch, frames, t), pick(all.f4(), batch, frames, t));
    }

    private static NDArray pick(NDArray x, int batch, int frames, int t) {
        Shape s = x.getShape();
        return x.reshape(batch, frames, s.get(1), s.get(2), s.get(3)).get(":, " + t);
    }

    /** x [B, ...] → [2B, ...], entry b repeated at 2b and 2b+1. */
    private static NDArray perSlot(NDArray x) {
        long[] dims = x.getShape().getShape();
        long[] expanded = new long[dims.length + 1];
        expanded[0] = dims[0];
        expanded[1] = SLOTS;
        System.arraycopy(dims, 1, expanded, 2, dims.length - 1);
        long[] merged = dims.clone();
        merged[0] = dims[0] * SLOTS;
        return x.expandDims(1).broadcast(new Shape(expanded)).reshape(new Shape(merged));
    }

    /** [B, 1, R, R] first and second → [2B, 1, R, R] with entries 2b = first b, 2b+1 = second b. */
    private static NDArray slotsOf(NDArray first, NDArray second) {
        Shape s = first.getShape();
        return NDArrays.stack(new NDList(first, second), 1).reshape(s.get(0) * SLOTS, s.get(1), s.get(2), s.get(3));
    }

    /** hasOthers [B] → [B, 2, 1, 1]: slot 1 always counts, slot 2 only when the sample has a second object. */
    private static NDArray selector(NDArray hasOthers) {
        NDArray present = hasOthers.toType(DataType.FLOAT32, false);
        return NDArrays.stack(new NDList(present.onesLike(), present), 1).reshape(present.getShape().get(0), SLOTS, 1, 1);
    }

    /** Batch IoU of the target (aggregated probability > 0.5) against its mask [B, 1, R, R]. */
    private static float iou(NDArray classLogits, NDArray mask) {
        NDArray predicted = classLogits.stopGradient().softmax(1).get(":, 1").gt(0.5f);
        NDArray truth = mask.squeeze(1).gt(0.5f);
        float intersection = predicted.logicalAnd(truth).toType(DataType.FLOAT32, false).sum().getFloat();
        float union = predicted.logicalOr(truth).toType(DataType.FLOAT32, false).sum().getFloat();
        return union == 0 ? 1f : intersection / union;
    }

    /**
     * x · factor with the factor as an array of x's scope. NDArray.mul(Number) in DJL's PyTorch engine wraps the
     * number in a native array backed by a Java buffer and closes it straight away, while autograd keeps that
     * array for the backward pass; once the garbage collector frees the buffer the gradient reads freed memory
     * (wrong values or NaN). add/sub of a number are safe: their backward does not use the number.
     */
    static NDArray scaled(NDArray x, float factor) {
        return x.mul(x.getManager().create(factor));
    }

    private static float value(NDArray scalar) {
        return scalar.stopGradient().getFloat();
    }
}
