package org.cycleprop.volume;

import org.cycleprop.util.UserException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every bad input gives a UserException whose message starts with the file path and says what is wrong. */
class NiftiReaderErrorsTest {
    @TempDir
    Path dir;

    private static void assertFails(Path file, String... fragments) {
        UserException e = assertThrows(UserException.class, () -> NiftiReader.read(file));
        String m = e.getMessage();
        assertTrue(m.startsWith(file.toString() + ": "), m);
        for (String f : fragments) assertTrue(m.contains(f), "'" + f + "' missing in: " + m);
    }

    /** A real 20×20×20 int16 volume of noise, gzip-compressed (about 16 kB). */
    private byte[] realGz() throws Exception {
        CraftedNifti c = new CraftedNifti();
        c.dim = new short[] {3, 20, 20, 20, 1, 1, 1, 1};
        short[] v = new short[8000];
        Random r = new Random(7);
        for (int i = 0; i < v.length; i++) v[i] = (short) r.nextInt();
        return CraftedNifti.gzip(c.shorts(v).bytes());
    }

    @Test
    void missingFileAndFolder() {
        assertFails(dir.resolve("nothing.nii"), "not found");
        assertFails(dir, "folder");
    }

    @Test
    void truncatedGzip() throws Exception {
        byte[] gz = realGz();
        Path ok = dir.resolve("ok.nii.gz");
        Files.write(ok, gz);
        NiftiReader.read(ok); // the whole file is fine
        Path half = dir.resolve("half.nii.gz");
        Files.write(half, Arrays.copyOf(gz, gz.length / 2));
        assertFails(half, "gzip", "truncated");
        Path headerOnly = dir.resolve("tiny.nii.gz");
        Files.write(headerOnly, Arrays.copyOf(gz, 30));
        assertFails(headerOnly, "gzip", "truncated");
    }

    @Test
    void corruptGzip() throws Exception {
        byte[] gz = realGz();
        for (int i = gz.length / 3; i < gz.length / 3 + 64; i++) gz[i] ^= (byte) 0x5a;
        Path bad = dir.resolve("corrupt.nii.gz");
        Files.write(bad, gz);
        assertFails(bad, "gzip");
        // A damaged CRC trailer is noticed too, although all voxels could be decoded.
        byte[] crc = realGz();
        crc[crc.length - 6] ^= 1;
        Path badCrc = dir.resolve("crc.nii.gz");
        Files.write(badCrc, crc);
        assertFails(badCrc, "gzip", "corrupt");
    }

    @Test
    void shorterThanHeaderOrData() throws Exception {
        byte[] full = new CraftedNifti().shorts(new short[24]).bytes();
        Path tiny = dir.resolve("tiny.nii");
        Files.write(tiny, Arrays.copyOf(full, 100));
        assertFails(tiny, "too short");
        Path cut = dir.resolve("cut.nii");
        Files.write(cut, Arrays.copyOf(full, full.length - 10));
        assertFails(cut, "truncated", String.valueOf(352 + 48));
        Path cutGz = dir.resolve("cut.nii.gz");
        Files.write(cutGz, CraftedNifti.gzip(Arrays.copyOf(full, full.length - 10)));
        assertFails(cutGz, "truncated", "48 bytes of voxel data", "38");
    }

    @Test
    void wrongMagicAndPairs() throws Exception {
        CraftedNifti c = new CraftedNifti().shorts(new short[24]);
        c.magic = "xyz\0";
        assertFails(c.write(dir.resolve("magic.nii")), "not a NIfTI-1 file");
        c.magic = "ni1\0";
        assertFails(c.write(dir.resolve("pair.nii")), "pairs are not supported");
        Path notNifti = dir.resolve("text.nii");
        Files.writeString(notNifti, "hello ".repeat(100));
        assertFails(notNifti, "not a NIfTI-1 file");
    }

    @Test
    void unsupportedDatatypeIsNamed() throws Exception {
        CraftedNifti c = new CraftedNifti();
        c.datatype = 128;
        c.bitpix = 24;
        c.data = new byte[72];
        assertFails(c.write(dir.resolve("rgb.nii")), "unsupported datatype", "128", "RGB24");
        c.datatype = 999;
        assertFails(c.write(dir.resolve("odd.nii")), "code 999");
    }

    @Test
    void badDimensions() throws Exception {
        CraftedNifti five = new CraftedNifti().shorts(new short[48]);
        five.dim = new short[] {5, 2, 3, 4, 1, 2, 1, 1};
        assertFails(five.write(dir.resolve("5d.nii")), "5 dimensions");

        CraftedNifti series = new CraftedNifti().shorts(new short[72]);
        series.dim = new short[] {4, 2, 3, 4, 3, 1, 1, 1};
        assertFails(series.write(dir.resolve("4d.nii")), "3 volumes");

        CraftedNifti flat = new CraftedNifti().shorts(new short[6]);
        flat.dim = new short[] {2, 2, 3, 1, 1, 1, 1, 1};
        assertFails(flat.write(dir.resolve("2d.nii")), "2 dimensions");

        CraftedNifti zero = new CraftedNifti();
        zero.dim = new short[] {3, 2, 0, 4, 1, 1, 1, 1};
        assertFails(zero.write(dir.resolve("zero.nii")), "invalid size 0");

        CraftedNifti garbage = new CraftedNifti();
        garbage.dim = new short[] {-3, 2, 3, 4, 1, 1, 1, 1};
        assertFails(garbage.write(dir.resolve("neg.nii")), "invalid dim[0]");
    }

    @Test
    void hugeDimensionsAreRefusedBeforeAllocating() throws Exception {
        CraftedNifti huge = new CraftedNifti().shorts(new short[24]);
        huge.dim = new short[] {3, 32767, 32767, 32767, 1, 1, 1, 1};
        assertFails(huge.write(dir.resolve("huge.nii.gz")), "voxels; at most");
        // Fits an array but not the file: refused from the file size, before allocating 2 GB.
        huge.dim = new short[] {3, 1024, 1024, 1000, 1, 1, 1, 1};
        assertFails(huge.write(dir.resolve("big.nii")), "truncated");
    }

    @Test
    void badVoxOffset() throws Exception {
        CraftedNifti c = new CraftedNifti().shorts(new short[24]);
        c.voxOffset = 100;
        assertFails(c.write(dir.resolve("off.nii")), "vox_offset");
        c.voxOffset = 352.5f;
        assertFails(c.write(dir.resolve("frac.nii")), "vox_offset");
    }
}
