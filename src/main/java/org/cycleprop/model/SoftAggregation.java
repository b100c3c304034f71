package org.cycleprop.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * STCN's soft aggregation of independently decoded objects (no parameters). With object probabilities
 * p_1..p_K along the object axis, the background is Π(1 − p_i); all K+1 maps are clamped to
 * [1e-7, 1 − 1e-7], turned into logits log(p / (1 − p)), and a softmax over the K+1 maps makes them sum to 1.
 * Index 0 of the result is the background, index i the object i. As a block: probabilities [K, 1, H, W] →
 * aggregated probabilities [K+1, 1, H, W].
 */
public final class SoftAggregation extends AbstractBlock {
    private static final float EPSILON = 1e-7f;

    /** Logits [K+1, ...] (background first) of probabilities [K, ...] aggregated along axis 0. */
    public static NDArray logits(NDArray probs) {
        return logits(probs, 0);
    }

    /** Logits (background first) of probabilities aggregated along {@code objectAxis}, e.g. 1 for [B, K, H, W]. */
    public static NDArray logits(NDArray probs, int objectAxis) {
        NDArray complement = probs.neg().add(1); // not mul(-1): see MemoryReadout.affinity
        NDArray background = complement.prod(new int[] {objectAxis}, true);
        NDArray all = NDArrays.concat(new NDList(background, probs), objectAxis).clip(EPSILON, 1 - EPSILON);
        return all.div(all.neg().add(1)).log();
    }

    /**
     * The same aggregated logits computed from the decoder's raw object logits x (p = σ(x)), for training.
     * An object's aggregated logit log(p / (1 − p)) is x itself, so it is used unclamped: going through
     * clamped probabilities instead stops every gradient once the decoder saturates, and a network that starts
     * out confidently wrong then never learns. The background logit is log(bg) − log(1 − bg) with
     * log(bg) = −Σ softplus(x_i); only 1 − bg is bounded away from 0.
     */
    public static NDArray logitsFromObjectLogits(NDArray objectLogits, int objectAxis) {
        NDArray logBackground = Activation.softPlus(objectLogits).sum(new int[] {objectAxis}, true).neg();
        NDArray notBackground = logBackground.exp().clip(0, 1 - 1e-6f).neg().add(1);
        NDArray background = logBackground.sub(notBackground.log());
        return NDArrays.concat(new NDList(background, objectLogits), objectAxis);
    }

    /** Probabilities [K+1, 1, H, W] (background first, summing to 1) of objects [K, 1, H, W]. */
    public static NDArray aggregate(NDArray probs) {
        return logits(probs, 0).softmax(0);
    }

    /** Probabilities (background first) aggregated along {@code objectAxis}. */
    public static NDArray aggregate(NDArray probs, int objectAxis) {
        return logits(probs, objectAxis).softmax(objectAxis);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(aggregate(inputs.singletonOrThrow()));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape s = inputShapes[0];
        return new Shape[] {new Shape(s.get(0) + 1, s.get(1), s.get(2), s.get(3))};
    }
}
