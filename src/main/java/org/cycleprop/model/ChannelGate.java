package org.cycleprop.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * CBAM channel attention: a shared two-layer MLP (C → C/r → C) scores the spatial average and the spatial
 * maximum of each channel; x is scaled per channel by sigmoid(sum of both scores). [B, C, h, w] → same.
 */
public final class ChannelGate extends AbstractBlock {
    private final Block hidden;
    private final Block output;

    public ChannelGate(int channels, int reduction) {
        hidden = addChildBlock("hidden", Linear.builder().setUnits(Math.max(1, channels / reduction)).build());
        output = addChildBlock("output", Linear.builder().setUnits(channels).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow(); // [B, C, h, w]
        long batch = x.getShape().get(0);
        int[] spatial = {2, 3};
        // both pooled descriptors go through the MLP as one batch: [2B, C]
        NDArray flat = x.reshape(batch, x.getShape().get(1), -1); NDArray pooled = NDArrays.concat(new NDList(flat.mean(new int[] {2}), flat.max(new int[] {2})), 0); // PyTorch NDArray reduces over one axis only
        NDArray h = Activation.relu(hidden.forward(ps, new NDList(pooled), training).singletonOrThrow());
        NDArray scores = output.forward(ps, new NDList(h), training).singletonOrThrow(); // [2B, C]
        NDArray sum = scores.get("0:" + batch).add(scores.get(batch + ":")); // [B, C]
        NDArray scale = Activation.sigmoid(sum).expandDims(2).expandDims(3); // [B, C, 1, 1]
        return new NDList(x.mul(scale));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape in = inputShapes[0];
        Shape s = Layers.initialize(hidden, manager, dataType, new Shape(2 * in.get(0), in.get(1)));
        output.initialize(manager, dataType, s);
    }
}
