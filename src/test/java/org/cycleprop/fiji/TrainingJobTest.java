package org.cycleprop.fiji;

import ij.ImagePlus;
import org.cycleprop.model.ModelInfo;
import org.cycleprop.model.Preset;
import org.cycleprop.util.Progress;
import org.cycleprop.volume.SyntheticVolume;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Train Propagation Model's core on two open images (tiny preset, two iterations) and its live loss plot. */
class TrainingJobTest {
    @TempDir
    Path tmp;

    @Test
    void trainsFromOpenImagesAndPlotsEveryLoss() throws Exception {
        SyntheticVolume v = SyntheticVolume.generate(48, 40, 16, 2, 3);
        ImagePlus image = TestImages.fromVolume(v.image(), "img");
        ImagePlus labels = TestImages.fromVolume(v.labels(), "img-labels");
        String before = TestImages.pixelHash(image);
        Path out = tmp.resolve("models").resolve("fiji-tiny");
        TrainingJob job = new TrainingJob(image, labels,
                new TrainingJob.Settings(Preset.TINY, "zx", 0.1f, 2, 1, 3, null, out, false));
        LossPlot plot = new LossPlot(Progress.NONE, false);
        ModelInfo info = job.run(plot);
        assertEquals(2, info.iterations());
        assertTrue(Files.exists(Path.of(out + ".json")) && Files.exists(Path.of(out + ".params")));
        assertEquals(tmp.resolve("runs").resolve("fiji-tiny"), job.runDir());
        assertTrue(Files.exists(job.runDir().resolve("log.csv")));
        assertEquals(2, plot.points().size(), "one loss per iteration");
        assertEquals(1, plot.points().get(0)[0]);
        assertTrue(plot.points().get(1)[1] > 0, "a positive loss");
        assertEquals(before, TestImages.pixelHash(image));
        // a second run with the same name is refused unless overwriting
        RoiSeedsTest.assertMessage(() -> job.run(Progress.NONE), "output: " + out + ".json already exists");
    }

    @Test
    void badChoicesAreNamed() {
        SyntheticVolume v = SyntheticVolume.generate(24, 20, 6, 2, 3);
        ImagePlus image = TestImages.fromVolume(v.image(), "img");
        ImagePlus labels = TestImages.fromVolume(v.labels(), "lab");
        Path out = tmp.resolve("m");
        RoiSeedsTest.assertMessage(() -> new TrainingJob(image, labels,
                new TrainingJob.Settings(Preset.TINY, "zq", 0.1f, 2, 1, 3, null, out, false)), "axes: 'zq'");
        RoiSeedsTest.assertMessage(() -> new TrainingJob(image, labels,
                new TrainingJob.Settings(Preset.TINY, "z", -1f, 2, 1, 3, null, out, false)), "cycle_weight: must be >= 0");
        RoiSeedsTest.assertMessage(() -> new TrainingJob(image, labels,
                new TrainingJob.Settings(Preset.TINY, "z", 0f, 0, 1, 3, null, out, false)), "iterations: at least 1");
        RoiSeedsTest.assertMessage(() -> new TrainingJob(image, labels,
                new TrainingJob.Settings(Preset.TINY, "z", 0f, 2, 1, 2, null, out, false)), "frames: at least 3");
    }
}
