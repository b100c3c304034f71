package org.cycleprop.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Fuses the value trunk's f16 with the key encoder's f16 of the same frame: concatenation, a residual
 * block to {@code outChannels}, CBAM attention added back, a second residual block.
 * Inputs (x [B, Cx, h, w], keyF16 [B, Ck, h, w]); output v16 [B, outChannels, h, w].
 */
public final class FeatureFusionBlock extends AbstractBlock {
    private final int outChannels;
    private final Block block1;
    private final Block attention;
    private final Block block2;

    public FeatureFusionBlock(int inChannels, int outChannels, int cbamReduction) {
        this.outChannels = outChannels;
        block1 = addChildBlock("block1", new ResBlock(inChannels, outChannels));
        attention = addChildBlock("attention", new Cbam(outChannels, cbamReduction));
        block2 = addChildBlock("block2", new ResBlock(outChannels, outChannels));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = NDArrays.concat(new NDList(inputs.get(0), inputs.get(1)), 1); // [B, Cx + Ck, h, w]
        x = block1.forward(ps, new NDList(x), training).singletonOrThrow(); // [B, out, h, w]
        NDArray r = attention.forward(ps, new NDList(x), training).singletonOrThrow();
        return block2.forward(ps, new NDList(x.add(r)), training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {Layers.withChannels(inputShapes[0], outChannels)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape cat = Layers.withChannels(inputShapes[0], inputShapes[0].get(1) + inputShapes[1].get(1));
        Shape s = Layers.initialize(block1, manager, dataType, cat);
        attention.initialize(manager, dataType, s);
        block2.initialize(manager, dataType, s);
    }
}
