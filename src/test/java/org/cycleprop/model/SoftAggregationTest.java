package org.cycleprop.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SoftAggregationTest {
    /** Aggregated probability of each of the maps (background first) at one pixel, by hand: odds / Σ odds. */
    private static float[] byHand(double... objects) {
        double[] maps = new double[objects.length + 1];
        maps[0] = 1;
        for (int i = 0; i < objects.length; i++) {
            maps[0] *= 1 - objects[i];
            maps[i + 1] = objects[i];
        }
        double sum = 0;
        double[] odds = new double[maps.length];
        for (int i = 0; i < maps.length; i++) {
            double p = Math.min(Math.max(maps[i], 1e-7), 1 - 1e-7);
            sum += odds[i] = p / (1 - p);
        }
        float[] out = new float[maps.length];
        for (int i = 0; i < maps.length; i++) out[i] = (float) (odds[i] / sum);
        return out;
    }

    @Test
    void twoObjectsAtTwoPixels() {
        try (NDManager m = NDManager.newBaseManager()) {
            // objects [K=2, 1, 1, 2]: pixel 0 has p = (0.8, 0.1), pixel 1 has p = (0.3, 0.6)
            NDArray probs = m.create(new float[] {0.8f, 0.3f, 0.1f, 0.6f}, new Shape(2, 1, 1, 2));
            NDArray agg = SoftAggregation.aggregate(probs);
            assertEquals(new Shape(3, 1, 1, 2), agg.getShape());
            float[] a = agg.toFloatArray(); // [map][pixel]
            float[] pixel0 = byHand(0.8, 0.1);
            float[] pixel1 = byHand(0.3, 0.6);
            assertArrayEquals(new float[] {pixel0[0], pixel1[0], pixel0[1], pixel1[1], pixel0[2], pixel1[2]}, a, 1e-5f);
            for (int pixel = 0; pixel < 2; pixel++) {
                assertEquals(1.0, a[pixel] + a[2 + pixel] + a[4 + pixel], 1e-5);
            }
            // the order of the object probabilities is kept
            assertTrue(a[2] > a[4], "pixel 0: object 1 stays above object 2");
            assertTrue(a[3] < a[5], "pixel 1: object 2 stays above object 1");
        }
    }

    @Test
    void singleObjectHandValues() {
        try (NDManager m = NDManager.newBaseManager()) {
            // background 0.2, object 0.8: odds 0.25 and 4 → 0.25/4.25 and 4/4.25
            NDArray agg = SoftAggregation.aggregate(m.create(new float[] {0.8f}, new Shape(1, 1, 1, 1)));
            assertArrayEquals(new float[] {0.25f / 4.25f, 4f / 4.25f}, agg.toFloatArray(), 1e-6f);
        }
    }

    @Test
    void certainProbabilitiesAreClampedNotNaN() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray agg = SoftAggregation.aggregate(m.create(new float[] {1, 0, 0, 0}, new Shape(2, 1, 1, 2)));
            for (float v : agg.toFloatArray()) assertFalse(Float.isNaN(v) || Float.isInfinite(v));
            float[] a = agg.toFloatArray();
            assertEquals(1.0, a[2], 1e-5, "object 1 certain at pixel 0");
            assertEquals(1.0, a[1], 1e-5, "background certain at pixel 1");
        }
    }

    @Test
    void aggregationAlongTheChannelAxisForBatches() {
        try (NDManager m = NDManager.newBaseManager()) {
            // [B=2, K=1, 1, 1]
            NDArray agg = SoftAggregation.aggregate(m.create(new float[] {0.8f, 0.5f}, new Shape(2, 1, 1, 1)), 1);
            assertEquals(new Shape(2, 2, 1, 1), agg.getShape());
            assertArrayEquals(new float[] {0.25f / 4.25f, 4f / 4.25f, 0.5f, 0.5f}, agg.toFloatArray(), 1e-6f);
        }
    }
}
