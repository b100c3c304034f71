package org.cycleprop.training;

import org.cycleprop.volume.Axis;

import java.util.Arrays;

/**
 * R×R training frames in propagation order, three as in the paper's training (or more, see
 * {@link TripletSampler.Options#frames()}): frame 0 holds the seed (the target is present there), frames 1, 2, …
 * are the slices the network must segment. {@code images[f]}, {@code masks[f]} (target, 0/1) and
 * {@code others[f]} (a second object, 0/1, all zero when {@code hasOthers} is false) are row-major arrays of
 * R·R values. The rest is provenance for debugging: the source volume, its axis (null for procedural images),
 * the target and second-object labels (0 when none) and the source slices of the three frames (all equal for
 * synthetic sequences). The arrays are live; nobody should change them after sampling.
 */
public record Triplet(int resolution, float[][] images, float[][] masks, float[][] others, boolean hasOthers,
                      String volume, Axis axis, int label, int otherLabel, int[] slices) {

    /** Frames of the paper's training sample: the seed and two slices to propagate to. */
    public static final int FRAMES = 3;

    /** The one check of a frames-per-sample setting: at least {@link #FRAMES}. */
    static void checkFrameCount(int frames) {
        if (frames < FRAMES) {
            throw new IllegalArgumentException("a training sample has at least " + FRAMES + " frames, got " + frames);
        }
    }

    public Triplet {
        int n = resolution * resolution;
        int frames = images.length;
        checkFrameCount(frames);
        if (masks.length != frames || others.length != frames || slices.length != frames) {
            throw new IllegalArgumentException("a training sample has as many masks, others and slices as frames ("
                    + frames + ")");
        }
        for (int f = 0; f < frames; f++) {
            if (images[f].length != n || masks[f].length != n || others[f].length != n) {
                throw new IllegalArgumentException("frame " + f + " is not " + resolution + "x" + resolution);
            }
        }
    }

    /** Number of frames (3 for a triplet proper). */
    public int frames() {
        return images.length;
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
