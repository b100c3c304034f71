package org.cycleprop.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A ResNet cut after its third stage: stem (7×7 stride-2 convolution, normalisation, ReLU, 3×3 stride-2
 * max pooling) then stages 1–3. Input [B, Cin, H, W]; output (f16, f8, f4) with
 * f16 [B, C16, H/16, W/16], f8 [B, C8, H/8, W/8], f4 [B, C4, H/4, W/4] (H, W multiples of 16).
 */
public final class ResNetTrunk extends AbstractBlock {
    private static final Shape POOL_KERNEL = new Shape(3, 3);
    private static final Shape POOL_STRIDE = new Shape(2, 2);
    private static final Shape POOL_PADDING = new Shape(1, 1);

    private final TrunkSpec spec;
    private final Block stem;
    private final Block stemNorm;
    private final Block stage1;
    private final Block stage2;
    private final Block stage3;

    public ResNetTrunk(TrunkSpec spec, NormKind norm, int groups) {
        this.spec = spec;
        stem = addChildBlock("stem", Layers.conv(spec.stemWidth(), 7, 2, spec.convBias()));
        stemNorm = addChildBlock("stemNorm", Layers.norm(norm, groups));
        int in = spec.stemWidth();
        Block[] stages = new Block[3];
        for (int s = 0; s < 3; s++) {
            SequentialBlock stage = new SequentialBlock();
            for (int b = 0; b < spec.blocks().get(s); b++) {
                int stride = s > 0 && b == 0 ? 2 : 1;
                stage.add(unit(spec, b == 0 ? in : spec.outChannels(s), spec.planes().get(s), stride, norm, groups));
            }
            stages[s] = addChildBlock("stage" + (s + 1), stage);
            in = spec.outChannels(s);
        }
        stage1 = stages[0];
        stage2 = stages[1];
        stage3 = stages[2];
    }

    private static Block unit(TrunkSpec spec, int in, int planes, int stride, NormKind norm, int groups) {
        return switch (spec.kind()) {
            case BASIC -> new ResNetBasicBlock(in, planes, stride, spec.convBias(), norm, groups);
            case BOTTLENECK -> new ResNetBottleneck(in, planes, stride, spec.convBias(), norm, groups);
        };
    }

    public TrunkSpec spec() {
        return spec;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDList x = stemNorm.forward(ps, stem.forward(ps, inputs, training), training);
        NDArray pooled = Pool.maxPool2d(Activation.relu(x.singletonOrThrow()), POOL_KERNEL, POOL_STRIDE, POOL_PADDING,
                false); // [B, stem, H/4, W/4]
        NDList f4 = stage1.forward(ps, new NDList(pooled), training);
        NDList f8 = stage2.forward(ps, f4, training);
        NDList f16 = stage3.forward(ps, f8, training);
        return new NDList(f16.singletonOrThrow(), f8.singletonOrThrow(), f4.singletonOrThrow());
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        long b = in.get(0);
        long h4 = Layers.half(Layers.half(in.get(2)));
        long w4 = Layers.half(Layers.half(in.get(3)));
        long h8 = Layers.half(h4);
        long w8 = Layers.half(w4);
        return new Shape[] {
            new Shape(b, spec.f16Channels(), Layers.half(h8), Layers.half(w8)),
            new Shape(b, spec.f8Channels(), h8, w8),
            new Shape(b, spec.f4Channels(), h4, w4)
        };
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape s = Layers.initialize(stem, manager, dataType, inputShapes);
        stemNorm.initialize(manager, dataType, s);
        Shape pooled = new Shape(s.get(0), s.get(1), Layers.half(s.get(2)), Layers.half(s.get(3)));
        s = Layers.initialize(stage1, manager, dataType, pooled);
        s = Layers.initialize(stage2, manager, dataType, s);
        stage3.initialize(manager, dataType, s);
    }
}
