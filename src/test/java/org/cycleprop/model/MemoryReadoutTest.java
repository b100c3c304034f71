package org.cycleprop.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MemoryReadoutTest {
    /** Memory keys (1, 0), (0, 1), (1, 1) as [1, Ck=2, N=3]; channel-major. */
    private static NDArray keys(NDManager m) {
        return m.create(new float[] {1, 0, 1, 0, 1, 1}, new Shape(1, 2, 3));
    }

    /** Softmax of the scores (2·m·q − |m|²)/√2 for q = (1, 0) over the given entries, by hand. */
    private static double[] weights(boolean... kept) {
        double[] score = {(2 - 1) / Math.sqrt(2), (0 - 1) / Math.sqrt(2), (2 - 2) / Math.sqrt(2)};
        double[] w = new double[3];
        double sum = 0;
        for (int i = 0; i < 3; i++) {
            if (kept[i]) sum += w[i] = Math.exp(score[i]);
        }
        for (int i = 0; i < 3; i++) w[i] /= sum;
        return w;
    }

    @Test
    void affinityIsTheSoftmaxOfTheScaledNegativeSquaredDistance() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray query = m.create(new float[] {1, 0}, new Shape(1, 2, 1));
            double[] w = weights(true, true, true);
            float[] expected = {(float) w[0], (float) w[1], (float) w[2]};
            NDArray affinity = MemoryReadout.affinity(keys(m), query, 0);
            assertEquals(new Shape(1, 3, 1), affinity.getShape());
            assertArrayEquals(expected, affinity.toFloatArray(), 1e-6f);
        }
    }

    @Test
    void readoutWeighsValuesAndAppendsTheQueryFeature() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray query = m.create(new float[] {1, 0}, new Shape(1, 2, 1, 1));
            NDArray thin = m.create(new float[] {7}, new Shape(1, 1, 1, 1));
            // two objects: values 10, 20, 40 and 1, 2, 3 for the three memory entries
            NDArray values = m.create(new float[] {10, 20, 40, 1, 2, 3}, new Shape(2, 1, 3));
            double[] all = weights(true, true, true);
            double[] top2 = weights(true, false, true);
            float[] expectedAll = {(float) (10 * all[0] + 20 * all[1] + 40 * all[2]), 7,
                (float) (all[0] + 2 * all[1] + 3 * all[2]), 7};
            float[] expectedTop2 = {(float) (10 * top2[0] + 40 * top2[2]), 7, (float) (top2[0] + 3 * top2[2]), 7};
            assertArrayEquals(expectedAll, MemoryReadout.readout(keys(m), values, query, thin, 0).toFloatArray(), 1e-4f);
            assertArrayEquals(expectedTop2, MemoryReadout.readout(keys(m), values, query, thin, 2).toFloatArray(), 1e-4f);
            // top-1 copies the value of the closest key
            assertArrayEquals(new float[] {10, 7, 1, 7}, MemoryReadout.readout(keys(m), values, query, thin, 1)
                    .toFloatArray(), 1e-6f);
        }
    }

    @Test
    void topKWithTheWholeMemoryEqualsTheFullSoftmaxAndSmallKDiffers() {
        try (NDManager m = NDManager.newBaseManager()) {
            m.getEngine().setRandomSeed(7);
            int entries = 3 * 16; // three memory frames of 4×4
            NDArray mk = m.randomNormal(new Shape(1, 8, entries));
            NDArray mv = m.randomNormal(new Shape(2, 5, entries));
            NDArray qk = m.randomNormal(new Shape(1, 8, 4, 4));
            NDArray thin = m.randomNormal(new Shape(1, 3, 4, 4));
            NDArray full = MemoryReadout.readout(mk, mv, qk, thin, 0);
            NDArray allK = MemoryReadout.readout(mk, mv, qk, thin, entries);
            assertTrue(TestArrays.maxAbsDifference(full, allK) < 1e-6, "top-k over the whole memory");
            NDArray moreThanAll = MemoryReadout.readout(mk, mv, qk, thin, 1000);
            assertTrue(TestArrays.maxAbsDifference(full, moreThanAll) < 1e-6, "k larger than the memory");
            NDArray few = MemoryReadout.readout(mk, mv, qk, thin, 3);
            assertTrue(TestArrays.maxAbsDifference(full, few) > 1e-2, "top-3 must differ from the full softmax");
        }
    }

    @Test
    void topKKeepsExactlyKEntriesPerQueryPosition() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray mk = m.randomNormal(new Shape(1, 4, 40));
            NDArray qk = m.randomNormal(new Shape(1, 4, 9));
            float[] w = MemoryReadout.affinity(mk, qk, 5).toFloatArray(); // [1, 40, 9]
            for (int q = 0; q < 9; q++) {
                int nonZero = 0;
                double sum = 0;
                for (int n = 0; n < 40; n++) {
                    float v = w[n * 9 + q];
                    if (v > 0) nonZero++;
                    sum += v;
                }
                assertEquals(5, nonZero, "entries kept for query " + q);
                assertEquals(1.0, sum, 1e-5);
            }
        }
    }

    @Test
    void localityBiasIsMinusHalfTheSquaredDistanceOverSigmaSquaredInEveryFrame() {
        try (NDManager m = NDManager.newBaseManager()) {
            // 2 x 3 key grid, two memory frames, sigma 2: bias = -d^2 / 8
            float[] b = LocalityPrior.aligned(2).bias(m, 2, 3, 2).toFloatArray();
            assertEquals(6 * 12, b.length);
            // query (row 0, col 0) against entry (row 1, col 2) of frame 1: d^2 = 1 + 4
            assertEquals(-5 / 8f, b[0 * 12 + 6 + 5], 1e-6f);
            assertEquals(-5 / 8f, b[0 * 12 + 5], 1e-6f);
            // query (row 1, col 1) against itself in both frames
            assertEquals(0f, b[4 * 12 + 4], 0f);
            assertEquals(0f, b[4 * 12 + 6 + 4], 0f);
        }
    }

    @Test
    void aNarrowLocalityPriorReadsTheEntryAtTheQuerysPosition() {
        try (NDManager m = NDManager.newBaseManager()) {
            m.getEngine().setRandomSeed(3);
            NDArray keys = m.randomNormal(new Shape(1, 4, 6)); // one 2 x 3 frame
            NDArray values = m.create(new float[] {1, 2, 3, 4, 5, 6}, new Shape(1, 1, 6));
            NDArray query = m.randomNormal(new Shape(1, 4, 2, 3));
            NDArray thin = m.zeros(new Shape(1, 1, 2, 3));
            float[] plain = MemoryReadout.readout(keys, values, query, thin, 0).toFloatArray();
            assertArrayEquals(plain, MemoryReadout.readout(keys, values, query, thin, 0, null).toFloatArray(), 0f);
            float[] local = MemoryReadout.readout(keys, values, query, thin, 0, LocalityPrior.aligned(0.05)).toFloatArray();
            for (int i = 0; i < 6; i++) assertEquals(i + 1, local[i], 1e-3f, "position " + i);
            // and a wide prior changes the plain readout only a little
            float[] wide = MemoryReadout.readout(keys, values, query, thin, 0, LocalityPrior.aligned(1000)).toFloatArray();
            assertArrayEquals(plain, wide, 1e-3f);
        }
    }
}
