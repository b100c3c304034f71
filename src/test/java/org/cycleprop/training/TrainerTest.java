package org.cycleprop.training;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import org.cycleprop.model.LoadedModel;
import org.cycleprop.model.ModelFile;
import org.cycleprop.model.ModelInfo;
import org.cycleprop.model.Preset;
import org.cycleprop.util.Progress;
import org.cycleprop.util.UserException;
import org.cycleprop.volume.NiftiWriter;
import org.cycleprop.volume.SyntheticVolume;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The training loop end to end with the tiny preset: log, checkpoint, resume, model file, refusals. */
class TrainerTest {
    @TempDir
    Path tmp;

    private Path dataList() {
        SyntheticVolume v = SyntheticVolume.generate(48, 40, 16, 2, 3);
        NiftiWriter.write(v.image(), tmp.resolve("img.nii.gz"), false);
        NiftiWriter.write(v.labels(), tmp.resolve("lab.nii.gz"), false);
        Path list = tmp.resolve("data.list");
        try {
            Files.writeString(list, "# test data\nimg.nii.gz lab.nii.gz zx all\n");
        } catch (java.io.IOException e) {
            throw new RuntimeException(e);
        }
        return list;
    }

    private TrainingConfig config(Path data, int iterations, float cycle, Path init) {
        return config(data, iterations, cycle, init, "");
    }

    private TrainingConfig config(Path data, int iterations, float cycle, Path init, String suffix) {
        return new TrainingConfig(Preset.TINY, data, false, cycle, 0, iterations, 2, 1e-3f, List.of(0.5), 3, 0, 3, 0, 7, init,
                tmp.resolve("model" + suffix), tmp.resolve("run" + suffix), 2, false, "test");
    }

    @Test
    void trainsCheckpointsAndResumes() throws Exception {
        Path data = dataList();
        // a run stopped after 5 of 6 iterations (checkpoint every 2, the last at 4) ...
        Progress stopAfterFive = new Progress() {
            long done;

            @Override
            public void update(long d, long total, String message) {
                done = d;
            }

            @Override
            public boolean isCancelled() {
                return done >= 5;
            }
        };
        assertThrows(Progress.Cancelled.class, () -> new Trainer(config(data, 6, 0.1f, null)).run(false, false, stopAfterFive));
        assertEquals(4, ModelFile.readInfo(tmp.resolve("run").resolve(Trainer.CHECKPOINT)).iterations());
        // ... is resumed from its checkpoint to the end
        ModelInfo info = new Trainer(config(data, 6, 0.1f, null)).run(true, false, Progress.NONE);
        assertEquals(6, info.iterations());
        assertEquals(0.1f, ((Number) info.training().get("cycle_weight")).floatValue());
        List<String> log = Files.readAllLines(tmp.resolve("run").resolve(Trainer.LOG));
        assertEquals(7, log.size(), "header + one line per iteration, none repeated (iteration 5 ran twice): " + log);
        for (int i = 1; i <= 6; i++) assertTrue(log.get(i).startsWith(i + ","), log.get(i));
        assertTrue(Files.size(tmp.resolve("run").resolve("loss.png")) > 0);
        assertTrue(Files.exists(tmp.resolve("model.params")));

        // the resumed run ends with the weights of an uninterrupted one: same batches, Adam moments restored
        new Trainer(config(data, 6, 0.1f, null, "-straight")).run(false, false, Progress.NONE);
        try (NDManager m = NDManager.newBaseManager()) {
            NDList resumed = ModelFile.load(tmp.resolve("model"), Preset.TINY, m).network()
                    .getParameters().values().stream().map(p -> p.getArray()).collect(NDList::new, NDList::add, NDList::addAll);
            NDList straight = ModelFile.load(tmp.resolve("model-straight"), Preset.TINY, m).network()
                    .getParameters().values().stream().map(p -> p.getArray()).collect(NDList::new, NDList::add, NDList::addAll);
            assertEquals(straight.size(), resumed.size());
            for (int i = 0; i < straight.size(); i++) {
                float diff = straight.get(i).sub(resumed.get(i)).abs().max().getFloat();
                assertTrue(diff < 1e-6f, "parameter " + i + " differs by " + diff);
            }
        }
        // resuming from a checkpoint whose optimiser state is gone is refused, not silently approximated
        Files.delete(tmp.resolve("run").resolve(Trainer.OPTIMISER_STATE));
        Files.writeString(tmp.resolve("run").resolve("dummy"), "x");
        UserException e = assertThrows(UserException.class,
                () -> new Trainer(config(data, 8, 0.1f, null)).run(true, true, Progress.NONE));
        assertTrue(e.getMessage().contains(Trainer.OPTIMISER_STATE), e.getMessage());
    }

