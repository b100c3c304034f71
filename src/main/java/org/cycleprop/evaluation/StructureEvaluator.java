package org.cycleprop.evaluation;

import java.util.Arrays;
import java.util.function.IntFunction;

import org.cycleprop.volume.LabelStack;

/**
 * Scores a predicted structure against its ground truth slice by slice, as the DAVIS-style evaluation of the
 * paper: J and F are averaged over the slices whose ground truth has more than {@value #MIN_TRUTH_PIXELS}
 * pixels (tiny cross-sections are skipped), while the Dice coefficient is volumetric over all slices, so
 * predictions on slices without ground truth count as false positives.
 */
public final class StructureEvaluator {
    /** Slices whose ground truth has at most this many pixels are not scored for J and F. */
    public static final int MIN_TRUTH_PIXELS = 10;

    private final int width;
    private final int height;
    private final double[] perJ;
    private final double[] perF;
    private final long[] perTruth;
    private final long[] perPredicted;
    private long predicted;
    private long actual;
    private long both;
    private double sumJ;
    private double sumF;
    private int evaluated;

    private StructureEvaluator(int width, int height, int depth) {
        this.width = width;
        this.height = height;
        this.perJ = new double[depth];
        this.perF = new double[depth];
        this.perTruth = new long[depth];
        this.perPredicted = new long[depth];
        Arrays.fill(perJ, Double.NaN);
        Arrays.fill(perF, Double.NaN);
    }

    /**
     * @param truth      slice index → ground-truth mask (row-major, width × height)
     * @param prediction slice index → predicted mask
     */
    public static StructureScore evaluate(int width, int height, int depth, IntFunction<boolean[]> truth,
                                          IntFunction<boolean[]> prediction) {
        int pixels = width * height;
        StructureEvaluator e = new StructureEvaluator(width, height, depth);
        for (int z = 0; z < depth; z++) {
            boolean[] t = truth.apply(z);
            boolean[] p = prediction.apply(z);
            if (t.length != pixels || p.length != pixels) {
                throw new IllegalArgumentException("slice " + z + " has " + t.length + " truth and " + p.length
                        + " predicted pixels, expected " + pixels);
            }
            long nt = 0;
            long np = 0;
            long ni = 0;
            for (int i = 0; i < pixels; i++) {
                if (t[i]) nt++;
                if (p[i]) {
                    np++;
                    if (t[i]) ni++;
                }
            }
            e.add(z, nt, np, ni, t, p);
        }
        return e.result();
    }

    /**
     * Scores label {@code predictedLabel} of {@code prediction} against label {@code truthLabel} of
     * {@code truth}. Faster than going through masks: slices are counted in place and only the scored ones
     * are turned into masks.
     */
    public static StructureScore evaluate(LabelStack truth, int truthLabel, LabelStack prediction, int predictedLabel) {
        if (truth.width() != prediction.width() || truth.height() != prediction.height()
                || truth.depth() != prediction.depth()) {
            throw new IllegalArgumentException("truth and prediction stacks differ in size");
        }
        short t = (short) truthLabel;
        short p = (short) predictedLabel;
        StructureEvaluator e = new StructureEvaluator(truth.width(), truth.height(), truth.depth());
        for (int z = 0; z < truth.depth(); z++) {
            short[] ts = truth.slice(z);
            short[] ps = prediction.slice(z);
            long nt = 0;
            long np = 0;
            long ni = 0;
            if (ts != null && ps != null) {
                for (int i = 0; i < ts.length; i++) {
                    boolean inT = ts[i] == t;
                    if (inT) nt++;
                    if (ps[i] == p) {
                        np++;
                        if (inT) ni++;
                    }
                }
            } else {
                nt = ts == null ? 0 : truth.count(z, truthLabel);
                np = ps == null ? 0 : prediction.count(z, predictedLabel);
            }
            if (nt > MIN_TRUTH_PIXELS) {
                e.add(z, nt, np, ni, truth.mask(z, truthLabel), prediction.mask(z, predictedLabel));
            } else {
                e.add(z, nt, np, ni, null, null);
            }
        }
        return e.result();
    }

    /** Adds one slice's counts; scores it when its truth is large enough ({@code t}, {@code p} then non-null). */
    private void add(int z, long nt, long np, long ni, boolean[] t, boolean[] p) {
        actual += nt;
        predicted += np;
        perTruth[z] = nt;
        perPredicted[z] = np;
        both += ni;
        if (nt > MIN_TRUTH_PIXELS) {
            perJ[z] = (double) ni / (nt + np - ni); // the union is not empty since nt > 0
            perF[z] = SliceMetrics.boundaryF(p, t, width, height);
            sumJ += perJ[z];
            sumF += perF[z];
            evaluated++;
        }
    }

    private StructureScore result() {
        double j = evaluated == 0 ? Double.NaN : sumJ / evaluated;
        double f = evaluated == 0 ? Double.NaN : sumF / evaluated;
        double dsc = predicted + actual == 0 ? 1.0 : 2.0 * both / (predicted + actual);
        return new StructureScore(j, f, (j + f) / 2, dsc, evaluated, perJ, perF, perTruth, perPredicted);
    }
}
