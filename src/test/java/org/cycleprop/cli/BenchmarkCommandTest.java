package org.cycleprop.cli;

import net.imglib2.img.array.ArrayImgs;
import org.cycleprop.volume.NiftiWriter;
import org.cycleprop.volume.Volume;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The benchmark command end to end on small volumes written to disk, and its answers to bad input. */
class BenchmarkCommandTest {
    @TempDir
    Path tmp;
    Path image;
    Path labels;

    /**
     * 10×10×6 volume. Label 1: a 4×4 square on slices 1..4 (x 2..5, y 2..5), shifted right by one pixel on
     * slice 4. Label 2: a 2×2 square on slices 2..3 only (under the 10-pixel rule there).
     */
    @BeforeEach
    void writeVolumes() {
        int w = 10, h = 10, d = 6;
        byte[] lab = new byte[w * h * d];
        float[] img = new float[w * h * d];
        for (int z = 1; z <= 4; z++) {
            int shift = z == 4 ? 1 : 0;
            for (int y = 2; y < 6; y++) for (int x = 2 + shift; x < 6 + shift; x++) lab[x + y * w + z * w * h] = 1;
        }
        for (int z = 2; z <= 3; z++) for (int y = 7; y < 9; y++) for (int x = 7; x < 9; x++) lab[x + y * w + z * w * h] = 2;
        for (int i = 0; i < img.length; i++) img[i] = lab[i] * 100 + (i % 7);
        image = tmp.resolve("img.nii.gz");
        labels = tmp.resolve("lab.nii");
        NiftiWriter.write(Volume.of(ArrayImgs.floats(img, w, h, d), new double[] {1, 1, 1}, "img"), image, false);
        NiftiWriter.write(Volume.of(ArrayImgs.unsignedBytes(lab, w, h, d), new double[] {1, 1, 1}, "lab"), labels, false);
    }

    @Test
    void copyBenchmarkWritesItsFilesAndPrintsTheMeanLast() throws Exception {
        Path out = tmp.resolve("out");
        CliRun run = CliRun.of("benchmark", "--image", image.toString(), "--labels", labels.toString(), "--axis", "z",
                "--method", "copy", "--out", out.toString(), "--labels-subset", "1");
        assertEquals(0, run.exitCode(), run.err());
        // label 1: seed = slice 1 (first of the equal largest areas); slices 1..3 match exactly (J = 1);
        // slice 4 is shifted by one: |A∩B| = 12, |A∪B| = 20 → J = 0.6. Mean J over 4 slices = 0.9.
        // F: shift of 1 ≤ tolerance ceil(0.008·√200) = 1 → F = 1 on all four slices.
        // DSC over the volume: prediction = square on all 6 slices (96 px), truth 64 px, overlap 60 → 120/160.
        assertEquals("mean J 90.0 F 100.0 J&F 95.0 DSC 75.0 (1 structures)", run.lastLine());
        for (String f : List.of("structures.csv", "slices.csv", "summary.md", "jf_per_structure.png")) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        List<String> csv = Files.readAllLines(out.resolve("structures.csv"));
        assertEquals("label,name,slices,evaluated_slices,seeds,J,F,JF,DSC,predicted_beyond_ends,ms", csv.get(0));
        // 32 of the 96 predicted pixels lie on the two slices without truth
        assertTrue(csv.get(1).startsWith("1,,4,4,1,0.9000,1.0000,0.9500,0.7500,0.3333,"), csv.get(1));
        List<String> perSlice = Files.readAllLines(out.resolve("slices.csv"));
        assertEquals("label,slice,seed,truth_pixels,predicted_pixels,J,F", perSlice.get(0));
        assertEquals(7, perSlice.size(), "one row per slice with truth or prediction");
        assertTrue(perSlice.contains("1,4,0,16,16,0.6000,1.0000"), String.join("\n", perSlice));
    }

