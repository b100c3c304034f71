package org.cycleprop.cli;

import org.cycleprop.model.ModelInfo;
import org.cycleprop.model.Preset;
import org.cycleprop.training.Trainer;
import org.cycleprop.training.TrainingConfig;
import org.cycleprop.util.UserException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code cycleprop train}: train or fine-tune an STCN with or without the cycle-consistency loss. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train (or fine-tune with --init) an STCN propagation network on slice triplets of labelled "
                + "volumes, with the cycle-consistency loss of weight --cycle-weight (0 = standard training).",
            "Checkpoints, the loss log (log.csv) and the loss curve (loss.png) go to --run-dir; --resume continues "
                + "from its checkpoint. The model is written as OUT.json + OUT.params."})
public final class TrainCommand implements Callable<Integer> {
    @Option(names = "--preset", defaultValue = "small", description = "paper, small, small-refined or tiny (default: ${DEFAULT-VALUE}).")
    String preset;

    @Option(names = "--data", required = true, paramLabel = "LIST", description = "Training data list: lines "
            + "'IMAGE LABELS AXES [LABELS-TO-USE]', e.g. 'ch2.nii.gz aal.nii.gz xyz 1,3,5-9'.")
    Path data;

    @Option(names = "--synthetic", description = "Pre-train on synthetic moving regions cut from the data's images "
            + "(no labels used).")
    boolean synthetic;

    @Option(names = "--cycle-weight", defaultValue = "0.1", description = "λ of the cycle loss (default: "
            + "${DEFAULT-VALUE}, the paper's; 0 = no cycle).")
    float cycleWeight;

    @Option(names = "--dice-weight", defaultValue = "1", description = "Weight of an extra soft-Dice term; 0 = the "
            + "paper's bootstrapped cross-entropy alone (default: ${DEFAULT-VALUE}, as the shipped models).")
    float diceWeight;

    @Option(names = "--iterations", required = true, description = "Training iterations.")
    int iterations;

    @Option(names = "--batch", defaultValue = "4", description = "Triplets per iteration (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--lr", defaultValue = "5e-4", description = "Adam learning rate (default: ${DEFAULT-VALUE}, "
            + "as the shipped models).")
    float learningRate;

    @Option(names = "--lr-steps", defaultValue = "0.7", split = ",", description = "Fractions of the run after which "
            + "the learning rate drops ×0.1 (default: ${DEFAULT-VALUE}).")
    List<Double> lrSteps;

    @Option(names = "--max-jump", defaultValue = "5", description = "Largest slice gap of the curriculum "
            + "(default: ${DEFAULT-VALUE}).")
    int maxJump;

    @Option(names = "--end-triplets", defaultValue = "0", paramLabel = "P",
            description = "Share of triplets drawn at an end of the object and heading out of it, so that later "
                    + "frames may show no object and the network learns to stop (default: ${DEFAULT-VALUE}).")
    double endTriplets;

    @Option(names = "--frames", defaultValue = "3", paramLabel = "T",
            description = "Frames per training sample: 3 = the paper's triplets; more chains the propagation further, "
                    + "each frame segmented from the seed and the network's own earlier predictions, as over a whole "
                    + "volume (default: ${DEFAULT-VALUE}).")
    int frames;

