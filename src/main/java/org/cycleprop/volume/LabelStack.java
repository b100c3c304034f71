package org.cycleprop.volume;

/**
 * A stack of label slices (0 = background, 1..K = objects) along a propagation axis, in the same slice
 * layout as {@link SliceStack}. Values are unsigned 16-bit, as in an ImageJ label image; a slice left
 * null reads as empty.
 */
public final class LabelStack {
    private final int width;
    private final int height;
    private final short[][] slices;

    public LabelStack(int width, int height, int depth) {
        this.width = width;
        this.height = height;
        this.slices = new short[depth][];
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public int depth() {
        return slices.length;
    }

    public int pixelsPerSlice() {
        return width * height;
    }

    /** Slice {@code z}, or null if nothing was set there. The array is live: writes change the stack. */
    public short[] slice(int z) {
        return slices[z];
    }

    /** Slice {@code z}, allocated empty on first use. */
    public short[] sliceForWriting(int z) {
        if (slices[z] == null) slices[z] = new short[width * height];
        return slices[z];
    }

    public void setSlice(int z, short[] labels) {
        if (labels != null && labels.length != width * height) {
            throw new IllegalArgumentException("slice has " + labels.length + " pixels, expected " + width * height);
        }
        slices[z] = labels;
    }

    public int get(int z, int index) {
        short[] s = slices[z];
        return s == null ? 0 : Short.toUnsignedInt(s[index]);
    }

    /** The pixels of slice {@code z} equal to {@code label}. */
    public boolean[] mask(int z, int label) {
        boolean[] out = new boolean[width * height];
        short[] s = slices[z];
        if (s == null) return out;
        for (int i = 0; i < out.length; i++) out[i] = Short.toUnsignedInt(s[i]) == label;
        return out;
    }

    /** Number of pixels of slice {@code z} equal to {@code label}. */
    public long count(int z, int label) {
        short[] s = slices[z];
        if (s == null) return 0;
        long n = 0;
        for (short v : s) if (Short.toUnsignedInt(v) == label) n++;
        return n;
    }
}
