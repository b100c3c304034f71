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
 * ResNet bottleneck unit (ResNet-50 v1.5 as in torchvision): 1×1 reduce to {@code planes}, 3×3 with the
 * stride, 1×1 expand to 4 × planes, each normalised, plus a shortcut (1×1 convolution + normalisation when
 * size or width change), then ReLU.
 */
public final class ResNetBottleneck extends AbstractBlock {
    private final Block conv1;
    private final Block norm1;
    private final Block conv2;
    private final Block norm2;
    private final Block conv3;
    private final Block norm3;
    private final Block shortcut; // null: identity

    public ResNetBottleneck(int inChannels, int planes, int stride, boolean bias, NormKind norm, int groups) {
        int out = planes * TrunkKind.BOTTLENECK.expansion();
        conv1 = addChildBlock("conv1", Layers.conv(planes, 1, 1, bias));
        norm1 = addChildBlock("norm1", Layers.norm(norm, groups));
        conv2 = addChildBlock("conv2", Layers.conv(planes, 3, stride, bias));
        norm2 = addChildBlock("norm2", Layers.norm(norm, groups));
        conv3 = addChildBlock("conv3", Layers.conv(out, 1, 1, bias));
        norm3 = addChildBlock("norm3", Layers.norm(norm, groups));
        Block projection = Layers.shortcut(inChannels, out, stride, bias, norm, groups);
        shortcut = projection == null ? null : addChildBlock("shortcut", projection);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDList out = conv1.forward(ps, inputs, training);
        out = new NDList(Activation.relu(norm1.forward(ps, out, training).singletonOrThrow()));
        out = conv2.forward(ps, out, training);
        out = new NDList(Activation.relu(norm2.forward(ps, out, training).singletonOrThrow()));
        out = norm3.forward(ps, conv3.forward(ps, out, training), training);
        NDArray residual = shortcut == null ? x : shortcut.forward(ps, inputs, training).singletonOrThrow();
        return new NDList(Activation.relu(out.singletonOrThrow().add(residual)));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return conv3.getOutputShapes(conv2.getOutputShapes(conv1.getOutputShapes(inputShapes)));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape s = Layers.initialize(conv1, manager, dataType, inputShapes);
        norm1.initialize(manager, dataType, s);
        s = Layers.initialize(conv2, manager, dataType, s);
        norm2.initialize(manager, dataType, s);
        s = Layers.initialize(conv3, manager, dataType, s);
        norm3.initialize(manager, dataType, s);
        if (shortcut != null) shortcut.initialize(manager, dataType, inputShapes);
    }
}