    @Test
    void withoutCycleTheCycleColumnIsEmptyAndFineTuningStartsFromAModel() throws Exception {
        Path data = dataList();
        new Trainer(config(data, 2, 0.1f, null)).run(false, false, Progress.NONE);
        Files.move(tmp.resolve("model.json"), tmp.resolve("base.json"));
        Files.move(tmp.resolve("model.params"), tmp.resolve("base.params"));
        // the description names its weights file: keep it consistent after the rename
        Files.writeString(tmp.resolve("base.json"), Files.readString(tmp.resolve("base.json"))
                .replace("\"model.params\"", "\"base.params\""));
        ModelInfo ft = new Trainer(config(data, 2, 0f, tmp.resolve("base"))).run(false, false, Progress.NONE);
        assertTrue(ft.training().get("init").toString().endsWith("base"));
        List<String> log = Files.readAllLines(tmp.resolve("run").resolve(Trainer.LOG));
        assertEquals("NaN", log.get(1).split(",")[5]);
        // the copy baseline of every batch sits beside the network's IoU
        List<String> header = List.of(log.get(0).split(","));
        assertEquals(List.of("copy_iou_1", "copy_iou_2"), header.subList(header.size() - 2, header.size()));
        for (String line : log.subList(1, log.size())) {
            String[] f = line.split(",");
            assertEquals(header.size(), f.length, line);
            for (int c = f.length - 2; c < f.length; c++) {
                double v = Double.parseDouble(f[c]);
                assertTrue(v >= 0 && v <= 1, line);
            }
        }
    }

    @Test
    void longerSamplesTrainAndAreRecordedInTheModel() throws Exception {
        Path data = dataList();
        TrainingConfig c = config(data, 2, 0.1f, null, "-frames");
        TrainingConfig four = new TrainingConfig(c.preset(), c.data(), c.synthetic(), c.cycleWeight(), c.diceWeight(),
                c.iterations(), c.batch(), c.learningRate(), c.lrSteps(), c.maxJump(), c.endTriplets(), 4, c.locality(), c.seed(),
                c.init(), c.out(), c.runDir(), c.checkpointEvery(), false, c.command());
        ModelInfo info = new Trainer(four).run(false, false, Progress.NONE);
        assertEquals(4, ((Number) info.training().get("frames")).intValue());
        List<String> log = Files.readAllLines(c.runDir().resolve(Trainer.LOG));
        assertEquals(3, log.size());
        for (String line : log.subList(1, 3)) {
            String[] f = line.split(",");
            assertTrue(Double.parseDouble(f[6]) > 0 && Double.parseDouble(f[5]) > 0, line); // total, cycle
        }
        // three-frame models do not carry the key, so older metadata reads the same
        assertFalse(new Trainer(config(data, 1, 0.1f, null, "-three")).run(false, false, Progress.NONE).training()
                .containsKey("frames"));
        assertThrows(IllegalArgumentException.class, () -> new TrainingConfig(c.preset(), c.data(), true,
                c.cycleWeight(), c.diceWeight(), c.iterations(), c.batch(), c.learningRate(), c.lrSteps(), c.maxJump(),
                c.endTriplets(), 4, c.locality(), c.seed(), c.init(), c.out(), c.runDir(), c.checkpointEvery(), false, c.command()));
    }

