package org.cycleprop.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.cycleprop.model.FrameInput;

/**
 * One training batch of B samples of T ≥ 3 frames at R×R (T = 3 in the paper's training), as arrays of the
 * step's {@link NDManager} scope.
 *
 * @param frames    [B, T, C, R, R] network input (C = the preset's image channels), already through
 *                  {@link FrameInput}'s convention
 * @param masks     [B, T, 1, R, R] target object, 0/1
 * @param others    [B, T, 1, R, R] second object, 0/1 (zeros when the sample has none)
 * @param hasOthers [B] 1 when the sample has a second object, else 0
 */
public record TrainingBatch(NDArray frames, NDArray masks, NDArray others, NDArray hasOthers) {
    /** Fewest frames per sample: a reference frame and two frames to propagate to. */
    public static final int FRAMES = 3;

    public TrainingBatch {
        Shape f = frames.getShape();
        if (f.dimension() != 5 || f.get(1) < FRAMES || f.get(3) != f.get(4)) {
            throw new IllegalArgumentException("frames must be [B, T >= 3, C, R, R], got " + f);
        }
        Shape mask = new Shape(f.get(0), f.get(1), 1, f.get(3), f.get(4));
        if (!masks.getShape().equals(mask) || !others.getShape().equals(mask)) {
            throw new IllegalArgumentException("masks and others must be " + mask + ", got " + masks.getShape()
                    + " and " + others.getShape());
        }
        if (!hasOthers.getShape().equals(new Shape(f.get(0)))) {
            throw new IllegalArgumentException("hasOthers must be [" + f.get(0) + "], got " + hasOthers.getShape());
        }
    }

    /** A three-frame batch: {@link #fromArrays(NDManager, int, int, int, int, float[], float[], float[], boolean[])} with T = 3. */
    public static TrainingBatch fromArrays(NDManager manager, int batch, int size, int channels, float[] images,
            float[] masks, float[] others, boolean[] hasOthers) {
        return fromArrays(manager, batch, FRAMES, size, channels, images, masks, others, hasOthers);
    }

    /**
     * A batch from flat arrays, each B×T×R×R floats, row-major, frame-major within a sample (sample b,
     * frame t, row y, column x at index ((b·T + t)·R + y)·R + x).
     *
     * @param images    intensities normalised to [0, 1] (FrameInput's input); repeated over {@code channels}
     * @param masks     target object 0/1
     * @param others    second object 0/1, zeros where absent
     * @param hasOthers per sample: whether it has a second object
     */
    public static TrainingBatch fromArrays(NDManager manager, int batch, int framesPerSample, int size, int channels,
            float[] images, float[] masks, float[] others, boolean[] hasOthers) {
        Triplet.checkFrameCount(framesPerSample);
        int expected = batch * framesPerSample * size * size;
        checkLength("images", images, expected);
        checkLength("masks", masks, expected);
        checkLength("others", others, expected);
        if (hasOthers.length != batch) {
            throw new IllegalArgumentException("hasOthers has " + hasOthers.length + " entries, expected " + batch);
        }
        float[] present = new float[batch];
        for (int b = 0; b < batch; b++) present[b] = hasOthers[b] ? 1 : 0;
        Shape maskShape = new Shape(batch, framesPerSample, 1, size, size);
        NDArray frames = FrameInput.frames(manager, images, batch * framesPerSample, size, channels)
                .reshape(batch, framesPerSample, channels, size, size);
        return new TrainingBatch(frames, manager.create(masks, maskShape), manager.create(others, maskShape),
                manager.create(present));
    }

    private static void checkLength(String name, float[] values, int expected) {
        if (values.length != expected) {
            throw new IllegalArgumentException(name + " has " + values.length + " values, expected " + expected);
        }
    }

    /** Number of samples B. */
    public int batchSize() {
        return (int) frames.getShape().get(0);
    }

    /** Frames per sample T. */
    public int framesPerSample() {
        return (int) frames.getShape().get(1);
    }

    /** Frame side R. */
    public int size() {
        return (int) frames.getShape().get(3);
    }

    /** Frames [B, C, R, R] at position {@code t} (0 … T − 1) of every sample. */
    public NDArray frame(int t) {
        return frames.get(":, " + t);
    }

    /** Target masks [B, 1, R, R] at frame {@code t}. */
    public NDArray mask(int t) {
        return masks.get(":, " + t);
    }

    /** Second-object masks [B, 1, R, R] at frame {@code t}. */
    public NDArray other(int t) {
        return others.get(":, " + t);
    }

    /**
     * Class index per pixel [B, R, R] at frame {@code t}: 0 background, 1 target, 2 second object (which
     * wins where both are set, as in STCN's data loader). Float values; masks are read at threshold 0.5.
     */
    public NDArray classes(int t) {
        NDArray target = mask(t).gt(0.5f).toType(ai.djl.ndarray.types.DataType.FLOAT32, false);
        NDArray second = other(t).gt(0.5f).toType(ai.djl.ndarray.types.DataType.FLOAT32, false);
        NDArray classes = target.mul(second.mul(-1).add(1)).add(second.mul(2));
        return classes.squeeze(1);
    }
}
