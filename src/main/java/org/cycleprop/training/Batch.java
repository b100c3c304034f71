package org.cycleprop.training;

import java.util.List;

/**
 * Triplets packed for the network: {@link #images()}, {@link #masks()} and {@link #others()} are flat arrays in
 * [B, T, 1, R, R] order (triplet, frame, channel, y, x), T the frames per triplet (3, or more for longer
 * training sequences; the same for every triplet), i.e. element (b, f, 0, y, x) is at {@code ((b·T + f)·R + y)·R + x}. {@link #hasOthers()} is 1 for triplets with a second object, else 0 (the
 * "selector" of the authors' code).
 */
public final class Batch {
    private final int size;
    private final int resolution;
    private final int frames;
    private final float[] images;
    private final float[] masks;
    private final float[] others;
    private final float[] hasOthers;
    private final List<Triplet> triplets;

    private Batch(List<Triplet> triplets) {
        if (triplets.isEmpty()) throw new IllegalArgumentException("a batch needs at least one triplet");
        this.triplets = List.copyOf(triplets);
        this.size = triplets.size();
        this.resolution = triplets.get(0).resolution();
        this.frames = triplets.get(0).frames();
        int frame = resolution * resolution;
        int perTriplet = frames * frame;
        images = new float[size * perTriplet];
        masks = new float[size * perTriplet];
        others = new float[size * perTriplet];
        hasOthers = new float[size];
        for (int b = 0; b < size; b++) {
            Triplet t = triplets.get(b);
            if (t.resolution() != resolution) {
                throw new IllegalArgumentException("triplet " + b + " is " + t.resolution() + " px, not " + resolution);
            }
            if (t.frames() != frames) {
                throw new IllegalArgumentException("triplet " + b + " has " + t.frames() + " frames, not " + frames);
            }
            for (int f = 0; f < frames; f++) {
                int offset = b * perTriplet + f * frame;
                System.arraycopy(t.images()[f], 0, images, offset, frame);
                System.arraycopy(t.masks()[f], 0, masks, offset, frame);
                System.arraycopy(t.others()[f], 0, others, offset, frame);
            }
            hasOthers[b] = t.hasOthers() ? 1f : 0f;
        }
    }

    public static Batch of(List<Triplet> triplets) {
        return new Batch(triplets);
    }

    /** Number of triplets B. */
    public int size() {
        return size;
    }

    public int resolution() {
        return resolution;
    }

    /** Frames per triplet T. */
    public int frames() {
        return frames;
    }

    /** The shape of {@link #images()}, {@link #masks()} and {@link #others()}: {B, T, 1, R, R}. */
    public long[] shape() {
        return new long[] {size, frames, 1, resolution, resolution};
    }

    public float[] images() {
        return images;
    }

    public float[] masks() {
        return masks;
    }

    public float[] others() {
        return others;
    }

    /** One value per triplet: 1 if it has a second object, else 0. */
    public float[] hasOthers() {
        return hasOthers;
    }

    public List<Triplet> triplets() {
        return triplets;
    }

    /**
     * The copy baseline of this batch: IoU of frame 0's target mask, taken as the prediction, against frame
     * {@code frame}'s, pooled over the batch as the trainer pools the network's IoU (1 when both are empty).
     * A network that learned anything beats it on frames 1 and 2.
     */
    public float copyIou(int frame) {
        if (frame < 1 || frame >= frames) {
            throw new IllegalArgumentException("frame must be in 1.." + (frames - 1) + ", got " + frame);
        }
        int plane = resolution * resolution;
        long intersection = 0;
        long union = 0;
        for (int b = 0; b < size; b++) {
            int first = b * frames * plane;
            int other = first + frame * plane;
            for (int i = 0; i < plane; i++) {
                boolean p = masks[first + i] > 0.5f;
                boolean t = masks[other + i] > 0.5f;
                if (p && t) intersection++;
                if (p || t) union++;
            }
        }
        return union == 0 ? 1f : (float) intersection / union;
    }
}
