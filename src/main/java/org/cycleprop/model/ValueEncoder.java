package org.cycleprop.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Memory value encoder: the value trunk (ResNet-18 stages 1–3 in the paper) reads the frame together with
 * one object's mask and the union of the other objects' masks; its f16 is fused with the key encoder's f16.
 * Inputs (image [B, imageChannels, H, W], keyF16 [B, C16, H/16, W/16], mask [B, 1, H, W],
 * others [B, 1, H, W]); output v16 [B, valueChannels, H/16, W/16].
 */
public final class ValueEncoder extends AbstractBlock {
    private final ResNetTrunk trunk;
    private final FeatureFusionBlock fuser;

    public ValueEncoder(Preset preset) {
        trunk = addChildBlock("trunk", new ResNetTrunk(preset.valueTrunk(), preset.norm(), preset.normGroups()));
        fuser = addChildBlock("fuser", new FeatureFusionBlock(
                preset.valueTrunk().f16Channels() + preset.keyTrunk().f16Channels(), preset.valueChannels(),
                preset.cbamReduction()));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray image = inputs.get(0);
        NDArray keyF16 = inputs.get(1);
        NDArray x = NDArrays.concat(new NDList(image, inputs.get(2), inputs.get(3)), 1); // [B, Ci + 2, H, W]
        NDArray f16 = trunk.forward(ps, new NDList(x), training).get(0); // [B, C16v, h, w]
        return fuser.forward(ps, new NDList(f16, keyF16), training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape f16 = trunk.getOutputShapes(new Shape[] {trunkInput(inputShapes)})[0];
        return fuser.getOutputShapes(new Shape[] {f16, inputShapes[1]});
    }

    private static Shape trunkInput(Shape[] inputShapes) {
        return Layers.withChannels(inputShapes[0], inputShapes[0].get(1) + inputShapes[2].get(1) + inputShapes[3].get(1));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape f16 = Layers.initialize(trunk, manager, dataType, trunkInput(inputShapes));
        fuser.initialize(manager, dataType, f16, inputShapes[1]);
    }
}
