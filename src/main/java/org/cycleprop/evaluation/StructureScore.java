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
 * @param perSliceTruth   ground-truth pixels of every slice
 * @param perSlicePredicted predicted pixels of every slice
 */
public record StructureScore(double j, double f, double jf, double dsc, int evaluatedSlices,
                             double[] perSliceJ, double[] perSliceF, long[] perSliceTruth, long[] perSlicePredicted) {
    /** A score without per-slice pixel counts (summaries, tests). */
    public StructureScore(double j, double f, double jf, double dsc, int evaluatedSlices, double[] perSliceJ,
                          double[] perSliceF) {
        this(j, f, jf, dsc, evaluatedSlices, perSliceJ, perSliceF, new long[0], new long[0]);
    }

    /**
     * The share of the predicted pixels that lie on slices without any ground truth: what a propagation adds
     * beyond the ends of the structure (0 when nothing was predicted or no counts were kept).
     */
    public double predictedBeyondEnds() {
        long all = 0;
        long beyond = 0;
        for (int z = 0; z < perSlicePredicted.length; z++) {
            all += perSlicePredicted[z];
            if (perSliceTruth[z] == 0) beyond += perSlicePredicted[z];
        }
        return all == 0 ? 0 : (double) beyond / all;
    }

    /** True if at least one slice was scored, so that j and f are numbers. */
    public boolean hasEvaluatedSlices() {
        return evaluatedSlices > 0;
    }
}
