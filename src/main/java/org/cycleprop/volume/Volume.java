package org.cycleprop.volume;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.converter.Converters;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;

/**
 * A 3D image in (x, y, z) order as read from a file: the stored values (zero-copy over the file's data, in its
 * own pixel type), the voxel spacing in millimetres, and the header it came with so that a writer can keep
 * orientation and metadata. Intensity scaling (NIfTI {@code scl_slope}/{@code scl_inter}) is applied by
 * {@link #intensities()} as a view, never by rewriting the stored values, so label maps stay exact.
 */
public final class Volume {
    private final RandomAccessibleInterval<? extends RealType<?>> stored;
    private final double[] spacing;
    private final double slope;
    private final double intercept;
    private final NiftiHeader header;
    private final String source;

    public Volume(RandomAccessibleInterval<? extends RealType<?>> stored, double[] spacing, double slope,
                  double intercept, NiftiHeader header, String source) {
        if (stored.numDimensions() != 3) {
            throw new IllegalArgumentException("a volume has 3 dimensions, got " + stored.numDimensions());
        }
        this.stored = stored;
        this.spacing = spacing.clone();
        this.slope = slope;
        this.intercept = intercept;
        this.header = header;
        this.source = source;
    }

    /** A volume with no header, unit scaling: for images made in memory. */
    public static Volume of(RandomAccessibleInterval<? extends RealType<?>> stored, double[] spacing, String source) {
        return new Volume(stored, spacing, 1, 0, null, source);
    }

    /**
     * A volume with the same geometry and header as this one but new stored values (e.g. a label map
     * computed from this image), unscaled. Writing it keeps this volume's orientation and metadata.
     *
     * @throws IllegalArgumentException if {@code data} does not have this volume's dimensions
     */
    public Volume withStored(RandomAccessibleInterval<? extends RealType<?>> data) {
        return withStored(data, 1, 0);
    }

    /** As {@link #withStored(RandomAccessibleInterval)}, with the given intensity scaling. */
    public Volume withStored(RandomAccessibleInterval<? extends RealType<?>> data, double slope, double intercept) {
        if (!java.util.Arrays.equals(data.dimensionsAsLongArray(), dimensions())) {
            throw new IllegalArgumentException("new data has dimensions "
                    + java.util.Arrays.toString(data.dimensionsAsLongArray()) + ", the volume has "
                    + java.util.Arrays.toString(dimensions()));
        }
        return new Volume(data, spacing, slope, intercept, header, source);
    }

    /** The stored values in the file's pixel type (labels: exact integers). */
    public RandomAccessibleInterval<? extends RealType<?>> stored() {
        return stored;
    }

    /** Real intensities (stored × slope + intercept) as a float view; no copy is made. */
    public RandomAccessibleInterval<FloatType> intensities() {
        return toFloat(stored, slope, intercept);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static RandomAccessibleInterval<FloatType> toFloat(RandomAccessibleInterval raw, double slope,
                                                                double intercept) {
        final float s = (float) slope;
        final float b = (float) intercept;
        boolean identity = s == 1f && b == 0f;
        return Converters.convert((RandomAccessibleInterval<RealType<?>>) raw,
                (in, out) -> out.setReal(identity ? in.getRealFloat() : in.getRealFloat() * s + b),
                new FloatType());
    }

    public long size(int d) {
        return stored.dimension(d);
    }

    public long[] dimensions() {
        return stored.dimensionsAsLongArray();
    }

    /** Dimensions as {@code XxYxZ}, for messages. */
    public String sizeText() {
        long[] d = dimensions();
        return d[0] + "x" + d[1] + "x" + d[2];
    }

    /**
     * Refuses {@code other} (e.g. a label map, described as {@code what}) unless it is on this image's grid;
     * the message names both sources.
     */
    public void requireSameGrid(Volume other, String what) {
        if (!java.util.Arrays.equals(dimensions(), other.dimensions())) {
            throw new org.cycleprop.util.UserException(other.source() + ": " + what + " is " + other.sizeText()
                    + " but the image " + source() + " is " + sizeText() + "; they must be on the same grid");
        }
    }

    public double[] spacing() {
        return spacing.clone();
    }

    public double slope() {
        return slope;
    }

    public double intercept() {
        return intercept;
    }

    /** The header read from the file, or null for a volume made in memory or read from TIFF. */
    public NiftiHeader header() {
        return header;
    }

    /** Where the volume came from (a file path or a description), for messages. */
    public String source() {
        return source;
    }
}
