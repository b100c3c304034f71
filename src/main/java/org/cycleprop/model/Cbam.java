package org.cycleprop.model;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/** Convolutional block attention module (Woo et al. 2018): channel gate, then spatial gate. Shape kept. */
public final class Cbam extends AbstractBlock {
    private final Block channelGate;
    private final Block spatialGate;

    public Cbam(int channels, int reduction) {
        channelGate = addChildBlock("channelGate", new ChannelGate(channels, reduction));
        spatialGate = addChildBlock("spatialGate", new SpatialGate());
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        return spatialGate.forward(ps, channelGate.forward(ps, inputs, training), training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        channelGate.initialize(manager, dataType, inputShapes);
        spatialGate.initialize(manager, dataType, inputShapes);
    }
}
