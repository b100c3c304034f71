package org.cycleprop.training;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PercentileClipTest {

    @Test
    void percentilesInterpolateBetweenOrderStatistics() {
        // 11 values 0, 10, ..., 100 over two slices: the 25th percentile is at position 2.5 → 25
        float[][] slices = {{100, 0, 50, 20, 30}, {10, 40, 60, 70, 80, 90}};
        assertArrayEquals(new float[] {25, 75}, new PercentileClip(25, 75).range(slices), 1e-5f);
        new PercentileClip(25, 75).apply(slices);
        assertEquals(1f, slices[0][0], 0f);   // 100 clipped to 75
        assertEquals(0f, slices[0][1], 0f);   // 0 clipped to 25
        assertEquals(0.5f, slices[0][2], 1e-6f);
        assertEquals(0.1f, slices[0][4], 1e-6f); // (30 − 25) / 50
    }

    @Test
    void constantVolumeBecomesZero() {
        float[][] slices = {{3, 3}, {3, 3}};
        PercentileClip.standard().apply(slices);
        assertArrayEquals(new float[] {0, 0}, slices[1], 0f);
    }

    @Test
    void rejectsBadPercentiles() {
        assertThrows(IllegalArgumentException.class, () -> new PercentileClip(60, 40));
    }
}
