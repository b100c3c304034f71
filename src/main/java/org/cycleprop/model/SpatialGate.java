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
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * CBAM spatial attention: the channel maximum and channel mean [B, 2, h, w] go through a 7×7 convolution
 * (with bias, no normalisation, as in STCN) to one map; x is scaled per position by its sigmoid.
 */
public final class SpatialGate extends AbstractBlock {
    private final Block conv;

    public SpatialGate() {
        conv = addChildBlock("conv", Layers.conv(1, 7, 1, true));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow(); // [B, C, h, w]
        int[] channel = {1};
        NDArray pooled = NDArrays.concat(new NDList(x.max(channel, true), x.mean(channel, true)), 1); // [B, 2, h, w]
        NDArray score = conv.forward(ps, new NDList(pooled), training).singletonOrThrow(); // [B, 1, h, w]
        return new NDList(x.mul(Activation.sigmoid(score)));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        conv.initialize(manager, dataType, Layers.withChannels(inputShapes[0], 2));
    }
}
