package org.cycleprop.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every block, run on real arrays: the output shapes are the expected ones and the ones it announces. */
class BlockShapesTest {
    private static final Preset TINY = Preset.TINY;

    /** Initialises {@code block} for the shapes of {@code inputs}, runs it and checks both shape routes. */
    private static void assertShapes(Block block, NDManager m, NDList inputs, Shape... expected) {
        Shape[] in = inputs.getShapes();
        block.initialize(m, DataType.FLOAT32, in);
        NDList out = block.forward(new ParameterStore(m, false), inputs, false);
        assertArrayEquals(expected, out.getShapes(), "actual output shapes");
        assertArrayEquals(expected, block.getOutputShapes(in), "announced output shapes");
    }

    private static NDArray random(NDManager m, long... shape) {
        return m.randomUniform(0, 1, new Shape(shape));
    }

    @Test
    void residualUnitsAndTrunk() {
        try (NDManager m = NDManager.newBaseManager(); InferenceMode ignored = InferenceMode.enter()) {
            assertShapes(new ResNetBasicBlock(8, 16, 2, false, NormKind.GROUP, 4), m, new NDList(random(m, 2, 8, 16, 16)),
                    new Shape(2, 16, 8, 8));
            assertShapes(new ResNetBasicBlock(8, 8, 1, true, NormKind.BATCH, 0), m, new NDList(random(m, 2, 8, 16, 16)),
                    new Shape(2, 8, 16, 16));
            assertShapes(new ResNetBottleneck(16, 8, 2, false, NormKind.BATCH, 0), m,
                    new NDList(random(m, 2, 16, 16, 16)), new Shape(2, 32, 8, 8));
            assertShapes(new ResNetTrunk(TINY.keyTrunk(), NormKind.GROUP, 4), m, new NDList(random(m, 2, 1, 64, 64)),
                    new Shape(2, 16, 4, 4), new Shape(2, 16, 8, 8), new Shape(2, 8, 16, 16));
            assertShapes(new GroupNorm(4), m, new NDList(random(m, 2, 8, 5, 3)), new Shape(2, 8, 5, 3));
        }
    }

    @Test
    void encoders() {
        try (NDManager m = NDManager.newBaseManager(); InferenceMode ignored = InferenceMode.enter()) {
            assertShapes(new KeyEncoder(TINY), m, new NDList(random(m, 3, 1, 64, 64)),
                    new Shape(3, 16, 4, 4), new Shape(3, 16, 8, 8), new Shape(3, 8, 16, 16));
            assertShapes(new KeyProjection(16), m, new NDList(random(m, 3, 16, 4, 4)), new Shape(3, 16, 4, 4));
            assertShapes(new ValueEncoder(TINY), m, new NDList(random(m, 2, 1, 64, 64), random(m, 2, 16, 4, 4),
                    random(m, 2, 1, 64, 64), random(m, 2, 1, 64, 64)), new Shape(2, 32, 4, 4));
            assertShapes(new FeatureFusionBlock(32, 32, 16), m,
                    new NDList(random(m, 2, 16, 4, 4), random(m, 2, 16, 4, 4)), new Shape(2, 32, 4, 4));
        }
    }

    @Test
    void attentionAndResidualBlocks() {
        try (NDManager m = NDManager.newBaseManager(); InferenceMode ignored = InferenceMode.enter()) {
            assertShapes(new ChannelGate(32, 16), m, new NDList(random(m, 2, 32, 4, 6)), new Shape(2, 32, 4, 6));
            assertShapes(new SpatialGate(), m, new NDList(random(m, 2, 32, 4, 6)), new Shape(2, 32, 4, 6));
            assertShapes(new Cbam(32, 16), m, new NDList(random(m, 2, 32, 4, 6)), new Shape(2, 32, 4, 6));
            assertShapes(new ResBlock(12, 12), m, new NDList(random(m, 2, 12, 4, 6)), new Shape(2, 12, 4, 6));
            assertShapes(new ResBlock(12, 20), m, new NDList(random(m, 2, 12, 4, 6)), new Shape(2, 20, 4, 6));
        }
    }

