package org.cycleprop.volume;

import net.imglib2.Cursor;
import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;
import org.cycleprop.util.AtomicOutputFile;
import org.cycleprop.util.UserException;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.TreeSet;

/**
 * Derives the small sample shipped in {@code data/sample/} from MRIcron's colin27 T1 ({@code ch2.nii.gz}) and
 * Brodmann map ({@code brodmann.nii.gz}): crop both to the bounding box of the Brodmann labels plus
 * {@value #MARGIN} voxels, make the crop size even, then halve the resolution. The image takes the rounded
 * mean of each 2×2×2 block; the labels take the value of the block's first voxel (lowest x, y, z), so they
 * stay exact. Both outputs share one grid whose voxel centres are the block centres, so the labels sit
 * half an original voxel (0.5 mm) off their block centre. sform, qform and pixdim are re-gridded to match.
 * <p>
 * Run: {@code java -cp target/classes:target/lib/* org.cycleprop.volume.SampleMaker MRICRON_DIR OUT_DIR [--force]}
 */
public final class SampleMaker {
    public static final String IMAGE_NAME = "colin27_t1_2mm.nii.gz";
    public static final String LABELS_NAME = "brodmann_2mm.nii.gz";
    public static final String NAMES_NAME = "brodmann_2mm.txt";
    static final int MARGIN = 4;
    static final int FACTOR = 2;

