package org.cycleprop.model;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/** 3×3 convolution f16 [B, C16, h, w] → key k16 [B, keyChannels, h, w], orthogonally initialised. */
public final class KeyProjection extends AbstractBlock {
    private final Conv2d conv;

    public KeyProjection(int keyChannels) {
        conv = addChildBlock("conv", Layers.conv(keyChannels, 3, 1, true));
        conv.setInitializer(new OrthogonalInitializer(), Parameter.Type.WEIGHT);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        return conv.forward(ps, inputs, training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return conv.getOutputShapes(inputShapes);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        conv.initialize(manager, dataType, inputShapes);
    }
}
