package org.cycleprop.propagation;

import java.util.NavigableMap;

import org.cycleprop.util.Progress;
import org.cycleprop.volume.LabelStack;
import org.cycleprop.volume.SliceStack;

/**
 * Baseline "interpolate": shape-based interpolation (Raya and Udupa, 1990) between consecutive seed slices.
 * Each object's signed distance map (negative inside, see {@link DistanceTransform#signed}) on the two seeds
 * is blended linearly by the slice's position between them; the object covers the pixels where the blend is
 * negative, and where several objects do, the one with the most negative blend wins (the lower id on a tie).
 * An object missing from one of the two seeds has distance +(width + height) there, larger than any distance
 * inside the slice, so it shrinks away towards that seed. Slices beyond the outermost seeds copy them.
 */
public final class InterpolatePropagator implements Propagator {
    @Override
    public LabelStack propagate(SliceStack image, Seeds seeds, Progress progress) {
        SeedCheck.check(image, seeds);
        int width = image.width();
        int height = image.height();
        int depth = image.depth();
        float far = width + height;
        NavigableMap<Integer, short[]> slices = seeds.slices();
        LabelStack out = new LabelStack(width, height, depth);
        int first = slices.firstKey();
        int last = slices.lastKey();
        SeedDistances lower = null;
        SeedDistances upper = null;
        for (int z = 0; z < depth; z++) {
            progress.checkCancelled();
            short[] seed = slices.get(z);
            if (seed != null) {
                out.setSlice(z, seed.clone());
            } else if (z < first) {
                out.setSlice(z, slices.get(first).clone());
            } else if (z > last) {
                out.setSlice(z, slices.get(last).clone());
            } else {
                int a = slices.floorKey(z);
                int b = slices.ceilingKey(z);
                // walking upwards, the previous upper seed becomes the lower one
                if (lower == null || lower.z != a) {
                    lower = upper != null && upper.z == a ? upper : new SeedDistances(a, slices.get(a), seeds, far);
                }
                if (upper == null || upper.z != b) upper = new SeedDistances(b, slices.get(b), seeds, far);
                out.setSlice(z, blend(lower, upper, (float) (z - a) / (b - a), width * height, far));
            }
            progress.update(z + 1, depth, name());
        }
        return out;
    }

    private static short[] blend(SeedDistances a, SeedDistances b, float t, int pixels, float far) {
        short[] labels = new short[pixels];
        float[] best = new float[pixels]; // most negative blended distance so far; 0 = no object yet
        for (int k = 1; k < a.maps.length; k++) {
            float[] da = a.maps[k];
            float[] db = b.maps[k];
            if (da == null && db == null) continue;
            for (int i = 0; i < pixels; i++) {
                float d = (1 - t) * (da == null ? far : da[i]) + t * (db == null ? far : db[i]);
                if (d < best[i]) {
                    best[i] = d;
                    labels[i] = (short) k;
                }
            }
        }
        return labels;
    }

    /** The signed distance map of every object on one seed slice; null for objects absent there. */
    private static final class SeedDistances {
        final int z;
        final float[][] maps;

        SeedDistances(int z, short[] labels, Seeds seeds, float far) {
            this.z = z;
            int k = seeds.objectCount();
            this.maps = new float[k + 1][];
            boolean[][] masks = new boolean[k + 1][];
            for (int i = 0; i < labels.length; i++) {
                int id = Short.toUnsignedInt(labels[i]);
                if (id == 0) continue;
                if (masks[id] == null) masks[id] = new boolean[labels.length];
                masks[id][i] = true;
            }
            for (int id = 1; id <= k; id++) {
                if (masks[id] != null) maps[id] = DistanceTransform.signed(masks[id], seeds.width(), seeds.height(), far);
            }
        }
    }

    @Override
    public String name() {
        return "interpolate";
    }
}
