package org.cycleprop.training;

import org.cycleprop.propagation.IntensityNormaliser;

import org.cycleprop.util.UserException;
import org.cycleprop.volume.Axis;
import org.cycleprop.volume.LabelStack;
import org.cycleprop.volume.SliceStack;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.function.UnaryOperator;

/**
 * One labelled volume cut along one axis, ready for sampling training windows: normalised image slices
 * (values in [0, 1]), label slices (unsigned 16-bit, 0 = background) and the usable objects. An object is a
 * label accepted by the label filter; it is usable on a slice where it has at least {@code minPixels} pixels.
 * Labels with no usable slice are left out. Arrays are shared, not copied: callers must not change them.
 */
public final class TrainingVolume {
    public static final int DEFAULT_MIN_PIXELS = 20;

    private final String name;
    private final Axis axis;
    private final int width;
    private final int height;
    private final float[][] images;
    private final short[][] labels;
    private final int minPixels;
    private final int[] objectLabels;
    private final Map<Integer, BitSet> presence;
    private final int usableSliceCount;

    private TrainingVolume(String name, Axis axis, int width, int height, float[][] images, short[][] labels,
                           IntPredicate labelFilter, int minPixels) {
        if (images.length != labels.length) {
            throw new IllegalArgumentException(name + ": " + images.length + " image slices but " + labels.length
                    + " label slices");
        }
        if (minPixels < 1) throw new IllegalArgumentException("minPixels must be at least 1, got " + minPixels);
        this.name = name;
        this.axis = axis;
        this.width = width;
        this.height = height;
        this.images = images;
        this.labels = labels;
        this.minPixels = minPixels;
        int n = width * height;
        for (int z = 0; z < images.length; z++) {
            if (images[z].length != n || (labels[z] != null && labels[z].length != n)) {
                throw new IllegalArgumentException(name + ": slice " + z + " does not have " + width + "x"
                        + height + " pixels");
            }
        }
        this.presence = findObjects(labels, labelFilter, minPixels);
        this.objectLabels = presence.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
        BitSet any = new BitSet();
        for (BitSet b : presence.values()) any.or(b);
        this.usableSliceCount = any.cardinality();
    }

    /**
     * A training volume from image and label stacks cut along the same axis, normalised with
     * {@link IntensityNormaliser#normaliseVolume}, exactly as propagation normalises a volume.
     */
    public static TrainingVolume from(String name, SliceStack image, LabelStack labels, IntPredicate labelFilter,
                                      int minPixels) {
        return from(name, image, labels, labelFilter, minPixels, IntensityNormaliser::normaliseVolume);
    }

    /**
     * A training volume from image and label stacks cut along the same axis. {@code normaliser} receives all
     * image slices of the volume (as stored intensities, one array per slice) and returns them mapped to
     * [0, 1]; it may work in place.
     *
     * @throws UserException if the label stack does not match the image in size
     */
    public static TrainingVolume from(String name, SliceStack image, LabelStack labels, IntPredicate labelFilter,
                                      int minPixels, UnaryOperator<float[][]> normaliser) {
        if (image.width() != labels.width() || image.height() != labels.height() || image.depth() != labels.depth()) {
            throw new UserException(name + ": labels are " + labels.width() + "x" + labels.height() + "x"
                    + labels.depth() + " slices but the image is " + image.width() + "x" + image.height() + "x"
                    + image.depth() + " along " + image.axis());
        }
        float[][] slices = new float[image.depth()][];
        for (int z = 0; z < slices.length; z++) slices[z] = image.floats(z);
        slices = normaliser.apply(slices);
        short[][] labelSlices = new short[labels.depth()][];
        for (int z = 0; z < labelSlices.length; z++) labelSlices[z] = labels.slice(z);
        return new TrainingVolume(name, image.axis(), image.width(), image.height(), slices, labelSlices,
                labelFilter, minPixels);
    }

    /**
     * A training volume from slices already normalised to [0, 1]. Label slices may be null (empty).
     */
    public static TrainingVolume of(String name, Axis axis, int width, int height, float[][] normalisedImages,
                                    short[][] labels, IntPredicate labelFilter, int minPixels) {
        return new TrainingVolume(name, axis, width, height, normalisedImages, labels, labelFilter, minPixels);
    }

