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

/**
 * STCN's pre-activation residual block without normalisation: x' + conv3×3(relu(conv3×3(relu(x)))), where
 * x' = x, or a 3×3 convolution of x when the width changes. [B, in, h, w] → [B, out, h, w].
 */
public final class ResBlock extends AbstractBlock {
    private final int outChannels;
    private final Block conv1;
    private final Block conv2;
    private final Block downsample; // null when in == out

    public ResBlock(int inChannels, int outChannels) {
        this.outChannels = outChannels;
        conv1 = addChildBlock("conv1", Layers.conv(outChannels, 3, 1, true));
        conv2 = addChildBlock("conv2", Layers.conv(outChannels, 3, 1, true));
        downsample = inChannels == outChannels ? null
                : addChildBlock("downsample", Layers.conv(outChannels, 3, 1, true));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray r = conv1.forward(ps, new NDList(Activation.relu(x)), training).singletonOrThrow();
        r = conv2.forward(ps, new NDList(Activation.relu(r)), training).singletonOrThrow();
        NDArray shortcut = downsample == null ? x : downsample.forward(ps, inputs, training).singletonOrThrow();
        return new NDList(shortcut.add(r));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {Layers.withChannels(inputShapes[0], outChannels)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape s = Layers.initialize(conv1, manager, dataType, inputShapes);
        conv2.initialize(manager, dataType, s);
        if (downsample != null) downsample.initialize(manager, dataType, inputShapes);
    }
}
