package org.cycleprop.evaluation;

/**
 * Scores of one structure (one label of one volume along one axis).
 *
 * @param j               mean Jaccard over the evaluated slices (NaN if none)
 * @param f               mean boundary F over the evaluated slices (NaN if none)
 * @param jf              (j + f) / 2
 * @param dsc             volumetric Dice over all slices: 2|P ∩ G| / (|P| + |G|), 1 if both are empty
 * @param evaluatedSlices slices whose ground truth has more than {@link StructureEvaluator#MIN_TRUTH_PIXELS} pixels
 * @param perSliceJ       J of every slice, NaN on skipped slices
 * @param perSliceF       F of every slice, NaN on skipped slices
 */
public record StructureScore(double j, double f, double jf, double dsc, int evaluatedSlices,
                             double[] perSliceJ, double[] perSliceF) {
    /** True if at least one slice was scored, so that j and f are numbers. */
    public boolean hasEvaluatedSlices() {
        return evaluatedSlices > 0;
    }
}
