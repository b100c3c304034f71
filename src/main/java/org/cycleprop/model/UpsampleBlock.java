package org.cycleprop.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Decoder step to the next finer stride: the skip feature goes through a 3×3 convolution to
 * {@code upChannels}, the coarser feature is bilinearly upsampled to the skip's size and added, then a
 * residual block gives {@code outChannels}. Inputs (skip [B, skipChannels, 2h, 2w], up [B, upChannels, h, w]);
 * output [B, outChannels, 2h, 2w].
 */
public final class UpsampleBlock extends AbstractBlock {
    private final int outChannels;
    private final Block skipConv;
    private final Block out;

    public UpsampleBlock(int upChannels, int outChannels) {
        this.outChannels = outChannels;
        skipConv = addChildBlock("skipConv", Layers.conv(upChannels, 3, 1, true));
        out = addChildBlock("out", new ResBlock(upChannels, outChannels));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray skip = inputs.get(0);
        NDArray up = inputs.get(1);
        NDArray x = skipConv.forward(ps, new NDList(skip), training).singletonOrThrow(); // [B, up, 2h, 2w]
        x = x.add(Layers.resize(up, skip.getShape().get(2), skip.getShape().get(3)));
        return out.forward(ps, new NDList(x), training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {Layers.withChannels(inputShapes[0], outChannels)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape s = Layers.initialize(skipConv, manager, dataType, inputShapes[0]);
        out.initialize(manager, dataType, s);
    }
}
