package org.cycleprop.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
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
        return affinityByQuery(mk, qk, topK, null).transpose(0, 2, 1);
    }

    /** The affinity laid out as [B, h·w, N], so that top-k and softmax run along the contiguous last axis. */
    private static NDArray affinityByQuery(NDArray mk, NDArray qk, int topK, NDArray bias) {
        NDManager scope = qk.getManager();
        long keyChannels = mk.getShape().get(1);
        long entries = mk.getShape().get(2);
        double scale = 1 / Math.sqrt(keyChannels);
        // the scaling is applied to the small operands so that the large [B, h·w, N] array is touched once
        // scale factors as arrays of the query's scope, not Java numbers: DJL frees a number's temporary array at
        // once while autograd keeps it for the backward pass, which would then read freed memory
        NDArray twoScale = scope.create((float) (2 * scale));
        NDArray oneScale = scope.create((float) scale);
        NDArray keys = own(mk.mul(twoScale), scope); // [B, Ck, N]
        NDArray keyNorms = own(mk.square(), scope).sum(new int[] {1}, true).mul(oneScale); // [B, 1, N]
        NDArray similarity = qk.transpose(0, 2, 1).matMul(keys).sub(keyNorms); // [B, h·w, N]
        if (bias != null) similarity = similarity.add(bias);
        if (topK > 0) {
            int k = (int) Math.min(topK, entries);
            // k-th largest value of each query row; entries below it are excluded from the softmax
            NDArray kth = similarity.stopGradient().topK(k, 2, true, false).get(0).min(new int[] {2}, true);
            NDArray excluded = scope.create(Float.NEGATIVE_INFINITY);
            similarity = NDArrays.where(similarity.gte(kth), similarity, excluded);
        }
        return similarity.softmax(2);
    }

    /**
     * Reads the memory for a query: mk [B, Ck, N], mv [B', Cv, N], qk [B, Ck, h, w], qf16Thin [B, Ct, h, w]
     * → [B', Cv + Ct, h, w] (readout channels first). B must be 1 or equal to B'. Results and temporaries
     * belong to the manager of {@code qk}, so a long-lived memory bank does not collect per-query arrays.
     */
    public static NDArray readout(NDArray mk, NDArray mv, NDArray qk, NDArray qf16Thin, int topK) {
        return readout(mk, mv, qk, qf16Thin, topK, null);
    }

    /**
     * {@link #readout(NDArray, NDArray, NDArray, NDArray, int)} with a {@link LocalityPrior} (null = none) added to
     * the affinity logits before top-k and softmax. The memory frames must have the query's key-grid size.
     */
    public static NDArray readout(NDArray mk, NDArray mv, NDArray qk, NDArray qf16Thin, int topK,
                                  LocalityPrior locality) {
        Shape q = qk.getShape();
        long objects = mv.getShape().get(0);
        long valueChannels = mv.getShape().get(1);
        NDArray bias = null;
        if (locality != null) {
            int h = (int) q.get(2);
            int w = (int) q.get(3);
            long entries = mk.getShape().get(2);
            if (entries % ((long) h * w) != 0) {
                throw new IllegalArgumentException("memory of " + entries + " entries is not whole frames of " + h
                        + "x" + w);
            }
            bias = locality.bias(qk.getManager(), h, w, (int) (entries / ((long) h * w)));
        }
        NDArray weights = affinityByQuery(mk, qk.reshape(q.get(0), q.get(1), q.get(2) * q.get(3)), topK, bias); // [B, h·w, N]
        NDArray valuesByEntry = own(mv.transpose(0, 2, 1), qk.getManager()); // [B', N, Cv]
        NDArray read = weights.matMul(valuesByEntry) // [B', h·w, Cv]
                .transpose(0, 2, 1).reshape(objects, valueChannels, q.get(2), q.get(3)); // [B', Cv, h, w]
        Shape thin = qf16Thin.getShape();
        NDArray query = thin.get(0) == objects ? qf16Thin
                : qf16Thin.broadcast(objects, thin.get(1), thin.get(2), thin.get(3)); // [B', Ct, h, w]
        return NDArrays.concat(new NDList(read, query), 1);
    }

    /** Moves an array computed from a foreign (e.g. memory-bank) array into {@code scope}. */
    private static NDArray own(NDArray derived, NDManager scope) {
        derived.attach(scope);
        return derived;
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
