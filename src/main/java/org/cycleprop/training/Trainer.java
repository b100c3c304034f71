package org.cycleprop.training;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import org.cycleprop.model.IntraOpThreads;
import org.cycleprop.model.LoadedModel;
import org.cycleprop.model.ModelFile;
import org.cycleprop.model.ModelInfo;
import org.cycleprop.model.StcnNetwork;
import org.cycleprop.util.Charts;
import org.cycleprop.util.Progress;
import org.cycleprop.util.UserException;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The training loop: sample a batch of slice triplets, run the forward path and (λ > 0) the backward cycle
 * path ({@link CycleTrainingStep}), back-propagate, Adam step. Writes a checkpoint every
 * {@code checkpointEvery} iterations into the run folder, from which {@code resume} continues, a CSV line of
 * every loss term per iteration, and at the end the model with its metadata and a PNG loss curve.
 *
 * <p>Resuming restores the weights, the iteration and Adam's moment estimates and step count
 * ({@code checkpoint.adam}); every batch is drawn from a random stream seeded by (seed, iteration). A resumed run
 * therefore repeats exactly what the uninterrupted run would have done.
 */
public final class Trainer {
    static final String CHECKPOINT = "checkpoint";
    static final String LOG = "log.csv";
    static final String OPTIMISER_STATE = "checkpoint.adam";
    // copy_iou_t: frame 0's mask taken as frame t's prediction, the baseline the network's iou_t has to beat;
    // with --frames T > 3 the "_2" columns are the last frame's, T − 1
    private static final String HEADER =
            "iteration,learning_rate,max_jump,loss_1,loss_2,loss_cycle,total,iou_1,iou_2,seconds,copy_iou_1,copy_iou_2";

    private final TrainingConfig config;

    public Trainer(TrainingConfig config) {
        this.config = config;
    }

