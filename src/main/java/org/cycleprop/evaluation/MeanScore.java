package org.cycleprop.evaluation;

import java.util.List;

/**
 * Plain means of per-structure scores. A structure without any evaluated slice has no J or F and is left out
 * of the J, F and J&F means (as the reference evaluation drops it), but its Dice still counts.
 *
 * @param structures       number of structures averaged for DSC
 * @param scoredStructures number of structures averaged for J, F and J&F
 */
public record MeanScore(double j, double f, double jf, double dsc, int structures, int scoredStructures) {

    public static MeanScore of(List<StructureScore> scores) {
        double sumJ = 0;
        double sumF = 0;
        double sumJf = 0;
        double sumDsc = 0;
        int scored = 0;
        for (StructureScore s : scores) {
            sumDsc += s.dsc();
            if (s.hasEvaluatedSlices()) {
                sumJ += s.j();
                sumF += s.f();
                sumJf += s.jf();
                scored++;
            }
        }
        int n = scores.size();
        return new MeanScore(scored == 0 ? Double.NaN : sumJ / scored, scored == 0 ? Double.NaN : sumF / scored,
                scored == 0 ? Double.NaN : sumJf / scored, n == 0 ? Double.NaN : sumDsc / n, n, scored);
    }
}
