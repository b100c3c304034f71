package org.cycleprop.training;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TrainingBatchTest {
    @Test
    void flatArraysAreSampleThenFrameThenRowMajor() {
        int batch = 2;
        int size = 2;
        float[] images = new float[batch * 3 * size * size];
        float[] masks = new float[images.length];
        float[] others = new float[images.length];
        for (int i = 0; i < images.length; i++) images[i] = i / 100f;
        // sample 1, frame 2, row 0, column 1: index (1·3 + 2)·4 + 1 = 21
        masks[21] = 1;
        others[21] = 1; // overlap: the second object wins
        masks[20] = 1;
        others[23] = 1;
        try (NDManager m = NDManager.newBaseManager()) {
            TrainingBatch b = TrainingBatch.fromArrays(m, batch, size, 3, images, masks, others, new boolean[] {false, true});
            assertEquals(new Shape(2, 3, 3, 2, 2), b.frames().getShape());
            assertEquals(new Shape(2, 3, 1, 2, 2), b.masks().getShape());
            // FrameInput: (v − 0.5) · 4, repeated over the channels
            assertEquals((0.21f - 0.5f) * 4, b.frames().getFloat(1, 2, 2, 0, 1), 1e-6f);
            assertEquals((0.21f - 0.5f) * 4, b.frames().getFloat(1, 2, 0, 0, 1), 1e-6f);
            assertArrayEquals(new float[] {1, 2, 0, 2}, b.classes(2).get("1").toFloatArray());
            assertArrayEquals(new float[] {0, 0, 0, 0}, b.classes(2).get("0").toFloatArray());
            assertArrayEquals(new float[] {0, 1}, b.hasOthers().toFloatArray());
            assertEquals(2, b.batchSize());
            assertEquals(2, b.size());
            assertThrows(IllegalArgumentException.class, () -> TrainingBatch.fromArrays(m, batch, size, 1,
                    new float[5], masks, others, new boolean[] {false, true}));
            assertThrows(IllegalArgumentException.class, () -> TrainingBatch.fromArrays(m, batch, size, 1,
                    images, masks, others, new boolean[] {false}));
        }
    }
}