    @Option(names = "--locality", defaultValue = "0", paramLabel = "SIGMA",
            description = "Train with a locality prior on the memory readout, in key-grid cells (16 network pixels): "
                    + "memory far from a position counts less, as adjacent slices move little; propagation with the "
                    + "model then uses the same prior unless told otherwise; measured on our data, no better than "
                    + "adding the prior at inference only (propagate --locality), with lower volumetric Dice "
                    + "(default: ${DEFAULT-VALUE} = none).")
    double locality;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--init", paramLabel = "M", description = "Start from this model (fine-tuning). A small model can start a "
            + "small-refined one: its weights are kept and the refiner added starts as the identity.")
    Path init;

    @Option(names = "--out", required = true, paramLabel = "OUT", description = "Model to write, e.g. models/ft-cycle.")
    Path out;

    @Option(names = "--run-dir", paramLabel = "DIR", description = "Checkpoints and logs (default: runs/NAME of --out).")
    Path runDir;

    @Option(names = "--checkpoint-every", defaultValue = "250", description = "Iterations between checkpoints "
            + "(default: ${DEFAULT-VALUE}).")
    int checkpointEvery;

    @Option(names = "--keep-checkpoints", description = "Also keep every checkpoint as a model of its own "
            + "(RUN-DIR/checkpoints/it-N.json + .params), to choose one afterwards on held-out structures.")
    boolean keepCheckpoints;

    @Option(names = "--resume", description = "Continue from the run folder's checkpoint.")
    boolean resume;

    @Option(names = "--refiner-lr-scale", defaultValue = "1", paramLabel = "FACTOR",
            description = "Learning rate of the small-refined preset's refiner relative to --lr, e.g. 10 when a "
                    + "refiner grown onto a trained small model (--init) is fine-tuned at a low rate; measured on our "
                    + "data, ×10 and ×100 gave the same validation accuracy as no refiner (default: ${DEFAULT-VALUE}).")
    float refinerLrScale;

    @Option(names = "--frame-motion", defaultValue = "1", paramLabel = "SCALE",
            description = "Scale of each frame's own small affine in labelled samples: 1 = STCN's per-frame motion "
                    + "(±3°, ±2 %% of the window), 0 = the frames stay registered, as slices of a volume are; "
                    + "measured on our data, 0 gave the same validation accuracy as 1 (default: ${DEFAULT-VALUE}).")
    double frameMotion;

    @Option(names = "--force", description = "Overwrite an existing model file.")
    boolean force;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (iterations < 1) throw new UserException("--iterations: at least 1, got " + iterations);
        if (batch < 1) throw new UserException("--batch: at least 1, got " + batch);
        if (!(cycleWeight >= 0)) throw new UserException("--cycle-weight: must be >= 0, got " + cycleWeight);
        if (!(learningRate > 0)) throw new UserException("--lr: must be > 0, got " + learningRate);
        if (checkpointEvery < 1) throw new UserException("--checkpoint-every: at least 1, got " + checkpointEvery);
        Path dir = runDir != null ? runDir : Path.of("runs", out.getFileName().toString());
        String command = "./cycleprop " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
        if (!(endTriplets >= 0 && endTriplets <= 1)) {
            throw new UserException("--end-triplets: a share in [0, 1], got " + endTriplets);
        }
        if (frames < 3) throw new UserException("--frames: at least 3, got " + frames);
        if (!(locality >= 0)) throw new UserException("--locality: must be >= 0 (0 = none), got " + locality);
        if (!(refinerLrScale > 0) || Float.isInfinite(refinerLrScale)) {
            throw new UserException("--refiner-lr-scale: must be > 0, got " + refinerLrScale);
        }
        if (!(frameMotion >= 0) || Double.isInfinite(frameMotion)) {
            throw new UserException("--frame-motion: must be >= 0, got " + frameMotion);
        }
        if (synthetic && frames != 3) throw new UserException("--frames: synthetic sequences have 3 frames, got " + frames);
        TrainingConfig config = new TrainingConfig(Preset.byName(preset), data, synthetic, cycleWeight, diceWeight,
                iterations, batch, learningRate, lrSteps, maxJump, endTriplets, frames, locality, seed, init, out, dir, checkpointEvery,
                keepCheckpoints, command, refinerLrScale, frameMotion);
        TerminalProgress progress = new TerminalProgress("train");
        ModelInfo info = new Trainer(config).run(resume, force, progress);
        progress.finish();
        System.out.println("wrote " + out + ".json / " + info.paramsFile() + " (" + info.parameterCount()
                + " parameters); log and loss curve in " + dir);
        return 0;
    }
}
