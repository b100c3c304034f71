package org.cycleprop.volume;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.converter.Converters;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.integer.LongType;
import net.imglib2.type.numeric.integer.ShortType;
import org.cycleprop.util.UserException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NiftiWriterTest {
    @TempDir
    Path dir;

    private static Volume small(int value) {
        short[] data = new short[24];
        java.util.Arrays.fill(data, (short) value);
        return Volume.of(ArrayImgs.shorts(data, 2, 3, 4), new double[] {1, 1, 1}, "memory");
    }

    private List<String> files() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }

    @Test
    void refusesToOverwriteWithoutForce() throws Exception {
        Path file = dir.resolve("out.nii.gz");
        NiftiWriter.write(small(1), file, false);
        byte[] first = Files.readAllBytes(file);
        UserException e = assertThrows(UserException.class, () -> NiftiWriter.write(small(2), file, false));
        assertTrue(e.getMessage().startsWith(file + ": already exists"), e.getMessage());
        assertArrayEquals(first, Files.readAllBytes(file));

        NiftiWriter.write(small(2), file, true);
        assertEquals(2.0, NiftiRoundTripTest.valuesOf(NiftiReader.read(file).stored())[0]);
        assertEquals(List.of("out.nii.gz"), files());
    }

    @Test
    void unwritableFolderIsAClearError() throws Exception {
        Path notAFolder = dir.resolve("plain-file");
        Files.writeString(notAFolder, "x");
        Path inside = notAFolder.resolve("out.nii");
        UserException e = assertThrows(UserException.class, () -> NiftiWriter.write(small(1), inside, false));
        assertTrue(e.getMessage().startsWith(inside + ": cannot be written"), e.getMessage());

        Path missing = dir.resolve("no/such/folder/out.nii");
        e = assertThrows(UserException.class, () -> NiftiWriter.write(small(1), missing, false));
        assertTrue(e.getMessage().startsWith(missing + ": ") && e.getMessage().contains("does not exist"),
                e.getMessage());

        Path folder = Files.createDirectory(dir.resolve("folder.nii"));
        e = assertThrows(UserException.class, () -> NiftiWriter.write(small(1), folder, true));
        assertTrue(e.getMessage().startsWith(folder + ": is a folder"), e.getMessage());
    }

    @Test
    void failureLeavesNoTempFileBehind() throws Exception {
        short[] data = new short[24];
        data[17] = 999;
        // A view that fails while the writer is half-way through the voxels.
        RandomAccessibleInterval<ShortType> failing = Converters.convert(
                (RandomAccessibleInterval<ShortType>) ArrayImgs.shorts(data, 2, 3, 4), (in, out) -> {
                    if (in.get() == 999) throw new IllegalStateException("read error");
                    out.set(in.get());
                }, new ShortType());
        Volume v = Volume.of(failing, new double[] {1, 1, 1}, "failing");
        for (String name : new String[] {"f.nii", "f.nii.gz"}) {
            assertThrows(IllegalStateException.class, () -> NiftiWriter.write(v, dir.resolve(name), false));
        }
        assertEquals(List.of(), files());

        // The same when an older file is being replaced: it survives untouched.
        Path keep = dir.resolve("keep.nii");
        NiftiWriter.write(small(5), keep, false);
        byte[] before = Files.readAllBytes(keep);
        assertThrows(IllegalStateException.class, () -> NiftiWriter.write(v, keep, true));
        assertArrayEquals(before, Files.readAllBytes(keep));
        assertEquals(List.of("keep.nii"), files());
    }

    @Test
    void refusesOtherNamesAndTypes() throws Exception {
        Path img = dir.resolve("out.img");
        UserException e = assertThrows(UserException.class, () -> NiftiWriter.write(small(1), img, false));
        assertTrue(e.getMessage().startsWith(img + ": "), e.getMessage());

        Volume longs = Volume.of(ArrayImgs.longs(2, 2, 2), new double[] {1, 1, 1}, "longs");
        Path out = dir.resolve("long.nii");
        e = assertThrows(UserException.class, () -> NiftiWriter.write(longs, out, false));
        assertTrue(e.getMessage().contains(LongType.class.getSimpleName()), e.getMessage());
        assertFalse(Files.exists(out));
        assertEquals(List.of(), files());
    }
}
