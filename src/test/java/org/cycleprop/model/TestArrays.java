package org.cycleprop.model;

import ai.djl.ndarray.NDArray;

/** Small helpers for comparing arrays in tests. */
final class TestArrays {
    private TestArrays() {
    }

    static double maxAbsDifference(NDArray a, NDArray b) {
        float[] x = a.toFloatArray();
        float[] y = b.toFloatArray();
        if (x.length != y.length) throw new AssertionError("sizes differ: " + x.length + " vs " + y.length);
        double max = 0;
        for (int i = 0; i < x.length; i++) max = Math.max(max, Math.abs(x[i] - y[i]));
        return max;
    }
}
