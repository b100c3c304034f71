package org.cycleprop.propagation;

import java.util.NavigableMap;

import org.cycleprop.util.Progress;
import org.cycleprop.volume.LabelStack;
import org.cycleprop.volume.SliceStack;

/**
 * Baseline "copy": every slice receives the labels of the nearest seed slice (on a tie, the lower one).
 * It ignores the image, so it measures how much a method gains over assuming the anatomy does not change.
 */
public final class CopyPropagator implements Propagator {
    @Override
    public LabelStack propagate(SliceStack image, Seeds seeds, Progress progress) {
        SeedCheck.check(image, seeds);
        NavigableMap<Integer, short[]> slices = seeds.slices();
        int depth = image.depth();
        LabelStack out = new LabelStack(image.width(), image.height(), depth);
        for (int z = 0; z < depth; z++) {
            progress.checkCancelled();
            out.setSlice(z, slices.get(nearestSeed(slices, z)).clone());
            progress.update(z + 1, depth, name());
        }
        return out;
    }

    /** The seed slice closest to {@code z}; the lower one when two are equally close. */
    static int nearestSeed(NavigableMap<Integer, short[]> slices, int z) {
        Integer below = slices.floorKey(z);
        Integer above = slices.ceilingKey(z);
        if (below == null) return above;
        if (above == null) return below;
        return z - below <= above - z ? below : above;
    }

    @Override
    public String name() {
        return "copy";
    }
}
