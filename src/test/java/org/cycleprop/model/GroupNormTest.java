package org.cycleprop.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class GroupNormTest {
    @Test
    void eachGroupOfEachSampleIsNormalisedSeparately() {
        try (NDManager m = NDManager.newBaseManager()) {
            // [B=1, C=4, 1, 2], two groups: channels {0, 1} hold 1 2 3 4, channels {2, 3} hold 10 10 10 30
            NDArray x = m.create(new float[] {1, 2, 3, 4, 10, 10, 10, 30}, new Shape(1, 4, 1, 2));
            GroupNorm norm = new GroupNorm(2);
            norm.initialize(m, DataType.FLOAT32, x.getShape());
            float[] y = norm.forward(new ParameterStore(m, false), new NDList(x), false).singletonOrThrow().toFloatArray();
            double s1 = Math.sqrt(1.25 + 1e-5); // mean 2.5, variance 1.25
            double s2 = Math.sqrt(75 + 1e-5); // mean 15, variance 75
            float[] expected = {(float) (-1.5 / s1), (float) (-0.5 / s1), (float) (0.5 / s1), (float) (1.5 / s1),
                (float) (-5 / s2), (float) (-5 / s2), (float) (-5 / s2), (float) (15 / s2)};
            assertArrayEquals(expected, y, 1e-5f);
        }
    }
}
