package org.cycleprop.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BootstrappedCrossEntropyTest {
    private static final int B = 2;
    private static final int K = 3;
    private static final int H = 4;
    private static final int W = 5;
    private static final int N = H * W;

    private final BootstrappedCrossEntropy loss = new BootstrappedCrossEntropy(10, 20);

    @Test
    void fractionFallsLinearlyFromOneToTopP() {
        assertEquals(1.0, loss.fraction(0));
        assertEquals(1.0, loss.fraction(9));
        assertEquals(1.0, loss.fraction(10), 1e-12);
        assertEquals(0.15 + 0.85 * 0.5, loss.fraction(15), 1e-12);
        assertEquals(0.15, loss.fraction(20), 1e-12);
        assertEquals(0.15, loss.fraction(1000));
        assertEquals(0.15, new BootstrappedCrossEntropy(5, 5).fraction(5));
        assertThrows(IllegalArgumentException.class, () -> new BootstrappedCrossEntropy(20, 10));
    }

    @Test
    void plainMeanBeforeWarmUp() {
        double[][] pixels = handLosses();
        double mean = (Arrays.stream(pixels[0]).sum() + Arrays.stream(pixels[1]).sum()) / (B * N);
        assertEquals(mean, compute(9), 1e-5);
    }

    @Test
    void meanOfEachSamplesHardestFifteenPercentAfterWarmUp() {
        double[][] pixels = handLosses();
        // int(20 · 0.15) = 3 pixels of each sample
        double expected = (topMean(pixels[0], 3) + topMean(pixels[1], 3)) / 2;
        // the hardest pixels are taken per sample, not over the whole batch
        double[] pooled = new double[2 * N];
        System.arraycopy(pixels[0], 0, pooled, 0, N);
        System.arraycopy(pixels[1], 0, pooled, N, N);
        assertNotEquals(topMean(pooled, 6), expected, 1e-3);
        assertEquals(expected, compute(21), 1e-5);
        assertEquals(expected, compute(20), 1e-5);
    }

    @Test
    void halfWayThroughWarmUpKeepsTheInterpolatedFraction() {
        double[][] pixels = handLosses();
        // p = 0.575, int(20 · 0.575) = 11
        assertEquals((topMean(pixels[0], 11) + topMean(pixels[1], 11)) / 2, compute(15), 1e-5);
    }

    @Test
    void softDiceOfHandMadeMaps() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray p = m.create(new float[] {0.5f, 1, 0, 0.25f, 0, 0, 0, 0}, new Shape(2, 2, 2));
            NDArray g = m.create(new float[] {1, 1, 0, 0, 0, 0, 0, 0}, new Shape(2, 2, 2));
            // sample 0: 1 − (2·1.5 + 1) / (1.75 + 2 + 1); sample 1 (both empty): 0
            assertEquals((1 - 4 / 4.75) / 2, SoftDice.loss(p, g).getFloat(), 1e-6);
        }
    }

    private double compute(int iteration) {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray logits = m.create(logits(), new Shape(B, K, H, W));
            NDArray classes = m.create(classes(), new Shape(B, H, W));
            return loss.loss(logits, classes, iteration).getFloat();
        }
    }

    /** Sample 1 is confidently wrong more often than sample 0, so its losses are larger. */
    private static float logit(int b, int k, int i) {
        return ((b * 60 + k * 20 + i) * 37 % 11 - 5) / (b == 0 ? 4f : 1.5f);
    }

    private static int classOf(int b, int i) {
        return (i * 7 + b) % K;
    }

    private static float[] logits() {
        float[] x = new float[B * K * N];
        for (int b = 0; b < B; b++) {
            for (int k = 0; k < K; k++) {
                for (int i = 0; i < N; i++) x[(b * K + k) * N + i] = logit(b, k, i);
            }
        }
        return x;
    }

    private static float[] classes() {
        float[] c = new float[B * N];
        for (int b = 0; b < B; b++) {
            for (int i = 0; i < N; i++) c[b * N + i] = classOf(b, i);
        }
        return c;
    }

    /** −log softmax at the true class, by the definition. */
    private static double[][] handLosses() {
        double[][] l = new double[B][N];
        for (int b = 0; b < B; b++) {
            for (int i = 0; i < N; i++) {
                double sum = 0;
                for (int k = 0; k < K; k++) sum += Math.exp(logit(b, k, i));
                l[b][i] = Math.log(sum) - logit(b, classOf(b, i), i);
            }
        }
        return l;
    }

    private static double topMean(double[] values, int k) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double sum = 0;
        for (int i = 0; i < k; i++) sum += sorted[sorted.length - 1 - i];
        return sum / k;
    }
}
