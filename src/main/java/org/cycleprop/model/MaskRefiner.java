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
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A full-resolution correction of the decoder's logits. The decoder ends at 1/4 resolution and reads its memory on
 * a grid of 16-pixel cells, so boundaries come out coarse even where the slice hardly changed; in a volume the
 * previous slice's mask is the best guess of the next one's boundary. The refiner sees, per object and pixel, the
 * decoder's probability, the previous slice's probability of the same object and the frame, runs four 3×3
 * convolutions (dilations 1, 2, 4, 1: a 17-pixel field of view) and adds the result to the logits.
 *
 * <p>The last convolution starts at zero, so a network that grows a refiner first predicts exactly what it did
 * without one ({@link ModelFile#loadGrown}).
 *
 * <p>Inputs (logits [K, 1, H, W], previous [K, 1, H, W], frame [K, C, H, W]); output refined logits [K, 1, H, W].
 */
public final class MaskRefiner extends AbstractBlock {
    private static final int[] DILATIONS = {1, 2, 4};

    private final Block[] hidden = new Block[DILATIONS.length];
    private final Block out;

    public MaskRefiner(int width) {
        for (int i = 0; i < DILATIONS.length; i++) {
            hidden[i] = addChildBlock("conv" + (i + 1), dilated(width, DILATIONS[i]));
        }
        out = addChildBlock("out", dilated(1, 1));
    }

    private static Block dilated(int channels, int dilation) {
        return Conv2d.builder()
                .setFilters(channels)
                .setKernelShape(new Shape(3, 3))
                .optPadding(new Shape(dilation, dilation))
                .optDilation(new Shape(dilation, dilation))
                .build();
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray logits = inputs.get(0);
        NDArray x = NDArrays.concat(new NDList(Activation.sigmoid(logits), inputs.get(1), inputs.get(2)), 1);
        for (Block b : hidden) x = Activation.relu(b.forward(ps, new NDList(x), training).singletonOrThrow());
        NDArray delta = out.forward(ps, new NDList(x), training).singletonOrThrow();
        return new NDList(logits.add(delta));
    }

    /** Sets the last convolution to zero: the refiner then passes the logits through unchanged. */
    public void startAsIdentity() {
        // in place on arrays that require gradients: allowed only with autograd off
        try (InferenceMode ignored = InferenceMode.enter()) {
            for (Parameter p : out.getParameters().values()) p.getArray().muli(0);
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape logits = inputShapes[0];
        Shape s = Layers.withChannels(logits, 2 + inputShapes[2].get(1));
        for (Block b : hidden) s = Layers.initialize(b, manager, dataType, s);
        out.initialize(manager, dataType, s); // not zeroed here: initialize also runs after loading weights
    }
}
