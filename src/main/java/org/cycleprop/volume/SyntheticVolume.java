package org.cycleprop.volume;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.RealType;

import java.util.SplittableRandom;

/**
 * A synthetic test volume with known ground truth, fully determined by its size, object count and seed:
 * a smooth textured background with K objects ({@link SyntheticBlob}s) that appear on some slice along z,
 * move and deform smoothly, and disappear on a later slice, each with its own intensity and texture.
 * The image is float (about 0..1, with a little voxel noise); labels are 1..K (uint8 when K ≤ 255,
 * else uint16), where objects overlap the higher label wins.
 */
public final class SyntheticVolume {
    private final Volume image;
    private final Volume labels;
    private final int[] firstSlice;
    private final int[] lastSlice;

    private SyntheticVolume(Volume image, Volume labels, int[] firstSlice, int[] lastSlice) {
        this.image = image;
        this.labels = labels;
        this.firstSlice = firstSlice;
        this.lastSlice = lastSlice;
    }

    /**
     * Generates a {@code width × height × depth} volume with {@code objects} (≥ 2) objects from {@code seed}.
     */
    public static SyntheticVolume generate(int width, int height, int depth, int objects, long seed) {
        if (objects < 2) throw new IllegalArgumentException("at least 2 objects are needed, got " + objects);
        if (objects > 65535) throw new IllegalArgumentException("at most 65535 objects, got " + objects);
        if (width < 8 || height < 8 || depth < 3) {
            throw new IllegalArgumentException("the volume must be at least 8 x 8 x 3");
        }
        if ((long) width * height * depth > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("volume too large for one array");
        }
        SplittableRandom random = new SplittableRandom(seed);
        SyntheticBlob[] blobs = new SyntheticBlob[objects];
        for (int k = 0; k < objects; k++) blobs[k] = new SyntheticBlob(k, objects, width, height, depth, random.split());

        float[] pixels = background(width, height, depth, random.split());
        int[] labelOf = new int[pixels.length];
        for (int z = 0; z < depth; z++) {
            for (int k = 0; k < objects; k++) {
                if (blobs[k].presentOn(z)) paint(blobs[k], k + 1, z, width, height, pixels, labelOf);
            }
        }
        addNoise(pixels, random.split());

        long[] dims = {width, height, depth};
        double[] spacing = {1, 1, 1};
        String source = "synthetic " + width + "x" + height + "x" + depth + " K=" + objects + " seed=" + seed;
        Volume image = Volume.of(ArrayImgs.floats(pixels, dims), spacing, source);
        Volume labels = Volume.of(labelImage(labelOf, objects, dims), spacing, source + " labels");
        int[] first = new int[objects];
        int[] last = new int[objects];
        for (int k = 0; k < objects; k++) {
            first[k] = blobs[k].firstSlice;
            last[k] = blobs[k].lastSlice;
        }
        return new SyntheticVolume(image, labels, first, last);
    }

    /** Low-contrast smooth structure: two scales of value noise plus a gentle gradient. */
    private static float[] background(int width, int height, int depth, SplittableRandom r) {
        SmoothNoise coarse = new SmoothNoise(width, height, depth, Math.max(8, Math.min(width, height) / 3.0), r.split());
        SmoothNoise fine = new SmoothNoise(width, height, depth, 6, r.split());
        double gx = 0.1 * (r.nextDouble() - 0.5);
        double gy = 0.1 * (r.nextDouble() - 0.5);
        float[] out = new float[width * height * depth];
        int i = 0;
        for (int z = 0; z < depth; z++) {
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    out[i++] = (float) (0.42 + 0.12 * coarse.at(x, y, z) + 0.04 * fine.at(x, y, z)
                            + gx * (x / (double) width - 0.5) + gy * (y / (double) height - 0.5));
                }
            }
        }
        return out;
    }

    /** Draws one object on slice z: label where the margin is ≥ 0, intensity blended over a one-pixel edge. */
    private static void paint(SyntheticBlob blob, int label, int z, int width, int height, float[] pixels,
                              int[] labels) {
        SyntheticBlob.Section s = blob.section(z);
        double reach = s.reach() + 2;
        int x0 = Math.max(0, (int) Math.floor(s.cx - reach));
        int x1 = Math.min(width - 1, (int) Math.ceil(s.cx + reach));
        int y0 = Math.max(0, (int) Math.floor(s.cy - reach));
        int y1 = Math.min(height - 1, (int) Math.ceil(s.cy + reach));
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                double margin = s.margin(x, y);
                double weight = Math.max(0, Math.min(1, margin + 0.5));
                if (weight == 0) continue;
                int i = x + width * (y + height * z);
                double inside = blob.intensity + blob.texture(x, y, z);
                pixels[i] = (float) ((1 - weight) * pixels[i] + weight * inside);
                if (margin >= 0) labels[i] = label;
            }
        }
    }

    private static void addNoise(float[] pixels, SplittableRandom r) {
        java.util.Random gaussian = new java.util.Random(r.nextLong());
        for (int i = 0; i < pixels.length; i++) pixels[i] += (float) (0.02 * gaussian.nextGaussian());
    }

    private static RandomAccessibleInterval<? extends RealType<?>> labelImage(int[] labels, int objects, long[] dims) {
        if (objects <= 255) {
            byte[] b = new byte[labels.length];
            for (int i = 0; i < b.length; i++) b[i] = (byte) labels[i];
            return ArrayImgs.unsignedBytes(b, dims);
        }
        short[] s = new short[labels.length];
        for (int i = 0; i < s.length; i++) s[i] = (short) labels[i];
        return ArrayImgs.unsignedShorts(s, dims);
    }

    /** The float image. */
    public Volume image() {
        return image;
    }

    /** The label map: 0 background, 1..K objects. */
    public Volume labels() {
        return labels;
    }

    public int objectCount() {
        return firstSlice.length;
    }

    /** First z slice on which object {@code label} (1..K) is drawn. */
    public int firstSlice(int label) {
        return firstSlice[label - 1];
    }

    /** Last z slice on which object {@code label} (1..K) is drawn. */
    public int lastSlice(int label) {
        return lastSlice[label - 1];
    }
}
