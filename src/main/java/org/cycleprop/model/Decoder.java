package org.cycleprop.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

import java.util.List;

/**
 * Mask decoder: compress the readout (memory readout ⊕ f16_thin) with a residual block, upsample 1/16 → 1/8
 * with skip f8 and 1/8 → 1/4 with skip f4, ReLU, 3×3 convolution to one channel, ×4 bilinear upsampling.
 * Inputs (readout [B, Cr, H/16, W/16], f8 [B, C8, H/8, W/8], f4 [B, C4, H/4, W/4]); output logits [B, 1, H, W].
 */
public final class Decoder extends AbstractBlock {
    private final Block compress;
    private final Block up16to8;
    private final Block up8to4;
    private final Block predict;

    public Decoder(int readoutChannels, List<Integer> widths) {
        compress = addChildBlock("compress", new ResBlock(readoutChannels, widths.get(0)));
        up16to8 = addChildBlock("up16to8", new UpsampleBlock(widths.get(0), widths.get(1)));
        up8to4 = addChildBlock("up8to4", new UpsampleBlock(widths.get(1), widths.get(2)));
        predict = addChildBlock("predict", Layers.conv(1, 3, 1, true));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray f8 = inputs.get(1);
        NDArray f4 = inputs.get(2);
        NDArray x = compress.forward(ps, new NDList(inputs.get(0)), training).singletonOrThrow(); // [B, d0, h16, w16]
        x = up16to8.forward(ps, new NDList(f8, x), training).singletonOrThrow(); // [B, d1, h8, w8]
        x = up8to4.forward(ps, new NDList(f4, x), training).singletonOrThrow(); // [B, d2, h4, w4]
        x = predict.forward(ps, new NDList(Activation.relu(x)), training).singletonOrThrow(); // [B, 1, h4, w4]
        Shape s = x.getShape();
        return new NDList(Layers.resize(x, 4 * s.get(2), 4 * s.get(3))); // [B, 1, H, W]
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape f4 = inputShapes[2];
        return new Shape[] {new Shape(f4.get(0), 1, 4 * f4.get(2), 4 * f4.get(3))};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape s = Layers.initialize(compress, manager, dataType, inputShapes[0]);
        s = Layers.initialize(up16to8, manager, dataType, inputShapes[1], s);
        s = Layers.initialize(up8to4, manager, dataType, inputShapes[2], s);
        predict.initialize(manager, dataType, s);
    }
}
