package org.cycleprop.training;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;

import java.util.LinkedHashMap;
import java.util.Map;

/** Copies of a block's parameter gradients, keyed by parameter path (e.g. "01keyEncoder_..."). */
final class Gradients {
    private Gradients() {
    }

    static Map<String, float[]> snapshot(Block block) {
        Map<String, float[]> copy = new LinkedHashMap<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (!p.getValue().requiresGradient()) continue;
            try (NDArray g = p.getValue().getArray().getGradient()) {
                copy.put(p.getKey(), g.toFloatArray());
            }
        }
        return copy;
    }

    /** Largest absolute entry over all gradients. */
    static double maxAbs(Map<String, float[]> gradients) {
        double max = 0;
        for (float[] g : gradients.values()) {
            for (float v : g) max = Math.max(max, Math.abs(v));
        }
        return max;
    }

    /** Largest |a + factor·c − b| over all entries (c null: |a − b|). */
    static double maxDeviation(Map<String, float[]> a, double factor, Map<String, float[]> c, Map<String, float[]> b) {
        double max = 0;
        for (String key : a.keySet()) {
            float[] x = a.get(key);
            float[] y = b.get(key);
            for (int i = 0; i < x.length; i++) {
                double z = c == null ? 0 : c.get(key)[i];
                max = Math.max(max, Math.abs(x[i] + factor * z - y[i]));
            }
        }
        return max;
    }

    /** Sum of squares of the gradients of the parameters whose path contains {@code block}. */
    static double squaredNorm(Map<String, float[]> gradients, String block) {
        double sum = 0;
        int matched = 0;
        for (Map.Entry<String, float[]> e : gradients.entrySet()) {
            if (!e.getKey().contains(block)) continue;
            matched++;
            for (float v : e.getValue()) sum += (double) v * v;
        }
        if (matched == 0) throw new IllegalArgumentException("no parameter under " + block + " in " + gradients.keySet());
        return sum;
    }
}
