package org.cycleprop.fiji;

import org.cycleprop.propagation.Seeds;
import org.cycleprop.util.UserException;
import org.cycleprop.volume.Axis;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Annotated slices along the propagation axis, holding the label values the result image will hold
 * (0 = background), with an optional name per value (the ROI name or group the object came from).
 * {@link #toSeeds} renumbers the values to the object ids 1..K a {@link Seeds} needs.
 */
public final class SeedSlices {
    private final Axis axis;
    private final int width;
    private final int height;
    private final NavigableMap<Integer, short[]> slices = new TreeMap<>();
    private final Map<Integer, String> names = new LinkedHashMap<>();

    /** Empty seeds for slices cut along {@code axis}, each {@code width} × {@code height} (the slice plane). */
    public SeedSlices(Axis axis, int width, int height) {
        this.axis = axis;
        this.width = width;
        this.height = height;
    }

    /** Sets slice {@code z} (0-based along the axis) to {@code values}, row-major width × height. */
    public SeedSlices put(int z, short[] values) {
        if (values.length != width * height) {
            throw new IllegalArgumentException("seed slice has " + values.length + " pixels, expected " + width * height);
        }
        slices.put(z, values);
        return this;
    }

    public SeedSlices name(int value, String name) {
        names.put(value, name);
        return this;
    }

    /** The axis the seed slices are cut along. */
    public Axis axis() {
        return axis;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Slice index → label values, ascending. */
    public NavigableMap<Integer, short[]> slices() {
        return Collections.unmodifiableNavigableMap(slices);
    }

    /** Value → object name, for the values that have one. */
    public Map<Integer, String> names() {
        return Collections.unmodifiableMap(names);
    }

    /** The distinct non-zero values of every slice, ascending. */
    public TreeSet<Integer> values() {
        TreeSet<Integer> present = new TreeSet<>();
        for (short[] s : slices.values()) for (short v : s) if (v != 0) present.add(Short.toUnsignedInt(v));
        return present;
    }

    /**
     * These slices as {@link Seeds}: object k is {@code values[k-1]}. Every value present must be listed.
     *
     * @throws UserException if there is no slice or every slice is empty
     */
    public Seeds toSeeds(int[] values) {
        if (slices.isEmpty() || values.length == 0) throw new UserException("no seed: nothing is drawn on any slice");
        int[] id = new int[65536];
        for (int k = 0; k < values.length; k++) id[values[k]] = k + 1;
        Seeds seeds = new Seeds(width, height, values.length);
        slices.forEach((z, s) -> {
            short[] ids = new short[s.length];
            for (int i = 0; i < s.length; i++) {
                int v = Short.toUnsignedInt(s[i]);
                if (v != 0 && id[v] == 0) throw new IllegalArgumentException("value " + v + " is not an object");
                ids[i] = (short) id[v];
            }
            seeds.put(z, ids);
        });
        return seeds;
    }
}