    @Test
    void existingOutputNeedsForce() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("out"));
        Files.writeString(out.resolve("summary.md"), "mine");
        CliRun run = CliRun.of("benchmark", "--image", image.toString(), "--labels", labels.toString(), "--out",
                out.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--force"), run.err());
        assertEquals("mine", Files.readString(out.resolve("summary.md")));
        CliRun forced = CliRun.of("benchmark", "--image", image.toString(), "--labels", labels.toString(), "--out",
                out.toString(), "--force");
        assertEquals(0, forced.exitCode(), forced.err());
        assertTrue(Files.readString(out.resolve("summary.md")).startsWith("# Benchmark"));
    }

    @Test
    void absentLabelIsNamed() {
        Path out = tmp.resolve("out");
        CliRun run = CliRun.of("benchmark", "--image", image.toString(), "--labels", labels.toString(), "--out",
                out.toString(), "--labels-subset", "1,7");
        assertOneLineError(run, labels + ": label 7 is absent from the map");
        assertFalse(Files.exists(out));
    }

    @Test
    void sizeMismatchNamesBothFiles() {
        Path small = tmp.resolve("small.nii");
        NiftiWriter.write(Volume.of(ArrayImgs.unsignedBytes(new byte[8], 2, 2, 2), new double[] {1, 1, 1}, "s"), small, false);
        CliRun run = CliRun.of("benchmark", "--image", image.toString(), "--labels", small.toString(), "--out",
                tmp.resolve("out").toString());
        assertOneLineError(run, small + ": label map is 2x2x2 but the image " + image + " is 10x10x6");
    }

    @Test
    void emptyLabelMapIsRefused() {
        Path empty = tmp.resolve("empty.nii");
        NiftiWriter.write(Volume.of(ArrayImgs.unsignedBytes(new byte[600], 10, 10, 6), new double[] {1, 1, 1}, "e"),
                empty, false);
        CliRun run = CliRun.of("benchmark", "--image", image.toString(), "--labels", empty.toString(), "--out",
                tmp.resolve("out").toString());
        assertOneLineError(run, empty + ": the label map is empty");
    }

    @Test
    void corruptImageIsOneLineAndInputUntouched() throws Exception {
        Path broken = tmp.resolve("broken.nii.gz");
        byte[] all = Files.readAllBytes(image);
        Files.write(broken, java.util.Arrays.copyOf(all, all.length / 2));
        String before = sha(broken);
        CliRun run = CliRun.of("benchmark", "--image", broken.toString(), "--labels", labels.toString(), "--out",
                tmp.resolve("out").toString());
        assertOneLineError(run, broken.toString());
        assertEquals(before, sha(broken));
        assertFalse(Files.exists(tmp.resolve("out")));
    }

    @Test
    void unwritableOutputIsOneLine() throws Exception {
        Path file = Files.writeString(tmp.resolve("afile"), "x");
        CliRun run = CliRun.of("benchmark", "--image", image.toString(), "--labels", labels.toString(), "--out",
                file.resolve("out").toString());
        assertOneLineError(run, file.resolve("out") + ": cannot write output there");
    }

    @Test
    void seedsOptionGivesAnyMethodTheQuarterSeeds() throws Exception {
        Path out = tmp.resolve("quarters");
        CliRun run = CliRun.of("benchmark", "--image", image.toString(), "--labels", labels.toString(), "--method",
                "copy", "--seeds", "quarters", "--out", out.toString(), "--labels-subset", "1");
        assertEquals(0, run.exitCode(), run.err());
        // label 1 spans slices 1..4: seed slices 1 + round(0.75) = 2 and 1 + round(2.25) = 3 instead of slice 1
        List<String> csv = Files.readAllLines(out.resolve("structures.csv"));
        assertTrue(csv.get(1).startsWith("1,,4,4,2 3,"), csv.get(1));
        List<String> perSlice = Files.readAllLines(out.resolve("slices.csv"));
        assertTrue(perSlice.contains("1,2,1,16,16,1.0000,1.0000") && perSlice.contains("1,3,1,16,16,1.0000,1.0000")
                && perSlice.contains("1,1,0,16,16,1.0000,1.0000"), String.join("\n", perSlice));
        assertTrue(Files.readString(out.resolve("summary.md")).contains("seeds `quarters`"));
        assertOneLineError(CliRun.of("benchmark", "--image", image.toString(), "--labels", labels.toString(), "--out",
                tmp.resolve("o").toString(), "--seeds", "three"), "--seeds: unknown policy 'three'");
    }

    @Test
    void unknownMethodAndAxisAreOneLine() {
        assertOneLineError(CliRun.of("benchmark", "--image", image.toString(), "--labels", labels.toString(), "--out",
                tmp.resolve("o").toString(), "--method", "magic"), "--method: unknown method 'magic'");
        assertOneLineError(CliRun.of("benchmark", "--image", image.toString(), "--labels", labels.toString(), "--out",
                tmp.resolve("o").toString(), "--axis", "w"), "unknown axis 'w'");
        assertOneLineError(CliRun.of("benchmark", "--image", image.toString(), "--labels", labels.toString(), "--out",
                tmp.resolve("o").toString(), "--window-margin", "0.5"), "--window-margin: between 1 and 10, got 0.5");
        assertOneLineError(CliRun.of("benchmark", "--image", image.toString(), "--labels", labels.toString(), "--out",
                tmp.resolve("o").toString(), "--end-below", "1"), "--end-below: a fraction in [0, 1), got 1.0");
        assertOneLineError(CliRun.of("benchmark", "--image", image.toString(), "--labels", labels.toString(), "--out",
                tmp.resolve("o").toString(), "--working-size", "100"), "--working-size: a multiple of 16 from 32 to 1024");
        assertOneLineError(CliRun.of("benchmark", "--image", image.toString(), "--labels", labels.toString(), "--out",
                tmp.resolve("o").toString(), "--working-size", "2048"), "--working-size: a multiple of 16 from 32 to 1024");
        assertFalse(Files.exists(tmp.resolve("o")));
    }

    @Test
    void helpDocumentsEveryOption() {
        CliRun run = CliRun.of("benchmark", "--help");
        assertEquals(0, run.exitCode());
        for (String o : List.of("--image", "--labels", "--names", "--axis", "--method", "--labels-subset", "--out", "--force",
                "--seeds", "--end-below", "--locality", "--window-margin", "--windows", "--working-size")) {
            assertTrue(run.out().contains(o), o);
        }
    }

    private static void assertOneLineError(CliRun run, String expectedStart) {
        assertEquals(2, run.exitCode(), run.out() + run.err());
        String err = run.err().strip();
        assertFalse(err.contains("\n"), "one line expected: " + err);
        assertFalse(err.contains("Exception"), "no stack trace: " + err);
        assertTrue(err.startsWith("error: " + expectedStart), err);
    }

    private static String sha(Path p) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
    }
}
