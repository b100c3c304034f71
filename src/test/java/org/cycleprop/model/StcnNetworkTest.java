package org.cycleprop.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StcnNetworkTest {
    @Test
    void paperParameterCountMatchesReferenceStcn() {
        try (NDManager manager = NDManager.newBaseManager()) {
            StcnNetwork net = StcnNetwork.create(Preset.PAPER, manager);
            assertEquals(54_434_180L, net.trainableParameterCount());
        }
    }

    @Test
    void tinyForwardShapes() {
        try (NDManager manager = NDManager.newBaseManager()) {
            StcnNetwork net = StcnNetwork.create(Preset.TINY, manager);
            try (NDManager m = manager.newSubManager(); InferenceMode ignored = InferenceMode.enter()) {
                NDArray frames = m.randomUniform(0, 1, new Shape(2, 1, 64, 64));
                KeyFeatures k = net.encodeKey(frames, false);
                System.out.println(k.k16().getShape() + " " + k.f16Thin().getShape() + " " + k.f16().getShape() + " "
                        + k.f8().getShape() + " " + k.f4().getShape());
                System.out.println(net.trainableParameterCount());
            }
        }
    }
}
