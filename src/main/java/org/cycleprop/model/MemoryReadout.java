package org.cycleprop.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * STCN's memory read (no parameters). The affinity between memory keys mk [B, Ck, N] (N = T·h·w entries of
 * T memory frames) and query keys qk [B, Ck, h·w] is the negative squared L2 distance scaled by 1/√Ck; the
 * query's own norm is dropped because it is constant over the softmax axis:
 * <pre>  S = (2·mkᵀqk − ‖mk‖²) / √Ck   [B, N, h·w],   W = softmax over N.</pre>
 * With top-k only the k largest entries of each query column take part in the softmax; the others get
 * weight 0. The readout is mv · W, concatenated with the query's f16_thin along the channels.
 *
 * <p>As a block: inputs (mk [B, Ck, N], mv [B', Cv, N], qk [B, Ck, h, w], qf16Thin [B, Ct, h, w]); output
 * [B', Cv + Ct, h, w]. B must be 1 or B' (one affinity shared by all objects at inference).
 */
public final class MemoryReadout extends AbstractBlock {
    private final int topK;

    /** @param topK entries kept per query position; 0 keeps all (plain softmax) */
    public MemoryReadout(int topK) {
        if (topK < 0) throw new IllegalArgumentException("topK must be >= 0: " + topK);
        this.topK = topK;
    }

    /**
     * Softmax-normalised affinity W [B, N, h·w] of memory keys mk [B, Ck, N] to query keys qk [B, Ck, h·w];
     * each column sums to 1. {@code topK} > 0 keeps the min(topK, N) largest entries per column.
     */
    public static NDArray affinity(NDArray mk, NDArray qk, int topK) {
        long keyChannels = mk.getShape().get(1);
        long entries = mk.getShape().get(2);
        NDArray keyNorms = mk.square().sum(new int[] {1}).expandDims(2); // [B, N, 1]
        NDArray products = mk.transpose(0, 2, 1).matMul(qk); // [B, N, h·w]
        // no mul/div by a Java number on arrays in a gradient graph: DJL frees that scalar's memory at once, autograd
        // keeps it for the backward pass, which then reads freed memory; the scale array lives in the query's scope
        NDArray scale = qk.getManager().create((float) Math.sqrt(keyChannels));
        NDArray similarity = products.add(products).sub(keyNorms).div(scale); // [B, N, h·w]
        if (topK > 0) {
            int k = (int) Math.min(topK, entries);
            // k-th largest value of each column; entries below it are excluded from the softmax
            NDArray kth = similarity.stopGradient().topK(k, 1, true, false).get(0).min(new int[] {1}, true);
            NDArray excluded = similarity.getManager().create(Float.NEGATIVE_INFINITY);
            similarity = NDArrays.where(similarity.gte(kth), similarity, excluded);
        }
        return similarity.softmax(1);
    }

    /**
     * Reads the memory for a query: mk [B, Ck, N], mv [B', Cv, N], qk [B, Ck, h, w], qf16Thin [B, Ct, h, w]
     * → [B', Cv + Ct, h, w] (readout channels first). B must be 1 or equal to B'.
     */
    public static NDArray readout(NDArray mk, NDArray mv, NDArray qk, NDArray qf16Thin, int topK) {
        Shape q = qk.getShape();
        long objects = mv.getShape().get(0);
        long valueChannels = mv.getShape().get(1);
        NDArray weights = affinity(mk, qk.reshape(q.get(0), q.get(1), q.get(2) * q.get(3)), topK); // [B, N, h·w]
        NDArray read = mv.matMul(weights).reshape(objects, valueChannels, q.get(2), q.get(3)); // [B', Cv, h, w]
        Shape thin = qf16Thin.getShape();
        NDArray query = thin.get(0) == objects ? qf16Thin
                : qf16Thin.broadcast(objects, thin.get(1), thin.get(2), thin.get(3)); // [B', Ct, h, w]
        return NDArrays.concat(new NDList(read, query), 1);
    }

    public int topK() {
        return topK;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(readout(inputs.get(0), inputs.get(1), inputs.get(2), inputs.get(3), topK));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape mv = inputShapes[1];
        Shape q = inputShapes[3];
        return new Shape[] {new Shape(mv.get(0), mv.get(1) + q.get(1), q.get(2), q.get(3))};
    }
}
