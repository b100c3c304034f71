package org.cycleprop.model;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StableAggregationTest {
    @Test
    void matchesTheClampedFormulaWhereItIsExact() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(new float[] {-2, 0.5f, 1, -1, 3, 0}, new Shape(1, 2, 1, 3)); // [B, K, H, W]
            float[] stable = SoftAggregation.logitsFromObjectLogits(x, 1).softmax(1).toFloatArray();
            float[] clamped = SoftAggregation.aggregate(Activation.sigmoid(x), 1).toFloatArray();
            assertArrayEquals(clamped, stable, 1e-5f);
        }
    }

    @Test
    void aSaturatedWrongObjectStillGetsAGradient() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(new float[] {40f}, new Shape(1, 1, 1, 1)); // σ(40) = 1 in float: saturated
            x.setRequiresGradient(true);
            try (GradientCollector c = Engine.getInstance().newGradientCollector()) {
                // cross-entropy of class 0 (background) under the stable logits
                NDArray loss = SoftAggregation.logitsFromObjectLogits(x, 1).logSoftmax(1).get(":, 0").neg().sum();
                c.backward(loss);
            }
            float g = x.getGradient().toFloatArray()[0];
            assertTrue(g > 0.5f, "gradient pushes the wrong logit down: " + g);
            // the clamped formula gives no gradient here: that is the failure this form avoids
            NDArray y = m.create(new float[] {40f}, new Shape(1, 1, 1, 1));
            y.setRequiresGradient(true);
            try (GradientCollector c = Engine.getInstance().newGradientCollector()) {
                NDArray loss = SoftAggregation.logits(Activation.sigmoid(y), 1).logSoftmax(1).get(":, 0").neg().sum();
                c.backward(loss);
            }
            assertTrue(Math.abs(y.getGradient().toFloatArray()[0]) < 1e-6f);
        }
    }
}
