package org.cycleprop.propagation;

import org.cycleprop.volume.LabelStack;

import java.util.HashMap;
import java.util.Map;

/**
 * Collects the per-slice probabilities [background, object 1..K] of the runs of a {@link PropagationPlan},
 * each with its blending weight, and turns a slice into labels (argmax) as soon as its weights add up to 1,
 * so only the slices of the stretch being worked on are held as probabilities.
 */
final class ProbabilityBlender {
    private final LabelStack labels;
    private final int channels;
    private final float[][][] keptProbabilities; // [object][slice][pixel], or null when not requested
    private final Map<Integer, float[][]> pending = new HashMap<>();
    private final Map<Integer, Double> pendingWeight = new HashMap<>();

    ProbabilityBlender(LabelStack labels, int objects, boolean keepProbabilities) {
        this.labels = labels;
        this.channels = objects + 1;
        this.keptProbabilities = keepProbabilities ? new float[objects][labels.depth()][] : null;
    }

    /** Adds {@code weight} × probabilities [channel][pixel] for slice {@code z}. */
    void add(int z, float[][] probabilities, double weight) {
        float[][] acc = pending.computeIfAbsent(z, k -> new float[channels][labels.pixelsPerSlice()]);
        for (int c = 0; c < channels; c++) {
            float[] a = acc[c];
            float[] p = probabilities[c];
            for (int i = 0; i < a.length; i++) a[i] += (float) (weight * p[i]);
        }
        double w = pendingWeight.merge(z, weight, Double::sum);
        if (w >= 1 - 1e-6) finish(z);
    }

    /** Seed slices keep their seed labels (probability 1 for the drawn object). */
    void setSeed(int z, short[] seedLabels) {
        labels.setSlice(z, seedLabels.clone());
        if (keptProbabilities != null) {
            for (int o = 0; o < channels - 1; o++) {
                float[] p = new float[seedLabels.length];
                for (int i = 0; i < p.length; i++) p[i] = Short.toUnsignedInt(seedLabels[i]) == o + 1 ? 1f : 0f;
                keptProbabilities[o][z] = p;
            }
        }
    }

    private void finish(int z) {
        float[][] acc = pending.remove(z);
        pendingWeight.remove(z);
        short[] out = new short[labels.pixelsPerSlice()];
        boolean any = false;
        for (int i = 0; i < out.length; i++) {
            int best = 0;
            float bestP = acc[0][i];
            for (int c = 1; c < channels; c++) {
                if (acc[c][i] > bestP) {
                    bestP = acc[c][i];
                    best = c;
                }
            }
            out[i] = (short) best;
            any |= best != 0;
        }
        labels.setSlice(z, any ? out : null);
        if (keptProbabilities != null) {
            for (int o = 0; o < channels - 1; o++) keptProbabilities[o][z] = acc[o + 1];
        }
    }

    /** Per-object probabilities [object][slice][pixel] (null entries: slices outside the range), or null. */
    float[][][] probabilities() {
        return keptProbabilities;
    }

    boolean isComplete() {
        return pending.isEmpty();
    }
}
