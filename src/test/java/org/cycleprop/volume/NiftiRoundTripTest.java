package org.cycleprop.volume;

import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.ArrayDataAccess;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.util.Util;
import net.imglib2.view.Views;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class NiftiRoundTripTest {
    private static final long[] DIMS = {2, 3, 4};
    /** A real extension: flag 1, then one block of esize 16, ecode 6 (comment), 8 bytes of text. */
    private static final byte[] EXTENSION = extension();

    @TempDir
    Path dir;

    private static byte[] extension() {
        ByteBuffer b = ByteBuffer.allocate(20).order(ByteOrder.LITTLE_ENDIAN);
        b.put(0, (byte) 1).putInt(4, 16).putInt(8, 6);
        b.put(12, "comment!".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        return b.array();
    }

    /** A crafted int16 file with qform, sform, units, description and an extension, read back as the reference. */
    private Volume reference() throws Exception {
        CraftedNifti c = new CraftedNifti();
        c.extension = EXTENSION;
        c.voxOffset = 368;
        short[] v = new short[24];
        for (int i = 0; i < v.length; i++) v[i] = (short) (i * 3 - 20);
        return NiftiReader.read(c.shorts(v).write(dir.resolve("reference.nii")));
    }

    /** Values spanning each type's range, extremes included; every one exactly representable in the type. */
    static double[] valuesFor(NiftiDatatype type) {
        double[] v = new double[24];
        for (int i = 0; i < v.length; i++) {
            switch (type) {
                case UINT8: v[i] = (i * 37) % 256; break;
                case INT8: v[i] = (i * 37) % 256 - 128; break;
                case INT16: v[i] = i * 2801 - 32768; break;
                case UINT16: v[i] = i * 2801; break;
                case INT32: v[i] = (i - 12) * 178_000_000; break;
                case FLOAT32: v[i] = (float) ((i - 12) * 0.37); break;
                default: v[i] = (i - 12) / 3.0; break;
            }
        }
        switch (type) {
            case UINT8: v[23] = 255; break;
            case INT8: v[23] = 127; break;
            case INT16: v[23] = 32767; break;
            case UINT16: v[23] = 65535; break;
            case INT32: v[23] = Integer.MAX_VALUE; v[0] = Integer.MIN_VALUE; break;
            case FLOAT32: v[23] = -Float.MAX_VALUE; v[22] = Float.MIN_VALUE; break;
            default: v[23] = Double.MAX_VALUE; v[22] = -1e-300; break;
        }
        return v;
    }

    /** An ArrayImg of {@code type} holding {@code values} in flat (x fastest) order. */
    static RandomAccessibleInterval<? extends RealType<?>> image(NiftiDatatype type, double[] values) {
        RandomAccessibleInterval<? extends RealType<?>> img = type.wrap(type.allocate(values.length), DIMS);
        Cursor<? extends RealType<?>> c = Views.flatIterable(img).cursor();
        for (double v : values) c.next().setReal(v);
        return img;
    }

    static double[] valuesOf(RandomAccessibleInterval<? extends RealType<?>> img) {
        double[] out = new double[(int) Views.iterable(img).size()];
        Cursor<? extends RealType<?>> c = Views.flatIterable(img).cursor();
        for (int i = 0; c.hasNext(); i++) out[i] = c.next().getRealDouble();
        return out;
    }

    @ParameterizedTest
    @EnumSource(NiftiDatatype.class)
    void everyDatatypeRoundTripsInNiiAndNiiGz(NiftiDatatype type) throws Exception {
        Volume ref = reference();
        double[] values = valuesFor(type);
        Volume volume = ref.withStored(image(type, values), 0.5, -3.25);
        for (String name : new String[] {"out.nii", "out.nii.gz"}) {
            Path file = dir.resolve(type + name);
            NiftiWriter.write(volume, file, false);
            Volume back = NiftiReader.read(file);

            assertEquals(type.imglib2Type(), Util.getTypeFromInterval(back.stored()).getClass(), name);
            assertArrayEquals(values, valuesOf(back.stored()), 0.0, name);
            assertArrayEquals(new double[] {0.5, 0.75, 2}, back.spacing(), 0.0);
            assertEquals(0.5, back.slope());
            assertEquals(-3.25, back.intercept());
            assertEquals(values[5] * 0.5 - 3.25, valuesOf(back.intensities())[5], Math.abs(values[5]) * 1e-6 + 1e-6);

            NiftiHeader h = back.header();
            assertEquals(type.code(), h.datatype());
            assertEquals(type.bitpix(), h.bitpix());
            assertEquals(368f, h.voxOffset());
            assertArrayEquals(EXTENSION, h.extensionBytes());
            // Everything but dim, datatype, bitpix, vox_offset and the scaling is byte-identical to the input.
            assertArrayEquals(maskChangingFields(ref.header().rawBytes()), maskChangingFields(h.rawBytes()), name);
            assertEquals(1, h.qformCode());
            assertEquals(2, h.sformCode());
            assertArrayEquals(new float[] {-0.5f, 0, 0, 1}, h.srowX());
            assertArrayEquals(new float[] {10, 20, 30}, h.qoffset());
            assertEquals("crafted", h.descrip());
            assertEquals(10, h.xyztUnits());
        }
        assertEquals(0x1f, Files.readAllBytes(dir.resolve(type + "out.nii.gz"))[0] & 0xff);
        assertEquals(348, ByteBuffer.wrap(Files.readAllBytes(dir.resolve(type + "out.nii")))
                .order(ByteOrder.LITTLE_ENDIAN).getInt(0));
    }

    private static byte[] maskChangingFields(byte[] raw) {
        byte[] out = raw.clone();
        for (int i = 40; i < 56; i++) out[i] = 0; // dim
        for (int i = 70; i < 74; i++) out[i] = 0; // datatype, bitpix
        for (int i = 108; i < 120; i++) out[i] = 0; // vox_offset, scl_slope, scl_inter
        return out;
    }

    @Test
    void readImageIsAnArrayImgOverOnePrimitiveArray() throws Exception {
        Volume v = reference();
        ArrayImg<?, ?> img = assertInstanceOf(ArrayImg.class, v.stored());
        Object storage = ((ArrayDataAccess<?>) img.update(null)).getCurrentStorageArray();
        short[] shorts = assertInstanceOf(short[].class, storage);
        assertEquals(24, shorts.length);
        assertEquals(3 * 7 - 20, shorts[7]);
        assertSame(storage, ((ArrayDataAccess<?>) img.update(null)).getCurrentStorageArray());
    }

    @Test
    void labelsMadeFromAnImageKeepItsGeometryAndStayExact() throws Exception {
        Volume ref = reference();
        byte[] labels = new byte[24];
        for (int i = 0; i < labels.length; i++) labels[i] = (byte) (i % 3 == 0 ? 0 : 200 + i);
        Volume labelVolume = ref.withStored(ArrayImgs.unsignedBytes(labels, DIMS));
        Path file = dir.resolve("labels.nii.gz");
        NiftiWriter.write(labelVolume, file, false);
        Volume back = NiftiReader.read(file);
        assertInstanceOf(UnsignedByteType.class, Util.getTypeFromInterval(back.stored()));
        double[] expected = new double[24];
        for (int i = 0; i < 24; i++) expected[i] = i % 3 == 0 ? 0 : 200 + i;
        assertArrayEquals(expected, valuesOf(back.stored()), 0.0);
        assertEquals(1.0, back.slope());
        assertEquals(0.0, back.intercept());
        assertArrayEquals(ref.header().srowY(), back.header().srowY());
        assertArrayEquals(ref.header().quatern(), back.header().quatern());
    }

    @Test
    void volumeWithoutHeaderGetsASaneOne() throws Exception {
        float[] data = new float[24];
        for (int i = 0; i < data.length; i++) data[i] = i * 0.25f;
        Volume v = Volume.of(ArrayImgs.floats(data, DIMS), new double[] {1.5, 2, 2.5}, "memory");
        Path file = dir.resolve("fresh.nii");
        NiftiWriter.write(v, file, false);
        Volume back = NiftiReader.read(file);
        assertArrayEquals(new double[] {1.5, 2, 2.5}, back.spacing(), 0.0);
        assertArrayEquals(new int[] {3, 2, 3, 4, 1, 1, 1, 1}, back.header().dim());
        assertEquals(0, back.header().qformCode());
        assertEquals(0, back.header().sformCode());
        assertArrayEquals(new float[] {0, 0, 2.5f, 0}, back.header().srowZ());
        assertEquals(352, Files.size(file) - 24 * 4);
        assertEquals(5.75, valuesOf(back.stored())[23]);
    }

    @Test
    void readsBigEndianFiles() throws Exception {
        CraftedNifti c = new CraftedNifti();
        c.order = ByteOrder.BIG_ENDIAN;
        c.sclSlope = 2;
        c.sclInter = -1;
        short[] v = new short[24];
        for (int i = 0; i < v.length; i++) v[i] = (short) (i * 1000 - 12_000);
        Path file = c.shorts(v).write(dir.resolve("be.nii"));
        Volume back = NiftiReader.read(file);
        assertEquals(ByteOrder.BIG_ENDIAN, back.header().byteOrder());
        double[] stored = valuesOf(back.stored());
        double[] intensities = valuesOf(back.intensities());
        for (int i = 0; i < 24; i++) {
            assertEquals(i * 1000 - 12_000, stored[i]);
            assertEquals(2.0 * (i * 1000 - 12_000) - 1, intensities[i]);
        }
        assertArrayEquals(new double[] {0.5, 0.75, 2}, back.spacing(), 0.0);

        // Written back in the header's own byte order, and still readable.
        Path again = dir.resolve("be-again.nii");
        NiftiWriter.write(back, again, false);
        assertEquals(348, ByteBuffer.wrap(Files.readAllBytes(again)).order(ByteOrder.BIG_ENDIAN).getInt(0));
        assertArrayEquals(stored, valuesOf(NiftiReader.read(again).stored()), 0.0);
    }

    @Test
    void zeroSlopeMeansNoScalingAndGzipIsFoundByMagic() throws Exception {
        CraftedNifti c = new CraftedNifti();
        c.sclSlope = 0;
        c.sclInter = 5;
        c.dim = new short[] {4, 2, 3, 4, 1, 1, 1, 1}; // 4D with one volume is fine
        Path file = dir.resolve("gz-named-plain.nii");
        Files.write(file, CraftedNifti.gzip(c.shorts(new short[24]).bytes()));
        Volume v = NiftiReader.read(file);
        assertEquals(1.0, v.slope());
        assertEquals(0.0, v.intercept());
        assertArrayEquals(new long[] {2, 3, 4}, v.dimensions());
    }

    @Test
    void readingLeavesTheInputUnchanged() throws Exception {
        Volume ref = reference();
        Path plain = dir.resolve("reference.nii");
        Path gz = dir.resolve("reference.nii.gz");
        NiftiWriter.write(ref, gz, false);
        for (Path file : new Path[] {plain, gz}) {
            String before = CraftedNifti.sha256(file);
            long modified = Files.getLastModifiedTime(file).toMillis();
            Volume v = NiftiReader.read(file);
            NiftiReader.readHeader(file);
            assertNotEquals(0, v.size(0));
            assertEquals(before, CraftedNifti.sha256(file));
            assertEquals(modified, Files.getLastModifiedTime(file).toMillis());
        }
    }
}
