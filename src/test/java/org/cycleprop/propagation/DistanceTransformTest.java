package org.cycleprop.propagation;

import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DistanceTransformTest {
    @Test
    void squaredDistancesEqualBruteForceOnRandomMasks() {
        Random random = new Random(11);
        for (int trial = 0; trial < 50; trial++) {
            int w = 1 + random.nextInt(17);
            int h = 1 + random.nextInt(13);
            double density = random.nextDouble() * 0.3;
            boolean[] m = new boolean[w * h];
            for (int i = 0; i < m.length; i++) m[i] = random.nextDouble() < density;
            m[random.nextInt(m.length)] = true;
            double[] d = DistanceTransform.squared(m, w, h);
            for (int v = 0; v < h; v++) {
                for (int u = 0; u < w; u++) {
                    assertEquals(bruteForce(m, w, h, u, v), d[u + v * w], 0.0, "trial " + trial + " at " + u + "," + v);
                }
            }
        }
    }

    @Test
    void noFeatureMeansFarEverywhere() {
        double[] d = DistanceTransform.squared(new boolean[12], 4, 3);
        for (double x : d) assertTrue(x >= 1e20);
    }

    @Test
    void signedDistanceIsHalfAPixelOutsideTheOutlineAndClamped() {
        // one row of 8 pixels, object u = 2..4. Outline at u = 1.5 and 4.5:
        // u:      0    1    2     3     4     5    6    7
        // sd:   1.5  0.5 -0.5  -1.5  -0.5   0.5  1.5  2.5 -> clamped to 2 at u = 7
        boolean[] m = {false, false, true, true, true, false, false, false};
        float[] sd = DistanceTransform.signed(m, 8, 1, 2f);
        float[] expected = {1.5f, 0.5f, -0.5f, -1.5f, -0.5f, 0.5f, 1.5f, 2f};
        for (int u = 0; u < 8; u++) assertEquals(expected[u], sd[u], 1e-6, "u=" + u);
        float[] empty = DistanceTransform.signed(new boolean[8], 8, 1, 9f);
        float[] full = DistanceTransform.signed(new boolean[] {true, true}, 2, 1, 9f);
        assertEquals(9f, empty[3]);
        assertEquals(-9f, full[1]);
    }

    @Test
    void signedDistanceMatchesBruteForceInTwoDimensions() {
        Random random = new Random(5);
        int w = 15;
        int h = 11;
        boolean[] m = new boolean[w * h];
        for (int i = 0; i < m.length; i++) m[i] = random.nextDouble() < 0.4;
        boolean[] background = new boolean[m.length];
        for (int i = 0; i < m.length; i++) background[i] = !m[i];
        float[] sd = DistanceTransform.signed(m, w, h, 100f);
        for (int v = 0; v < h; v++) {
            for (int u = 0; u < w; u++) {
                int i = u + v * w;
                double expected = m[i] ? 0.5 - Math.sqrt(bruteForce(background, w, h, u, v))
                        : Math.sqrt(bruteForce(m, w, h, u, v)) - 0.5;
                assertEquals(expected, sd[i], 1e-5);
                assertEquals(m[i], sd[i] < 0);
            }
        }
    }

    private static double bruteForce(boolean[] m, int w, int h, int u, int v) {
        double best = Double.POSITIVE_INFINITY;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (m[x + y * w]) best = Math.min(best, (double) (x - u) * (x - u) + (double) (y - v) * (y - v));
            }
        }
        return best;
    }
}
