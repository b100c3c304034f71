package org.cycleprop.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * STCN's bootstrapped cross-entropy (the loss of Cheng et al.; also the cycle paper's): per-pixel
 * cross-entropy of class logits, averaged over only the hardest pixels once training is under way. Before
 * {@code startWarm} iterations all pixels count; after {@code endWarm} only the fraction {@code topP} with the
 * largest losses; in between the fraction falls linearly from 1 to {@code topP}. The fraction is applied to
 * each sample separately (its own hardest pixels) and the per-sample means are averaged, as in STCN's
 * LossComputer, which loops over the samples.
 */
public final class BootstrappedCrossEntropy {
    /** Fraction of hardest pixels kept at the end of the warm-up in STCN. */
    public static final double PAPER_TOP_P = 0.15;

    private final int startWarm;
    private final int endWarm;
    private final double topP;

    /** The paper's 15 % of hardest pixels; warm-up iterations as given (STCN: 20,000 and 70,000). */
    public BootstrappedCrossEntropy(int startWarm, int endWarm) {
        this(startWarm, endWarm, PAPER_TOP_P);
    }

    public BootstrappedCrossEntropy(int startWarm, int endWarm, double topP) {
        if (startWarm < 0 || endWarm < startWarm) {
            throw new IllegalArgumentException("need 0 <= startWarm <= endWarm, got " + startWarm + ", " + endWarm);
        }
        if (!(topP > 0 && topP <= 1)) throw new IllegalArgumentException("topP must be in (0, 1]: " + topP);
        this.startWarm = startWarm;
        this.endWarm = endWarm;
        this.topP = topP;
    }

    public int startWarm() {
        return startWarm;
    }

    public int endWarm() {
        return endWarm;
    }

    public double topP() {
        return topP;
    }

    /** Fraction of pixels averaged at {@code iteration}: 1 before startWarm, topP after endWarm, linear between. */
    public double fraction(int iteration) {
        if (iteration < startWarm) return 1;
        if (iteration > endWarm || endWarm == startWarm) return topP;
        return topP + (1 - topP) * ((double) (endWarm - iteration) / (endWarm - startWarm));
    }

    /**
     * Scalar loss of class logits [B, K, H, W] against class indices [B, H, W] (any numeric type, values
     * 0..K−1) at training iteration {@code iteration}.
     */
    public NDArray loss(NDArray logits, NDArray classes, int iteration) {
        NDArray pixels = pixelLosses(logits, classes); // [B, H·W]
        double p = fraction(iteration);
        if (p >= 1) return pixels.mean();
        long count = pixels.getShape().get(1);
        int keep = (int) Math.max(1, (long) (count * p)); // Python's int(): truncation
        return pixels.topK(keep, 1, true, false).get(0).mean();
    }

    /** Cross-entropy −log softmax(logits)[class] of each pixel: logits [B, K, H, W], classes [B, H, W] → [B, H·W]. */
    public static NDArray pixelLosses(NDArray logits, NDArray classes) {
        Shape s = logits.getShape();
        if (s.dimension() != 4 || !classes.getShape().equals(new Shape(s.get(0), s.get(2), s.get(3)))) {
            throw new IllegalArgumentException("logits [B, K, H, W] and classes [B, H, W] expected, got " + s
                    + " and " + classes.getShape());
        }
        NDArray index = classes.toType(DataType.INT64, false).expandDims(1); // [B, 1, H, W]
        NDArray picked = logits.logSoftmax(1).gather(index, 1); // [B, 1, H, W]
        return picked.neg().reshape(s.get(0), s.get(2) * s.get(3));
    }
}