    @Test
    void decoderPath() {
        try (NDManager m = NDManager.newBaseManager(); InferenceMode ignored = InferenceMode.enter()) {
            assertShapes(new UpsampleBlock(32, 16), m, new NDList(random(m, 2, 16, 8, 8), random(m, 2, 32, 4, 4)),
                    new Shape(2, 16, 8, 8));
            assertShapes(new Decoder(48, List.of(32, 16, 16)), m,
                    new NDList(random(m, 2, 48, 4, 4), random(m, 2, 16, 8, 8), random(m, 2, 8, 16, 16)),
                    new Shape(2, 1, 64, 64));
            // one query (B = 1) read for three objects (B' = 3), memory of two frames of 4×4 entries
            assertShapes(new MemoryReadout(20), m, new NDList(random(m, 1, 16, 32), random(m, 3, 32, 32),
                    random(m, 1, 16, 4, 4), random(m, 1, 16, 4, 4)), new Shape(3, 48, 4, 4));
            assertShapes(new SoftAggregation(), m, new NDList(random(m, 3, 1, 64, 64)), new Shape(4, 1, 64, 64));
        }
    }

    @Test
    void tinyNetworkFacade() {
        try (NDManager params = NDManager.newBaseManager(); NDManager m = NDManager.newBaseManager();
             InferenceMode ignored = InferenceMode.enter()) {
            StcnNetwork net = StcnNetwork.create(TINY, params);
            KeyFeatures k = net.encodeKey(random(m, 2, 1, 64, 64), false);
            assertEquals(new Shape(2, 16, 4, 4), k.k16().getShape());
            assertEquals(new Shape(2, 16, 4, 4), k.f16Thin().getShape());
            assertEquals(new Shape(2, 16, 4, 4), k.f16().getShape());
            assertEquals(new Shape(2, 16, 8, 8), k.f8().getShape());
            assertEquals(new Shape(2, 8, 16, 16), k.f4().getShape());

            // one frame, three objects
            NDArray frame = random(m, 1, 1, 64, 64);
            KeyFeatures f = net.encodeKey(frame, false);
            NDArray masks = random(m, 3, 1, 64, 64);
            NDArray v16 = net.encodeValue(frame, f.f16(), masks, StcnNetwork.others(masks), false);
            assertEquals(new Shape(3, 32, 4, 4), v16.getShape());
            NDArray readout = net.readout(StcnNetwork.flattenSpatial(f.k16()), StcnNetwork.flattenSpatial(v16),
                    f.k16(), f.f16Thin(), 20);
            assertEquals(new Shape(3, 48, 4, 4), readout.getShape());
            NDArray logits = net.decode(readout, f.f8(), f.f4(), false);
            assertEquals(new Shape(3, 1, 64, 64), logits.getShape());
            assertEquals(new Shape(4, 1, 64, 64), StcnNetwork.aggregate(logits.getNDArrayInternal().sigmoid())
                    .getShape());
            assertArrayEquals(new Shape[] {new Shape(2, 1, 64, 64)}, net.getOutputShapes(net.blockInputShapes(2, 64, 64)));
        }
    }

    @Test
    void othersIsTheSumOfTheOtherMasks() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray masks = m.create(new float[] {1, 0, 0.5f, 0.25f, 0, 1}, new Shape(3, 1, 1, 2));
            assertArrayEquals(new float[] {0.5f, 1.25f, 1, 1, 1.5f, 0.25f},
                    StcnNetwork.others(masks).toFloatArray(), 1e-6f);
            NDArray single = m.create(new float[] {0.3f, 0.7f}, new Shape(1, 1, 1, 2));
            assertArrayEquals(new float[] {0, 0}, StcnNetwork.others(single).toFloatArray(), 1e-6f);
        }
    }
}