    private SampleMaker() {
    }

    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: SampleMaker MRICRON_DIR OUT_DIR [--force]");
            System.exit(2);
        }
        try {
            make(Path.of(args[0]), Path.of(args[1]), args.length > 2 && args[2].equals("--force"));
        } catch (UserException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
        }
    }

    /** Writes the sample image, labels and label names into {@code outDir} (created if missing). */
    public static void make(Path mricronDir, Path outDir, boolean force) {
        try {
            Files.createDirectories(outDir);
        } catch (IOException e) {
            throw new UserException(outDir + ": cannot create the output folder (" + e.getMessage() + ")", e);
        }
        Path imageOut = outDir.resolve(IMAGE_NAME);
        Path labelsOut = outDir.resolve(LABELS_NAME);
        Path namesOut = outDir.resolve(NAMES_NAME);
        for (Path p : new Path[] {imageOut, labelsOut, namesOut}) AtomicOutputFile.checkWritable(p, force);

        Volume image = NiftiReader.read(mricronDir.resolve("ch2.nii.gz"));
        Volume labels = NiftiReader.read(mricronDir.resolve("brodmann.nii.gz"));
        if (!Arrays.equals(image.dimensions(), labels.dimensions())) {
            throw new UserException(mricronDir + ": ch2 and brodmann have different dimensions");
        }
        long[][] box = evenCrop(labelBox(labels.stored()), image.dimensions());
        long[] start = box[0];
        long[] size = new long[3];
        double[] origin = new double[3];
        double[] factor = new double[3];
        for (int d = 0; d < 3; d++) {
            size[d] = (box[1][d] - start[d] + 1) / FACTOR;
            origin[d] = start[d] + (FACTOR - 1) / 2.0; // centre of the first block, in old voxels
            factor[d] = FACTOR;
        }

        RandomAccessibleInterval<? extends RealType<?>> meanImage = blockMeans(image.stored(), start, size);
        RandomAccessibleInterval<? extends RealType<?>> labelImage = blockCorners(labels.stored(), start, size);
        NiftiHeader imageHeader = NiftiHeaderBuilder.from(image.header()).regrid(origin, factor)
                .descrip("CycleProp sample: colin27 T1 cropped, 2x2x2 block mean").build();
        NiftiHeader labelHeader = NiftiHeaderBuilder.from(labels.header()).regrid(origin, factor)
                .descrip("CycleProp sample: Brodmann areas cropped, 2x subsampled").build();
        double[] spacing = image.spacing();
        for (int d = 0; d < 3; d++) spacing[d] *= FACTOR;

        NiftiWriter.write(new Volume(meanImage, spacing, image.slope(), image.intercept(), imageHeader,
                "sample image"), imageOut, force);
        NiftiWriter.write(new Volume(labelImage, spacing, 1, 0, labelHeader, "sample labels"), labelsOut, force);
        writeNames(labelValues(labelImage), namesOut, force);
    }

    /** {min, max} corners (inclusive) of the non-zero voxels. */
    static long[][] labelBox(RandomAccessibleInterval<? extends RealType<?>> labels) {
        long[] min = {Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE};
        long[] max = {-1, -1, -1};
        Cursor<? extends RealType<?>> c = Views.flatIterable(Views.zeroMin(labels)).localizingCursor();
        while (c.hasNext()) {
            if (c.next().getRealDouble() == 0) continue;
            for (int d = 0; d < 3; d++) {
                long p = c.getLongPosition(d);
                if (p < min[d]) min[d] = p;
                if (p > max[d]) max[d] = p;
            }
        }
        if (max[0] < 0) throw new UserException("the label map has no labels");
        return new long[][] {min, max};
    }

    /** The box grown by {@link #MARGIN} inside the volume, with an even size along each axis. */
    static long[][] evenCrop(long[][] box, long[] dims) {
        long[] lo = new long[3];
        long[] hi = new long[3];
        for (int d = 0; d < 3; d++) {
            lo[d] = Math.max(0, box[0][d] - MARGIN);
            hi[d] = Math.min(dims[d] - 1, box[1][d] + MARGIN);
            if ((hi[d] - lo[d] + 1) % 2 != 0) {
                if (hi[d] + 1 < dims[d]) hi[d]++;
                else if (lo[d] > 0) lo[d]--;
                else hi[d]--;
            }
        }
        return new long[][] {lo, hi};
    }

    /** Rounded mean of each FACTOR³ block, as uint8 if every mean fits, else int16. */
    static RandomAccessibleInterval<? extends RealType<?>> blockMeans(
            RandomAccessibleInterval<? extends RealType<?>> src, long[] start, long[] size) {
        int n = (int) (size[0] * size[1] * size[2]);
        long[] means = new long[n];
        RandomAccess<? extends RealType<?>> ra = Views.zeroMin(src).randomAccess();
        long lo = Long.MAX_VALUE;
        long hi = Long.MIN_VALUE;
        long[] pos = new long[3];
        int i = 0;
        for (long z = 0; z < size[2]; z++) {
            for (long y = 0; y < size[1]; y++) {
                for (long x = 0; x < size[0]; x++) {
                    double sum = 0;
                    for (int k = 0; k < FACTOR * FACTOR * FACTOR; k++) {
                        pos[0] = start[0] + FACTOR * x + k % FACTOR;
                        pos[1] = start[1] + FACTOR * y + (k / FACTOR) % FACTOR;
                        pos[2] = start[2] + FACTOR * z + k / (FACTOR * FACTOR);
                        ra.setPosition(pos);
                        sum += ra.get().getRealDouble();
                    }
                    long mean = Math.round(sum / (FACTOR * FACTOR * FACTOR));
                    means[i++] = mean;
                    lo = Math.min(lo, mean);
                    hi = Math.max(hi, mean);
                }
            }
        }
        if (lo >= 0 && hi <= 255) {
            byte[] b = new byte[n];
            for (int j = 0; j < n; j++) b[j] = (byte) means[j];
            return ArrayImgs.unsignedBytes(b, size);
        }
        if (lo < Short.MIN_VALUE || hi > Short.MAX_VALUE) {
            throw new UserException("block means " + lo + ".." + hi + " do not fit int16");
        }
        short[] s = new short[n];
        for (int j = 0; j < n; j++) s[j] = (short) means[j];
        return ArrayImgs.shorts(s, size);
    }

    /** The value at the first voxel of each FACTOR³ block, as uint8 (labels 0..255) or uint16. */
    static RandomAccessibleInterval<? extends RealType<?>> blockCorners(
            RandomAccessibleInterval<? extends RealType<?>> src, long[] start, long[] size) {
        int n = (int) (size[0] * size[1] * size[2]);
        int[] values = new int[n];
        RandomAccess<? extends RealType<?>> ra = Views.zeroMin(src).randomAccess();
        int max = 0;
        int i = 0;
        for (long z = 0; z < size[2]; z++) {
            for (long y = 0; y < size[1]; y++) {
                for (long x = 0; x < size[0]; x++) {
                    ra.setPosition(new long[] {start[0] + FACTOR * x, start[1] + FACTOR * y, start[2] + FACTOR * z});
                    double v = ra.get().getRealDouble();
                    if (v < 0 || v > 65535 || v != Math.rint(v)) {
                        throw new UserException("label value " + v + " is not an integer from 0 to 65535");
                    }
                    values[i++] = (int) v;
                    max = Math.max(max, (int) v);
                }
            }
        }
        if (max <= 255) {
            byte[] b = new byte[n];
            for (int j = 0; j < n; j++) b[j] = (byte) values[j];
            return ArrayImgs.unsignedBytes(b, size);
        }
        short[] s = new short[n];
        for (int j = 0; j < n; j++) s[j] = (short) values[j];
        return ArrayImgs.unsignedShorts(s, size);
    }

    /** The distinct non-zero values, ascending. */
    static TreeSet<Integer> labelValues(RandomAccessibleInterval<? extends RealType<?>> labels) {
        TreeSet<Integer> values = new TreeSet<>();
        for (RealType<?> t : Views.iterable(labels)) {
            int v = (int) t.getRealDouble();
            if (v != 0) values.add(v);
        }
        return values;
    }

    /** One line per label: {@code value name}, the name being {@code BA<value>}. */
    private static void writeNames(TreeSet<Integer> values, Path path, boolean force) {
        AtomicOutputFile.write(path, force, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            for (int v : values) w.write(v + " BA" + v + "\n");
            w.flush();
        });
    }
}