    /** Runs (or resumes) the training and returns the description of the saved model. */
    public ModelInfo run(boolean resume, boolean force, Progress progress) {
        if (!force && Files.exists(ModelFile.jsonPath(config.out()))) {
            throw new UserException(ModelFile.jsonPath(config.out()) + " already exists (use --force to replace it)");
        }
        List<TrainingVolume> volumes = TrainingDataList.read(config.data()).load();
        int resolution = config.preset().workingSize();
        IntraOpThreads.use(IntraOpThreads.forTraining());
        try (NDManager manager = NDManager.newBaseManager()) {
            int start = 0;
            StcnNetwork network;
            Path checkpoint = config.runDir().resolve(CHECKPOINT);
            if (resume && Files.exists(ModelFile.jsonPath(checkpoint))) {
                LoadedModel loaded = ModelFile.load(checkpoint, config.preset(), manager);
                network = loaded.network();
                start = (int) loaded.info().iterations();
            } else if (resume) {
                throw new UserException(config.runDir() + ": no checkpoint to resume from");
            } else if (config.init() != null) {
                ai.djl.engine.Engine.getInstance().setRandomSeed((int) config.seed()); // a grown refiner's start
                network = ModelFile.loadGrown(config.init(), config.preset(), manager);
            } else {
                ai.djl.engine.Engine.getInstance().setRandomSeed((int) config.seed());
                network = StcnNetwork.create(config.preset(), manager);
            }
            prepareRunDir(resume && start > 0 ? start : -1);
            TripletSampler sampler = config.synthetic() ? null : new TripletSampler(volumes, resolution, config.seed(),
                    TripletSampler.Options.defaults().withEndProbability(config.endTriplets()).withFrames(config.frames())
                            .withFrameMotion(config.frameMotion()));
            SyntheticSequences synthetic = config.synthetic() ? new SyntheticSequences(volumes, resolution, config.seed()) : null;
            CurriculumSchedule curriculum = CurriculumSchedule.standard(config.iterations(), config.maxJump());
            BootstrappedCrossEntropy ce = new BootstrappedCrossEntropy((int) (0.2 * config.iterations()),
                    (int) (0.7 * config.iterations()));
            CycleTrainingStep step = new CycleTrainingStep(network, ce, config.cycleWeight(), config.diceWeight(),
                    config.locality());
            ParameterUpdate update = new ParameterUpdate(network, ParameterUpdate.PAPER_WEIGHT_DECAY);
            if (network.hasRefiner() && config.refinerLrScale() != 1f) {
                update.scaleRate(network, "refiner", config.refinerLrScale());
            }
            Path optimiserState = config.runDir().resolve(OPTIMISER_STATE);
            if (start > 0) {
                if (!Files.exists(optimiserState)) {
                    throw new UserException(optimiserState + ": missing; the checkpoint cannot be resumed exactly "
                            + "(start the run again without --resume)");
                }
                update.loadState(optimiserState);
                if (update.steps() != start) {
                    throw new UserException(optimiserState + ": holds the optimiser after " + update.steps()
                            + " steps but the checkpoint is from iteration " + start + " (start the run again)");
                }
            }
            try (BufferedWriter log = Files.newBufferedWriter(config.runDir().resolve(LOG), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
                if (start == 0) log.write(HEADER + "\n");
                for (int it = start; it < config.iterations(); it++) {
                    progress.checkCancelled();
                    long t0 = System.nanoTime();
                    int jump = curriculum.maxJumpAt(it);
                    long batchSeed = config.seed() * 1_000_003L + it;
                    if (sampler != null) sampler.reseed(batchSeed);
                    if (synthetic != null) synthetic.reseed(batchSeed);
                    Batch batch = synthetic != null ? synthetic.nextBatch(config.batch())
                            : sampler.nextBatch(config.batch(), jump);
                    StepLosses losses;
                    try (NDManager scope = manager.newSubManager();
                         GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                        TrainingBatch tb = TrainingBatch.fromArrays(scope, batch.size(), batch.frames(), resolution,
                                config.preset().imageChannels(), batch.images(), batch.masks(), batch.others(),
                                toBooleans(batch.hasOthers()));
                        losses = step.compute(tb, it);
                        collector.backward(losses.total());
                    }
                    float lr = config.learningRateAt(it);
                    update.apply(lr);
                    double seconds = (System.nanoTime() - t0) / 1e9;
                    int last = losses.lastFrame();
                    float copy2 = batch.copyIou(last);
                    log.write(String.format(Locale.ROOT, "%d,%.3g,%d,%.5f,%.5f,%.5f,%.5f,%.4f,%.4f,%.3f,%.4f,%.4f%n", it + 1,
                            lr, jump, losses.loss(1), losses.loss(last), losses.cycle(), losses.totalValue(), losses.iou(1),
                            losses.iou(last), seconds, batch.copyIou(1), copy2));
                    log.flush(); // a watcher (or a crash) sees every finished iteration
                    progress.update(it + 1, config.iterations(), String.format(Locale.ROOT,
                            "loss %.3f iou %.2f (copy %.2f) %.2fs/it", losses.totalValue(), losses.iou(last), copy2, seconds));
                    if ((it + 1) % config.checkpointEvery() == 0 && it + 1 < config.iterations()) {
                        update.saveState(optimiserState); // first: a checkpoint never outruns its optimiser state
                        ModelFile.save(checkpoint, network, info(it + 1), true);
                        if (config.keepCheckpoints()) ModelFile.save(keptCheckpoint(it + 1), network, info(it + 1), true);
                    }
                }
            } catch (IOException e) {
                throw new UserException(config.runDir().resolve(LOG) + ": cannot write the training log (" + e.getMessage() + ")");
            }
            writeLossCurve();
            ModelInfo saved = ModelFile.save(config.out(), network, info(config.iterations()), force);
            update.saveState(optimiserState);
            ModelFile.save(checkpoint, network, info(config.iterations()), true);
            return saved;
        }
    }

    /** Where {@code keepCheckpoints} keeps the checkpoint of iteration {@code iteration}: checkpoints/it-N in the run folder. */
    public Path keptCheckpoint(int iteration) {
        return config.runDir().resolve("checkpoints").resolve("it-" + iteration);
    }

    /**
     * Creates the run folder. A fresh run ({@code resumeFrom} &lt; 0) starts a new log; a resumed one keeps the
     * log's lines up to the checkpoint's iteration and drops those an interrupted run wrote after it, which the
     * resumed run is about to write again.
     */
    private void prepareRunDir(int resumeFrom) {
        try {
            Files.createDirectories(config.runDir());
            Path log = config.runDir().resolve(LOG);
            if (resumeFrom < 0) {
                Files.deleteIfExists(log);
            } else if (Files.exists(log)) {
                List<String> kept = new ArrayList<>();
                for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                    if (kept.isEmpty() || loggedIteration(line) <= resumeFrom) kept.add(line);
                }
                Files.write(log, kept, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UserException(config.runDir() + ": cannot create the run folder (" + e.getMessage() + ")");
        }
    }

    /** The iteration of a log line (its first field), or a huge number for a line that is not one. */
    private static long loggedIteration(String line) {
        int comma = line.indexOf(',');
        try {
            return Long.parseLong(comma < 0 ? line.trim() : line.substring(0, comma).trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    private ModelInfo info(int iterations) {
        Map<String, Object> normalisation = new LinkedHashMap<>();
        normalisation.put("method", "percentile clip per volume, scaled to [0, 1]");
        normalisation.put("low", org.cycleprop.propagation.IntensityNormaliser.LOW_PERCENTILE);
        normalisation.put("high", org.cycleprop.propagation.IntensityNormaliser.HIGH_PERCENTILE);
        Map<String, Object> training = new LinkedHashMap<>();
        training.put("data", config.data().toString());
        training.put("samples", config.synthetic() ? "synthetic sequences" : "labelled slice triplets");
        training.put("cycle_weight", config.cycleWeight());
        training.put("dice_weight", config.diceWeight());
        training.put("batch", config.batch());
        training.put("learning_rate", config.learningRate());
        training.put("lr_steps", config.lrSteps());
        training.put("max_jump", config.maxJump());
        if (config.endTriplets() > 0) training.put("end_triplets", config.endTriplets());
        if (config.frames() != Triplet.FRAMES) training.put("frames", config.frames());
        // a network trained with a locality prior propagates with it unless told otherwise
        Map<String, Object> inference = new LinkedHashMap<>();
        if (config.locality() > 0) {
            training.put(ModelInfo.LOCALITY_KEY, config.locality());
            inference.put(ModelInfo.LOCALITY_KEY, config.locality());
        }
        if (config.preset().hasRefiner() && config.refinerLrScale() != 1f) {
            training.put("refiner_lr_scale", config.refinerLrScale());
        }
        if (config.frameMotion() != 1) training.put("frame_motion", config.frameMotion());
        training.put("crop", config.preset().workingSize());
        training.put("init", config.init() == null ? "fresh" : config.init().toString());
        training.put("command", config.command());
        return ModelInfo.of(config.preset(), normalisation, training, inference, iterations, config.seed(), Map.of());
    }

    private static boolean[] toBooleans(float[] values) {
        boolean[] b = new boolean[values.length];
        for (int i = 0; i < b.length; i++) b[i] = values[i] > 0.5f;
        return b;
    }

    /** Loss curve of the whole log (smoothed over 50 iterations) as loss.png in the run folder. */
    void writeLossCurve() {
        Path log = config.runDir().resolve(LOG);
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            List<double[]> rows = new ArrayList<>();
            for (String line : lines) {
                if (line.startsWith("iteration")) continue;
                String[] f = line.split(",");
                rows.add(new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[3]), Double.parseDouble(f[4]),
                    Double.parseDouble(f[5]), Double.parseDouble(f[6])});
            }
            if (rows.isEmpty()) return;
            double[] x = new double[rows.size()];
            List<double[]> series = new ArrayList<>();
            for (int s = 1; s <= 4; s++) series.add(new double[rows.size()]);
            int window = 50;
            for (int i = 0; i < rows.size(); i++) {
                x[i] = rows.get(i)[0];
                for (int s = 1; s <= 4; s++) {
                    double sum = 0;
                    int n = 0;
                    for (int j = Math.max(0, i - window + 1); j <= i; j++) {
                        double v = rows.get(j)[s];
                        if (!Double.isNaN(v)) {
                            sum += v;
                            n++;
                        }
                    }
                    series.get(s - 1)[i] = n == 0 ? Double.NaN : sum / n;
                }
            }
            Charts.lineChart("training loss (mean of the last " + window + " iterations)", x,
                    List.of("loss frame 1", "loss frame 2", "cycle loss", "total"), series, "iteration",
                    config.runDir().resolve("loss.png"));
        } catch (IOException | RuntimeException e) {
            throw new UserException(log + ": cannot draw the loss curve (" + e.getMessage() + ")");
        }
    }
}