    @Test
    void aLocalityPriorIsRecordedInTheModelAndReadBackFromItsFile() throws Exception {
        Path data = dataList();
        TrainingConfig c = config(data, 1, 0.1f, null, "-locality");
        TrainingConfig local = new TrainingConfig(c.preset(), c.data(), c.synthetic(), c.cycleWeight(), c.diceWeight(),
                c.iterations(), c.batch(), c.learningRate(), c.lrSteps(), c.maxJump(), c.endTriplets(), c.frames(), 1.5,
                c.seed(), c.init(), c.out(), c.runDir(), c.checkpointEvery(), false, c.command());
        ModelInfo trained = new Trainer(local).run(false, false, Progress.NONE);
        assertEquals(1.5, ((Number) trained.training().get(ModelInfo.LOCALITY_KEY)).doubleValue(), 1e-9);
        assertEquals(1.5, trained.defaultLocality(), 1e-9);
        try (NDManager m = NDManager.newBaseManager()) {
            assertEquals(1.5, ModelFile.load(c.out(), Preset.TINY, m).info().defaultLocality(), 1e-9);
        }
        ModelInfo plain = new Trainer(config(data, 1, 0.1f, null, "-plain")).run(false, false, Progress.NONE);
        assertEquals(0, plain.defaultLocality());
        assertFalse(plain.training().containsKey(ModelInfo.LOCALITY_KEY) || plain.inference().containsKey(ModelInfo.LOCALITY_KEY));
        assertThrows(IllegalArgumentException.class, () -> new TrainingConfig(c.preset(), c.data(), false,
                c.cycleWeight(), c.diceWeight(), c.iterations(), c.batch(), c.learningRate(), c.lrSteps(), c.maxJump(),
                c.endTriplets(), c.frames(), -1, c.seed(), c.init(), c.out(), c.runDir(), c.checkpointEvery(), false,
                c.command()));
    }

    @Test
    void keptCheckpointsAreModelsOfTheirIterationAndTheDefaultKeepsNone() throws Exception {
        Path data = dataList();
        TrainingConfig c = config(data, 5, 0.1f, null, "-keep");
        TrainingConfig keep = new TrainingConfig(c.preset(), c.data(), c.synthetic(), c.cycleWeight(), c.diceWeight(),
                c.iterations(), c.batch(), c.learningRate(), c.lrSteps(), c.maxJump(), c.endTriplets(), c.frames(), c.locality(), c.seed(),
                c.init(), c.out(), c.runDir(), c.checkpointEvery(), true, c.command());
        Trainer trainer = new Trainer(keep);
        trainer.run(false, false, Progress.NONE);
        try (NDManager m = NDManager.newBaseManager()) {
            for (int it : new int[] {2, 4}) {
                LoadedModel kept = ModelFile.load(trainer.keptCheckpoint(it), Preset.TINY, m);
                assertEquals(it, kept.info().iterations());
            }
        }
        // the final model is the run's output, not a kept checkpoint
        assertFalse(Files.exists(ModelFile.jsonPath(trainer.keptCheckpoint(5))));
        assertFalse(Files.exists(ModelFile.jsonPath(trainer.keptCheckpoint(6))));
        // without the option nothing is kept
        Trainer plain = new Trainer(config(data, 3, 0.1f, null, "-plain"));
        plain.run(false, false, Progress.NONE);
        assertFalse(Files.exists(tmp.resolve("run-plain").resolve("checkpoints")));
    }

    @Test
    void refusesToOverwriteAModelAndToResumeWithoutCheckpoint() throws Exception {
        Path data = dataList();
        Files.writeString(tmp.resolve("model.json"), "{}");
        UserException e = assertThrows(UserException.class,
                () -> new Trainer(config(data, 2, 0.1f, null)).run(false, false, Progress.NONE));
        assertTrue(e.getMessage().contains("model.json") && e.getMessage().contains("--force"), e.getMessage());
        Files.delete(tmp.resolve("model.json"));
        UserException r = assertThrows(UserException.class,
                () -> new Trainer(config(data, 2, 0.1f, null)).run(true, false, Progress.NONE));
        assertTrue(r.getMessage().contains("no checkpoint"), r.getMessage());
    }

    @Test
    void badDataListLinesAreNamed() throws Exception {
        Path list = tmp.resolve("bad.list");
        Files.writeString(list, "only-two fields\n");
        UserException e = assertThrows(UserException.class, () -> TrainingDataList.read(list));
        assertTrue(e.getMessage().startsWith(list + ": line 1"), e.getMessage());
        Files.writeString(list, "a.nii b.nii q\n");
        assertTrue(assertThrows(UserException.class, () -> TrainingDataList.read(list)).getMessage().contains("axis 'q'"));
        Files.writeString(list, "a.nii b.nii z 1,x\n");
        assertTrue(assertThrows(UserException.class, () -> TrainingDataList.read(list)).getMessage().contains("'x'"));
        assertEquals(java.util.Set.of(1, 3, 4, 5), TrainingDataList.parseValues("1,3-5", "here"));
    }
}
