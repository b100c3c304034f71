package org.cycleprop.volume;

import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

/**
 * A volume seen as a stack of 2D slices along one axis, through imglib2 views (no copy of the volume).
 * A slice is read into a flat row-major array, index {@code u + v * width()}, where u runs along the first
 * and v along the second remaining axis in (x, y, z) order: for Z slices u = x, v = y; for X slices
 * u = y, v = z; for Y slices u = x, v = z.
 */
public final class SliceStack {
    private final RandomAccessibleInterval<? extends RealType<?>> volume;
    private final Axis axis;
    private final int width;
    private final int height;
    private final int depth;

    public SliceStack(RandomAccessibleInterval<? extends RealType<?>> volume, Axis axis) {
        if (volume.numDimensions() != 3) {
            throw new IllegalArgumentException("slices need a 3D image, got " + volume.numDimensions() + "D");
        }
        this.volume = Views.zeroMin(volume);
        this.axis = axis;
        int[] plane = planeDimensions(axis);
        this.width = (int) volume.dimension(plane[0]);
        this.height = (int) volume.dimension(plane[1]);
        this.depth = (int) volume.dimension(axis.dimension);
    }

    /** The two (x, y, z) dimensions spanning a slice cut along {@code axis}, in slice (u, v) order. */
    public static int[] planeDimensions(Axis axis) {
        switch (axis) {
            case X: return new int[] {1, 2};
            case Y: return new int[] {0, 2};
            default: return new int[] {0, 1};
        }
    }

    public Axis axis() {
        return axis;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public int depth() {
        return depth;
    }

    /** The imglib2 view of slice {@code index}: a 2D interval with dimensions (width, height). */
    public RandomAccessibleInterval<? extends RealType<?>> view(int index) {
        return Views.hyperSlice(volume, axis.dimension, index);
    }

    /** Slice {@code index} as floats, row-major. */
    public float[] floats(int index) {
        float[] out = new float[width * height];
        Cursor<? extends RealType<?>> c = Views.flatIterable(view(index)).cursor();
        int i = 0;
        while (c.hasNext()) {
            out[i++] = c.next().getRealFloat();
        }
        return out;
    }

    /** Slice {@code index} as a mask of the voxels whose stored value equals {@code label}. */
    public boolean[] mask(int index, double label) {
        boolean[] out = new boolean[width * height];
        Cursor<? extends RealType<?>> c = Views.flatIterable(view(index)).cursor();
        int i = 0;
        while (c.hasNext()) {
            out[i++] = c.next().getRealDouble() == label;
        }
        return out;
    }
}
