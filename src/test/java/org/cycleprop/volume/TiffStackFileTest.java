package org.cycleprop.volume;

import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.util.Util;
import org.cycleprop.util.UserException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.cycleprop.volume.NiftiRoundTripTest.valuesOf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TiffStackFileTest {
    private static final long[] DIMS = {5, 4, 3};
    private static final double[] SPACING = {0.5, 0.25, 2};

    @TempDir
    Path dir;

    private static void assertFails(Runnable action, Path file, String fragment) {
        UserException e = assertThrows(UserException.class, action::run);
        assertTrue(e.getMessage().startsWith(file + ": ") && e.getMessage().contains(fragment), e.getMessage());
    }

    @Test
    void eightBitRoundTrip() {
        byte[] data = new byte[60];
        double[] expected = new double[60];
        for (int i = 0; i < 60; i++) {
            expected[i] = i == 59 ? 255 : (i * 41) % 256;
            data[i] = (byte) expected[i];
        }
        Path file = dir.resolve("u8.tif");
        TiffStackFile.write(Volume.of(ArrayImgs.unsignedBytes(data, DIMS), SPACING, "u8"), file, false);
        Volume back = TiffStackFile.read(file);
        assertInstanceOf(PlanarImg.class, back.stored());
        assertInstanceOf(UnsignedByteType.class, Util.getTypeFromInterval(back.stored()));
        assertArrayEquals(DIMS, back.dimensions());
        assertArrayEquals(expected, valuesOf(back.stored()), 0.0);
        assertArrayEquals(SPACING, back.spacing(), 1e-9);
        assertEquals(1.0, back.slope());
        assertEquals(0.0, back.intercept());
    }

    @Test
    void sixteenBitRoundTripWithScaling() {
        short[] data = new short[60];
        double[] expected = new double[60];
        for (int i = 0; i < 60; i++) {
            expected[i] = i == 59 ? 65535 : i * 1097;
            data[i] = (short) expected[i];
        }
        Path file = dir.resolve("u16.tiff");
        Volume v = new Volume(ArrayImgs.unsignedShorts(data, DIMS), SPACING, 0.5, -10, null, "u16");
        TiffStackFile.write(v, file, false);
        Volume back = TiffStackFile.read(file);
        assertInstanceOf(UnsignedShortType.class, Util.getTypeFromInterval(back.stored()));
        assertArrayEquals(expected, valuesOf(back.stored()), 0.0);
        assertEquals(0.5, back.slope(), 1e-12);
        assertEquals(-10, back.intercept(), 1e-12);
        assertEquals(65535 * 0.5 - 10, valuesOf(back.intensities())[59], 1e-3);
    }

    @Test
    void floatRoundTripAndOtherTypesAsFloat() {
        float[] data = new float[60];
        for (int i = 0; i < 60; i++) data[i] = (i - 30) * 0.37f;
        Path file = dir.resolve("f32.tif");
        TiffStackFile.write(Volume.of(ArrayImgs.floats(data, DIMS), SPACING, "f32"), file, false);
        Volume back = TiffStackFile.read(file);
        assertInstanceOf(FloatType.class, Util.getTypeFromInterval(back.stored()));
        double[] expected = new double[60];
        for (int i = 0; i < 60; i++) expected[i] = data[i];
        assertArrayEquals(expected, valuesOf(back.stored()), 0.0);

        // Signed 16-bit has no ImageJ pixel type of its own: written as float intensities.
        short[] signed = new short[60];
        for (int i = 0; i < 60; i++) signed[i] = (short) (i * 1000 - 30_000);
        Path s = dir.resolve("s16.tif");
        TiffStackFile.write(new Volume(ArrayImgs.shorts(signed, DIMS), SPACING, 2, 1, null, "s16"), s, false);
        double[] back16 = valuesOf(TiffStackFile.read(s).stored());
        for (int i = 0; i < 60; i++) assertEquals(2.0 * (i * 1000 - 30_000) + 1, back16[i]);
    }

    @Test
    void overwriteAndErrors() throws Exception {
        Path file = dir.resolve("a.tif");
        Volume one = Volume.of(ArrayImgs.unsignedBytes(new byte[60], DIMS), SPACING, "zeros");
        TiffStackFile.write(one, file, false);
        byte[] first = Files.readAllBytes(file);
        assertFails(() -> TiffStackFile.write(one, file, false), file, "already exists");
        assertArrayEquals(first, Files.readAllBytes(file));
        byte[] ones = new byte[60];
        Arrays.fill(ones, (byte) 1);
        TiffStackFile.write(Volume.of(ArrayImgs.unsignedBytes(ones, DIMS), SPACING, "ones"), file, true);
        assertEquals(1.0, valuesOf(TiffStackFile.read(file).stored())[30]);

        assertFails(() -> TiffStackFile.read(dir.resolve("none.tif")), dir.resolve("none.tif"), "not found");
        Path junk = dir.resolve("junk.tif");
        Files.writeString(junk, "this is not a tiff file at all");
        assertFails(() -> TiffStackFile.read(junk), junk, "TIFF");
        Path big = dir.resolve("big.tif");
        TiffStackFile.write(Volume.of(ArrayImgs.unsignedBytes(64, 64, 8), SPACING, "big"), big, false);
        byte[] bigBytes = Files.readAllBytes(big); // about 32 kB of pixels, then the IFDs of slices 2..8
        Files.delete(big);
        Path cut = dir.resolve("cut.tif");
        Files.write(cut, Arrays.copyOf(bigBytes, bigBytes.length / 2));
        assertFails(() -> TiffStackFile.read(cut), cut, "truncated");
        Path inFile = dir.resolve("a.tif/x.tif");
        assertFails(() -> TiffStackFile.write(one, inFile, false), inFile, "cannot be written");
        try (var s = Files.list(dir)) {
            assertEquals(3, s.count()); // a.tif, junk.tif, cut.tif: no temp files
        }
    }

    @Test
    void volumeIoDispatchesOnTheExtension() {
        byte[] data = new byte[60];
        for (int i = 0; i < 60; i++) data[i] = (byte) i;
        Volume v = Volume.of(ArrayImgs.unsignedBytes(data, DIMS), SPACING, "v");
        for (String name : new String[] {"v.nii", "v.NII.GZ", "v.tif", "v.TIFF"}) {
            Path file = dir.resolve(name);
            VolumeIO.write(v, file, false);
            Volume back = VolumeIO.read(file);
            assertEquals(59.0, valuesOf(back.stored())[59], name);
            assertArrayEquals(SPACING, back.spacing(), 1e-9, name);
            assertEquals(name.startsWith("v.n") || name.startsWith("v.N"), back.header() != null, name);
        }
        Path png = dir.resolve("v.png");
        assertFails(() -> VolumeIO.write(v, png, false), png, "unsupported file type");
        assertFails(() -> VolumeIO.read(png), png, "unsupported file type");
    }
}
