package org.cycleprop.training;

import org.cycleprop.volume.Axis;

import java.util.Arrays;

/**
 * Three R×R training frames in propagation order: frame 0 holds the seed (the target is present there), frames 1
 * and 2 are the slices the network must segment. {@code images[f]}, {@code masks[f]} (target, 0/1) and
 * {@code others[f]} (a second object, 0/1, all zero when {@code hasOthers} is false) are row-major arrays of
 * R·R values. The rest is provenance for debugging: the source volume, its axis (null for procedural images),
 * the target and second-object labels (0 when none) and the source slices of the three frames (all equal for
 * synthetic sequences). The arrays are live; nobody should change them after sampling.
 */
public record Triplet(int resolution, float[][] images, float[][] masks, float[][] others, boolean hasOthers,
                      String volume, Axis axis, int label, int otherLabel, int[] slices) {

    public static final int FRAMES = 3;

    public Triplet {
        int n = resolution * resolution;
        if (images.length != FRAMES || masks.length != FRAMES || others.length != FRAMES || slices.length != FRAMES) {
            throw new IllegalArgumentException("a triplet has exactly " + FRAMES + " frames");
        }
        for (int f = 0; f < FRAMES; f++) {
            if (images[f].length != n || masks[f].length != n || others[f].length != n) {
                throw new IllegalArgumentException("frame " + f + " is not " + resolution + "x" + resolution);
            }
        }
    }

    /** True when the frames run towards lower slice indices. */
    public boolean reversed() {
        return slices[1] < slices[0];
    }

    @Override
    public String toString() {
        return volume + (axis == null ? "" : " " + axis) + " label " + label
                + (hasOthers ? " (+" + otherLabel + ")" : "") + " slices " + Arrays.toString(slices);
    }
}
