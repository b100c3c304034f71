package org.cycleprop.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The paper preset is the published STCN: same parameter count, same feature shapes. */
class PaperPresetTest {
    private static NDManager params;
    private static StcnNetwork net;

    @BeforeAll
    static void build() {
        params = NDManager.newBaseManager();
        net = StcnNetwork.create(Preset.PAPER, params);
    }

    @AfterAll
    static void free() {
        params.close();
    }

    @Test
    void trainableParameterCountEqualsTheReferenceStcn() {
        // sum(p.numel() for p in STCN().parameters()) of the reference eval network; running statistics excluded
        assertEquals(54_434_180L, net.trainableParameterCount());
    }

    @Test
    void featureShapesAt64x64() {
        try (NDManager m = NDManager.newBaseManager(); InferenceMode ignored = InferenceMode.enter()) {
            NDArray frame = m.randomUniform(0, 1, new Shape(1, 3, 64, 64));
            KeyFeatures k = net.encodeKey(frame, false);
            assertEquals(new Shape(1, 64, 4, 4), k.k16().getShape());
            assertEquals(new Shape(1, 512, 4, 4), k.f16Thin().getShape());
            assertEquals(new Shape(1, 1024, 4, 4), k.f16().getShape());
            assertEquals(new Shape(1, 512, 8, 8), k.f8().getShape());
            assertEquals(new Shape(1, 256, 16, 16), k.f4().getShape());
            NDArray masks = m.randomUniform(0, 1, new Shape(2, 1, 64, 64));
            NDArray v16 = net.encodeValue(frame, k.f16(), masks, StcnNetwork.others(masks), false);
            assertEquals(new Shape(2, 512, 4, 4), v16.getShape());
            NDArray readout = net.readout(StcnNetwork.flattenSpatial(k.k16()), StcnNetwork.flattenSpatial(v16),
                    k.k16(), k.f16Thin(), 20);
            assertEquals(new Shape(2, 1024, 4, 4), readout.getShape());
            assertEquals(new Shape(2, 1, 64, 64), net.decode(readout, k.f8(), k.f4(), false).getShape());
        }
    }
}
