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
 * ResNet basic unit: relu(norm(conv3×3(relu(norm(conv3×3(x))))) + shortcut(x)), the first convolution
 * carrying the stride. The shortcut is a 1×1 convolution + normalisation when size or width change.
 */
public final class ResNetBasicBlock extends AbstractBlock {
    private final Block conv1;
    private final Block norm1;
    private final Block conv2;
    private final Block norm2;
    private final Block shortcut; // null: identity

    public ResNetBasicBlock(int inChannels, int planes, int stride, boolean bias, NormKind norm, int groups) {
        conv1 = addChildBlock("conv1", Layers.conv(planes, 3, stride, bias));
        norm1 = addChildBlock("norm1", Layers.norm(norm, groups));
        conv2 = addChildBlock("conv2", Layers.conv(planes, 3, 1, bias));
        norm2 = addChildBlock("norm2", Layers.norm(norm, groups));
        Block projection = Layers.shortcut(inChannels, planes, stride, bias, norm, groups);
        shortcut = projection == null ? null : addChildBlock("shortcut", projection);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDList out = conv1.forward(ps, inputs, training);
        out = new NDList(Activation.relu(norm1.forward(ps, out, training).singletonOrThrow()));
        out = norm2.forward(ps, conv2.forward(ps, out, training), training);
        NDArray residual = shortcut == null ? x : shortcut.forward(ps, inputs, training).singletonOrThrow();
        return new NDList(Activation.relu(out.singletonOrThrow().add(residual)));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return conv2.getOutputShapes(conv1.getOutputShapes(inputShapes));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape s = Layers.initialize(conv1, manager, dataType, inputShapes);
        norm1.initialize(manager, dataType, s);
        s = Layers.initialize(conv2, manager, dataType, s);
        norm2.initialize(manager, dataType, s);
        if (shortcut != null) shortcut.initialize(manager, dataType, inputShapes);
    }
}
