package org.cycleprop.model;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Query/memory feature extractor: the key trunk of the preset (ResNet-50 stages 1–3 in the paper).
 * Input frames [B, imageChannels, H, W]; output (f16, f8, f4) at strides 16, 8, 4.
 */
public final class KeyEncoder extends AbstractBlock {
    private final ResNetTrunk trunk;

    public KeyEncoder(Preset preset) {
        trunk = addChildBlock("trunk", new ResNetTrunk(preset.keyTrunk(), preset.norm(), preset.normGroups()));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        return trunk.forward(ps, inputs, training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return trunk.getOutputShapes(inputShapes);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        trunk.initialize(manager, dataType, inputShapes);
    }
}
