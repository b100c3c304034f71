package org.cycleprop.cli;

import net.imglib2.img.array.ArrayImgs;
import org.cycleprop.evaluation.Benchmark;
import org.cycleprop.evaluation.BenchmarkReport;
import org.cycleprop.evaluation.BenchmarkResults;
import org.cycleprop.volume.NiftiWriter;
import org.cycleprop.volume.Volume;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** reproduce-table on a small stand-in for the MRIcron folder: reused and fresh benchmarks in one table. */
class ReproduceTableCommandTest {
    @TempDir
    Path tmp;

    @Test
    void earlierBenchmarksAreReadBackAndTheMissingOnesRun() throws Exception {
        Path data = Files.createDirectories(tmp.resolve("mricron"));
        int w = 12, h = 12, d = 8;
        byte[] lab = new byte[w * h * d];
        float[] img = new float[w * h * d];
        for (int z = 1; z <= 6; z++) {
            for (int y = 3; y < 8; y++) for (int x = 2 + z / 3; x < 7 + z / 3; x++) lab[x + y * w + z * w * h] = 1;
        }
        for (int i = 0; i < img.length; i++) img[i] = lab[i] * 100 + (i % 5);
        NiftiWriter.write(Volume.of(ArrayImgs.floats(img, w, h, d), new double[] {1, 1, 1}, "img"), data.resolve("ch2.nii.gz"), false);
        NiftiWriter.write(Volume.of(ArrayImgs.unsignedBytes(lab, w, h, d), new double[] {1, 1, 1}, "lab"),
                data.resolve("brodmann.nii.gz"), false);

        // an earlier copy benchmark, as the benchmark command writes it
        Path earlier = tmp.resolve("earlier");
        CliRun copy = CliRun.of("benchmark", "--image", data.resolve("ch2.nii.gz").toString(), "--labels",
                data.resolve("brodmann.nii.gz").toString(), "--method", "copy", "--out", earlier.resolve("unseen-z-copy").toString());
        assertEquals(0, copy.exitCode(), copy.err());
        Benchmark.Result read = BenchmarkResults.read(earlier.resolve("unseen-z-copy"), "copy");
        assertEquals(copy.lastLine(), BenchmarkReport.meanLine(read.mean(), read.structures().size()));

        Path out = tmp.resolve("table");
        CliRun run = CliRun.of("reproduce-table", "--data", data.toString(), "--models", tmp.resolve("none").toString(),
                "--test-sets", "unseen", "--axes", "z", "--from", earlier.toString(), "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        String table = Files.readString(out.resolve("table.md"));
        assertTrue(table.contains("| copy |"), table);
        assertTrue(table.contains("| interpolate |"), table);
        assertTrue(table.contains("Read from earlier benchmark folders in " + earlier + ": unseen-z-copy."), table);
        assertFalse(Files.exists(out.resolve("unseen-z-copy")), "a reused benchmark is not run again");
        assertTrue(Files.exists(out.resolve("unseen-z-interpolate").resolve("structures.csv")), "a missing one is run");

        // --reuse-only leaves the missing one out instead of running it
        Path only = tmp.resolve("only");
        CliRun reuse = CliRun.of("reproduce-table", "--data", data.toString(), "--models", tmp.resolve("none").toString(),
                "--test-sets", "unseen", "--axes", "z", "--from", earlier.toString(), "--reuse-only", "--out", only.toString());
        assertEquals(0, reuse.exitCode(), reuse.err());
        String reusedTable = Files.readString(only.resolve("table.md"));
        assertTrue(reusedTable.contains("| copy |") && !reusedTable.contains("| interpolate |"), reusedTable);
        assertTrue(reusedTable.contains("Not measured (left out): unseen-z-interpolate."), reusedTable);
        assertFalse(Files.exists(only.resolve("unseen-z-interpolate")));
    }
}