    /** Accepts every non-zero label. */
    public static IntPredicate allLabels() {
        return label -> true;
    }

    /** Accepts only the given label values. */
    public static IntPredicate onlyLabels(int... accepted) {
        int[] sorted = accepted.clone();
        Arrays.sort(sorted);
        return label -> Arrays.binarySearch(sorted, label) >= 0;
    }

    private static Map<Integer, BitSet> findObjects(short[][] labels, IntPredicate filter, int minPixels) {
        int maxLabel = 0;
        for (short[] s : labels) {
            if (s == null) continue;
            for (short v : s) maxLabel = Math.max(maxLabel, Short.toUnsignedInt(v));
        }
        int[] counts = new int[maxLabel + 1];
        Map<Integer, BitSet> found = new LinkedHashMap<>();
        for (int z = 0; z < labels.length; z++) {
            short[] s = labels[z];
            if (s == null) continue;
            Arrays.fill(counts, 0);
            for (short v : s) counts[Short.toUnsignedInt(v)]++;
            for (int label = 1; label <= maxLabel; label++) {
                if (counts[label] >= minPixels && filter.test(label)) {
                    found.computeIfAbsent(label, k -> new BitSet()).set(z);
                }
            }
        }
        return found;
    }

    public String name() {
        return name;
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
        return images.length;
    }

    public int minPixels() {
        return minPixels;
    }

    /** Normalised slice {@code z}, row-major, values in [0, 1]. */
    public float[] image(int z) {
        return images[z];
    }

    /** Label slice {@code z}, or null when the slice has no labels. */
    public short[] labels(int z) {
        return labels[z];
    }

    /** The usable object labels, ascending. */
    public int[] objectLabels() {
        return objectLabels.clone();
    }

    /** The slices where {@code label} has at least {@code minPixels} pixels, ascending (empty if none). */
    public int[] usableSlices(int label) {
        BitSet b = presence.get(label);
        return b == null ? new int[0] : b.stream().toArray();
    }

    /** True if {@code label} is a usable object with at least {@code minPixels} pixels on slice {@code z}. */
    public boolean isPresent(int label, int z) {
        BitSet b = presence.get(label);
        return b != null && b.get(z);
    }

    /** The usable objects present on slice {@code z}, ascending. */
    public int[] objectsOn(int z) {
        List<Integer> out = new ArrayList<>();
        for (int label : objectLabels) if (isPresent(label, z)) out.add(label);
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Number of slices on which at least one object is usable (the sampling weight of this volume). */
    public int usableSliceCount() {
        return usableSliceCount;
    }

    /** Slice {@code z} as a 0/1 mask of {@code label}. */
    public float[] mask(int z, int label) {
        float[] out = new float[width * height];
        short[] s = labels[z];
        if (s == null) return out;
        for (int i = 0; i < out.length; i++) out[i] = Short.toUnsignedInt(s[i]) == label ? 1f : 0f;
        return out;
    }

    /** Bounding box of {@code label} on slice {@code z} as {@code {minX, minY, maxX, maxY}}, or null if absent. */
    public int[] boundingBox(int z, int label) {
        short[] s = labels[z];
        if (s == null) return null;
        int minX = Integer.MAX_VALUE, minY = Integer.MAX_VALUE, maxX = -1, maxY = -1;
        for (int y = 0; y < height; y++) {
            int row = y * width;
            for (int x = 0; x < width; x++) {
                if (Short.toUnsignedInt(s[row + x]) == label) {
                    if (x < minX) minX = x;
                    if (x > maxX) maxX = x;
                    if (y < minY) minY = y;
                    if (y > maxY) maxY = y;
                }
            }
        }
        return maxX < 0 ? null : new int[] {minX, minY, maxX, maxY};
    }

    @Override
    public String toString() {
        return name + " along " + axis + " (" + width + "x" + height + "x" + depth() + ", " + objectLabels.length
                + " objects)";
    }
}
