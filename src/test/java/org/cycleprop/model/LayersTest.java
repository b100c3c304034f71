package org.cycleprop.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class LayersTest {
    @Test
    void resizeIsBilinearWithPixelCentresAligned() {
        try (NDManager m = NDManager.newBaseManager()) {
            // PyTorch's align_corners=False: output pixel x samples input position (x + 0.5) / 2 − 0.5, clamped
            NDArray row = m.create(new float[] {0, 1}, new Shape(1, 1, 1, 2));
            NDArray up = Layers.resize(row, 1, 4);
            assertEquals(new Shape(1, 1, 1, 4), up.getShape());
            assertArrayEquals(new float[] {0, 0.25f, 0.75f, 1}, up.toFloatArray(), 1e-6f);
            assertSame(row, Layers.resize(row, 1, 2), "same size: no copy");
        }
    }

    @Test
    void strideTwoHalvesUpwards() {
        assertEquals(32, Layers.half(64));
        assertEquals(33, Layers.half(65));
    }
}
