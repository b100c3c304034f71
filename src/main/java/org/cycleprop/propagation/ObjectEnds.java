package org.cycleprop.propagation;

/**
 * Decides, along one propagation run, where each object ends: once an object's predicted area on a slice falls
 * below {@code fraction} × its area on the run's seed slice, it is taken to have ended and gets no pixels on the
 * slices further from the seed. Networks trained on slice triplets keep finding some similar-looking tissue
 * after a structure's last slice; without such a rule those false positives run to the end of the volume.
 * A fraction of 0 never ends an object.
 */
final class ObjectEnds {
    private final double fraction;
    private final long[] seedAreas;
    private final boolean[] ended;

    /** @param seed the run's seed slice (label values 1..objects) */
    ObjectEnds(double fraction, short[] seed, int objects) {
        this.fraction = fraction;
        this.seedAreas = new long[objects];
        this.ended = new boolean[objects];
        for (short v : seed) {
            int o = Short.toUnsignedInt(v);
            if (o >= 1 && o <= objects) seedAreas[o - 1]++;
        }
    }

    /**
     * Clears the objects that ended on earlier slices from this slice's probabilities [background, object 1, ...]
     * (their probability goes to the background), then marks those whose area here is below the threshold. The
     * slice where an object drops below the threshold keeps its prediction: it may be the object's thin end.
     */
    void apply(float[][] probabilities) {
        int pixels = probabilities[0].length;
        for (int o = 0; o < ended.length; o++) {
            if (!ended[o]) continue;
            float[] p = probabilities[o + 1];
            for (int i = 0; i < pixels; i++) {
                probabilities[0][i] += p[i];
                p[i] = 0;
            }
        }
        if (!(fraction > 0)) return;
        long[] areas = new long[ended.length];
        for (int i = 0; i < pixels; i++) {
            int best = 0;
            for (int c = 1; c < probabilities.length; c++) if (probabilities[c][i] > probabilities[best][i]) best = c;
            if (best > 0) areas[best - 1]++;
        }
        for (int o = 0; o < ended.length; o++) {
            if (!ended[o] && areas[o] < fraction * seedAreas[o]) ended[o] = true;
        }
    }

    /** True when every object has ended: the rest of the run is background. */
    boolean allEnded() {
        for (boolean e : ended) if (!e) return false;
        return true;
    }
}
