package org.cycleprop.cli;

import ai.djl.ndarray.NDManager;
import net.imglib2.img.array.ArrayImgs;
import org.cycleprop.model.ModelFile;
import org.cycleprop.model.ModelInfo;
import org.cycleprop.model.Preset;
import org.cycleprop.model.StcnNetwork;
import org.cycleprop.volume.NiftiReader;
import org.cycleprop.volume.NiftiWriter;
import org.cycleprop.volume.SyntheticVolume;
import org.cycleprop.volume.Volume;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** propagate and benchmark with a (untrained) tiny model file: files, geometry, label values, refusals. */
class PropagateCommandTest {
    @TempDir
    Path tmp;
    Path image;
    Path seeds;
    Path model;

    @BeforeEach
    void prepare() {
        SyntheticVolume v = SyntheticVolume.generate(40, 32, 10, 2, 5);
        image = tmp.resolve("img.nii.gz");
        NiftiWriter.write(v.image(), image, false);
        // seeds: slice 4 of the synthetic labels, stored as values 20 and 30
        byte[] s = new byte[40 * 32 * 10];
        var ra = v.labels().stored().randomAccess();
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 40; x++) {
                int l = (int) ra.setPositionAndGet(x, y, 4).getRealDouble();
                s[x + y * 40 + 4 * 40 * 32] = (byte) (l == 0 ? 0 : 10 + 10 * l);
            }
        }
        seeds = tmp.resolve("seeds.nii");
        NiftiWriter.write(Volume.of(ArrayImgs.unsignedBytes(s, 40, 32, 10), new double[] {1, 1, 1}, "seeds"), seeds, false);
        model = tmp.resolve("tiny");
        try (NDManager m = NDManager.newBaseManager()) {
            ModelFile.save(model, StcnNetwork.create(Preset.TINY, m), ModelInfo.of(Preset.TINY, Map.of(), Map.of(), Map.of(), 0, 1,
                    Map.of()), false);
        }
    }

    @Test
    void writesALabelVolumeOnTheImageGridWithTheSeedValues() throws Exception {
        Path out = tmp.resolve("out.nii.gz");
        CliRun run = CliRun.of("propagate", "--image", image.toString(), "--seeds", seeds.toString(), "--out",
                out.toString(), "--model", model + ".json");
        assertEquals(0, run.exitCode(), run.err());
        Volume result = NiftiReader.read(out);
        assertArrayEquals(new long[] {40, 32, 10}, result.dimensions());
        Volume seedVolume = NiftiReader.read(seeds);
        var r = result.stored().randomAccess();
        var s = seedVolume.stored().randomAccess();
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 40; x++) {
                assertEquals(s.setPositionAndGet(x, y, 4).getRealDouble(), r.setPositionAndGet(x, y, 4).getRealDouble(),
                        "the seed slice is kept as drawn");
            }
        }
        for (int z = 0; z < 10; z++) {
            for (int y = 0; y < 32; y++) {
                for (int x = 0; x < 40; x++) {
                    double v = r.setPositionAndGet(x, y, z).getRealDouble();
                    assertTrue(v == 0 || v == 20 || v == 30, "only the seeds' label values appear: " + v);
                }
            }
        }
        assertTrue(run.out().contains("propagated 2 object(s) from 1 seed slice(s) through 10 slices"), run.out());
        // a second run does not overwrite without --force
        CliRun again = CliRun.of("propagate", "--image", image.toString(), "--seeds", seeds.toString(), "--out",
                out.toString(), "--model", model.toString());
        assertEquals(2, again.exitCode());
        assertTrue(again.err().contains("--force") || again.err().contains("force"), again.err());
    }

    @Test
    void windowsPerObjectKeepTheSeedAndTheLabelValues() throws Exception {
        Path out = tmp.resolve("sep.nii.gz");
        CliRun run = CliRun.of("propagate", "--image", image.toString(), "--seeds", seeds.toString(), "--out",
                out.toString(), "--model", model.toString(), "--windows", "each");
        assertEquals(0, run.exitCode(), run.err());
        var r = NiftiReader.read(out).stored().randomAccess();
        var s = NiftiReader.read(seeds).stored().randomAccess();
        for (int z = 0; z < 10; z++) {
            for (int y = 0; y < 32; y++) {
                for (int x = 0; x < 40; x++) {
                    double v = r.setPositionAndGet(x, y, z).getRealDouble();
                    if (z == 4) assertEquals(s.setPositionAndGet(x, y, 4).getRealDouble(), v, "seed slice as drawn");
                    assertTrue(v == 0 || v == 20 || v == 30, "only the seeds' label values appear: " + v);
                }
            }
        }
    }

    @Test
    void emptySeedsAndBrokenModelsAreOneLine() throws Exception {
        Path empty = tmp.resolve("empty.nii");
        NiftiWriter.write(Volume.of(ArrayImgs.unsignedBytes(new byte[40 * 32 * 10], 40, 32, 10), new double[] {1, 1, 1},
                "e"), empty, false);
        CliRun run = CliRun.of("propagate", "--image", image.toString(), "--seeds", empty.toString(), "--out",
                tmp.resolve("o.nii").toString(), "--model", model.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("error: " + empty + ": no seed"), run.err());
        CliRun size = CliRun.of("propagate", "--image", image.toString(), "--seeds", seeds.toString(), "--out",
                tmp.resolve("o.nii").toString(), "--model", model.toString(), "--working-size", "40");
        assertEquals(2, size.exitCode());
        assertTrue(size.err().startsWith("error: --working-size: a multiple of 16"), size.err());

        byte[] params = Files.readAllBytes(tmp.resolve("tiny.params"));
        Files.write(tmp.resolve("tiny.params"), java.util.Arrays.copyOf(params, params.length / 2));
        CliRun broken = CliRun.of("propagate", "--image", image.toString(), "--seeds", seeds.toString(), "--out",
                tmp.resolve("o.nii").toString(), "--model", model.toString());
        assertEquals(2, broken.exitCode());
        assertTrue(broken.err().contains("tiny.params") && !broken.err().contains("Exception"), broken.err());
        assertFalse(Files.exists(tmp.resolve("o.nii")));
    }

    @Test
    void benchmarkRunsAModelMethod() {
        Path labels = tmp.resolve("labels.nii.gz");
        NiftiWriter.write(SyntheticVolume.generate(40, 32, 10, 2, 5).labels(), labels, false);
        CliRun run = CliRun.of("benchmark", "--image", image.toString(), "--labels", labels.toString(), "--out",
                tmp.resolve("bench").toString(), "--method", "model:" + model);
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.lastLine().matches("mean J [0-9.]+ F [0-9.]+ J&F [0-9.]+ DSC [0-9.]+ \\(2 structures\\)"),
                run.lastLine());
    }

    @Test
    void theBenchmarkSummaryNamesTheLocalityItRanWith() throws Exception {
        Path labels = tmp.resolve("labels.nii.gz");
        NiftiWriter.write(SyntheticVolume.generate(40, 32, 10, 2, 5).labels(), labels, false);
        CliRun own = CliRun.of("benchmark", "--image", image.toString(), "--labels", labels.toString(), "--out",
                tmp.resolve("own").toString(), "--method", "model:" + model);
        assertEquals(0, own.exitCode(), own.err());
        assertTrue(Files.readString(tmp.resolve("own/summary.md")).contains("locality none (the model's own)"));
        CliRun given = CliRun.of("benchmark", "--image", image.toString(), "--labels", labels.toString(), "--out",
                tmp.resolve("given").toString(), "--method", "model:" + model, "--locality", "1.5");
        assertEquals(0, given.exitCode(), given.err());
        assertTrue(Files.readString(tmp.resolve("given/summary.md")).contains("locality 1.5, end below never"));
        CliRun margin = CliRun.of("benchmark", "--image", image.toString(), "--labels", labels.toString(), "--out",
                tmp.resolve("margin").toString(), "--method", "model:" + model, "--window-margin", "3");
        assertEquals(0, margin.exitCode(), margin.err());
        assertTrue(Files.readString(tmp.resolve("margin/summary.md")).contains("object-centred windows (margin 3.0)"));
        assertTrue(Files.readString(tmp.resolve("own/summary.md")).contains("working size of the model"));
        CliRun size = CliRun.of("benchmark", "--image", image.toString(), "--labels", labels.toString(), "--out",
                tmp.resolve("size").toString(), "--method", "model:" + model, "--working-size", "96");
        assertEquals(0, size.exitCode(), size.err());
        assertTrue(Files.readString(tmp.resolve("size/summary.md")).contains("working size 96"));
        CliRun bad = CliRun.of("benchmark", "--image", image.toString(), "--labels", labels.toString(), "--out",
                tmp.resolve("bad").toString(), "--method", "model:" + model, "--locality", "wide");
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().strip().startsWith("error: --locality: 'wide' is neither"), bad.err());
        assertFalse(Files.exists(tmp.resolve("bad")));
    }
}
