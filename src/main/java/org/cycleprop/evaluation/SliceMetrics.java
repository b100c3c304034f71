package org.cycleprop.evaluation;

/**
 * Per-slice scores of the DAVIS protocol the paper uses: region similarity J (Jaccard index) and boundary
 * accuracy F (F-measure of boundary pixels matched within a tolerance). Slices are row-major boolean masks.
 */
public final class SliceMetrics {
    /** Boundary tolerance as a fraction of the slice diagonal (DAVIS {@code bound_th}). */
    public static final double BOUNDARY_TOLERANCE = 0.008;

    private SliceMetrics() {
    }

    /** |A ∩ B| / |A ∪ B|, or 1 when both masks are empty. */
    public static double jaccard(boolean[] prediction, boolean[] truth) {
        checkSameSize(prediction, truth);
        long inter = 0;
        long union = 0;
        for (int i = 0; i < prediction.length; i++) {
            boolean p = prediction[i];
            boolean t = truth[i];
            if (p && t) inter++;
            if (p || t) union++;
        }
        return union == 0 ? 1.0 : (double) inter / union;
    }

    /** The matching distance in pixels: ceil(0.008 × slice diagonal). */
    public static int toleranceRadius(int width, int height) {
        // sqrt of the sum of squares, as numpy's norm of the shape (not Math.hypot, which may round differently)
        return (int) Math.ceil(BOUNDARY_TOLERANCE * Math.sqrt((double) width * width + (double) height * height));
    }

    /**
     * Boundary F-measure of {@code prediction} against {@code truth}: precision is the share of predicted
     * boundary pixels with a true boundary pixel within {@link #toleranceRadius}, recall the converse.
     */
    public static double boundaryF(boolean[] prediction, boolean[] truth, int width, int height) {
        checkSameSize(prediction, truth);
        return boundaryF(BoundaryMap.of(prediction, width, height), BoundaryMap.of(truth, width, height));
    }

    /** As {@link #boundaryF(boolean[], boolean[], int, int)} on boundary maps already computed. */
    public static double boundaryF(BoundaryMap prediction, BoundaryMap truth) {
        if (prediction.width() != truth.width() || prediction.height() != truth.height()) {
            throw new IllegalArgumentException("boundary maps differ in size");
        }
        int nFg = prediction.count();
        int nGt = truth.count();
        double precision;
        double recall;
        if (nFg == 0 && nGt > 0) {
            precision = 1;
            recall = 0;
        } else if (nFg > 0 && nGt == 0) {
            precision = 0;
            recall = 1;
        } else if (nFg == 0) {
            precision = 1;
            recall = 1;
        } else {
            Disk disk = Disk.of(toleranceRadius(prediction.width(), prediction.height()));
            precision = (double) prediction.countMatchedIn(truth, disk) / nFg;
            recall = (double) truth.countMatchedIn(prediction, disk) / nGt;
        }
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }

    private static void checkSameSize(boolean[] a, boolean[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("masks differ in size: " + a.length + " and " + b.length + " pixels");
        }
    }
}
