package org.cycleprop.propagation;

import java.util.Collections;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The annotated slices a propagation starts from: slice index → label slice (0 = background, 1..K objects),
 * in the layout of {@link org.cycleprop.volume.SliceStack}. Objects are numbered 1..{@link #objectCount()}.
 */
public final class Seeds {
    private final int width;
    private final int height;
    private final int objectCount;
    private final NavigableMap<Integer, short[]> slices = new TreeMap<>();

    public Seeds(int width, int height, int objectCount) {
        if (objectCount < 1) throw new IllegalArgumentException("at least one object is needed");
        this.width = width;
        this.height = height;
        this.objectCount = objectCount;
    }

    /** A single-object seed: {@code mask} becomes object 1 on slice {@code z}. */
    public static Seeds single(int width, int height, int z, boolean[] mask) {
        Seeds s = new Seeds(width, height, 1);
        short[] labels = new short[mask.length];
        for (int i = 0; i < mask.length; i++) labels[i] = (short) (mask[i] ? 1 : 0);
        s.put(z, labels);
        return s;
    }

    public Seeds put(int z, short[] labels) {
        if (labels.length != width * height) {
            throw new IllegalArgumentException("seed slice " + z + " has " + labels.length + " pixels, expected "
                    + width * height);
        }
        for (short v : labels) {
            int id = Short.toUnsignedInt(v);
            if (id > objectCount) {
                throw new IllegalArgumentException("seed slice " + z + " has object " + id + " but only "
                        + objectCount + " objects are declared");
            }
        }
        slices.put(z, labels);
        return this;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public int objectCount() {
        return objectCount;
    }

    /** Seed slices by index, ascending. */
    public NavigableMap<Integer, short[]> slices() {
        return Collections.unmodifiableNavigableMap(slices);
    }

    public boolean isEmpty() {
        return slices.isEmpty();
    }
}
