package org.cycleprop.training;

import org.cycleprop.model.Preset;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything a training run depends on.
 *
 * @param preset          architecture (and working resolution = training crop size)
 * @param data            training data list (see {@link TrainingDataList})
 * @param synthetic       sample synthetic sequences from the data's images instead of labelled triplets
 *                        (pre-training without labels)
 * @param cycleWeight     λ of the cycle-consistency term; 0 = standard training
 * @param diceWeight      weight of the optional soft-Dice term (0 = the paper's loss only)
 * @param iterations      total iterations of the run
 * @param batch           triplets per iteration
 * @param learningRate    initial Adam learning rate
 * @param lrSteps         fractions of the run after which the learning rate is multiplied by 0.1
 * @param maxJump         largest slice gap the curriculum reaches
 * @param endTriplets     share of triplets drawn at an end of the object, heading out of it (the later frames may
 *                        show no object: the network learns to stop); 0 = none
 * @param frames          frames per training sample: 3 (the paper's triplets) or more, so that the network
 *                        segments slices from its own earlier predictions as in whole-volume propagation
 * @param locality        width, in key-grid cells, of the readout's locality prior during training (the network learns
 *                        with it and propagation uses the same by default, see {@code MemoryReadout}); 0 = none
 * @param seed            seed of the sampler and the parameter initialisation
 * @param init            model to start from (fine-tuning), or null for a fresh network
 * @param out             model file to write at the end (NAME → NAME.json + NAME.params)
 * @param runDir          folder for checkpoints, the loss log and the loss curve
 * @param checkpointEvery iterations between checkpoints
 * @param keepCheckpoints also keep every checkpoint as a model of its own, {@code runDir/checkpoints/it-N}, so that
 *                        one can be chosen afterwards on held-out data (the resume checkpoint is always the latest)
 * @param command         the command line, recorded in the model's metadata
 * @param refinerLrScale  learning rate of the preset's {@link org.cycleprop.model.MaskRefiner} relative to the rest:
 *                        a refiner grown onto a trained model starts from nothing while the rest only needs a
 *                        fine-tuning rate (1 = the same rate)
 */
public record TrainingConfig(Preset preset, Path data, boolean synthetic, float cycleWeight, float diceWeight,
                             int iterations, int batch, float learningRate, List<Double> lrSteps, int maxJump,
                             double endTriplets, int frames, double locality, long seed, Path init, Path out, Path runDir, int checkpointEvery,
                             boolean keepCheckpoints, String command, float refinerLrScale,
                             double frameMotion) {

    /**
     * Soft-Dice weight and learning rate of the recipe the shipped models were trained with, the defaults of the
     * CLI and the Fiji command: with the paper's cross-entropy alone (weight 0) runs of a few thousand iterations on
     * small structures first learn to answer "background" everywhere.
     */
    public static final float DEFAULT_DICE_WEIGHT = 1f;
    public static final float DEFAULT_LEARNING_RATE = 5e-4f;

    /** A configuration whose refiner, if any, learns at the same rate as the rest. */
    public TrainingConfig(Preset preset, Path data, boolean synthetic, float cycleWeight, float diceWeight,
                          int iterations, int batch, float learningRate, List<Double> lrSteps, int maxJump,
                          double endTriplets, int frames, double locality, long seed, Path init, Path out, Path runDir,
                          int checkpointEvery, boolean keepCheckpoints, String command) {
        this(preset, data, synthetic, cycleWeight, diceWeight, iterations, batch, learningRate, lrSteps, maxJump,
                endTriplets, frames, locality, seed, init, out, runDir, checkpointEvery, keepCheckpoints, command, 1f, 1);
    }

    public TrainingConfig {
        Triplet.checkFrameCount(frames);
        if (!(refinerLrScale > 0) || Float.isInfinite(refinerLrScale)) {
            throw new IllegalArgumentException("the refiner's learning-rate scale must be positive, got " + refinerLrScale);
        }
        if (!(frameMotion >= 0) || Double.isInfinite(frameMotion)) {
            throw new IllegalArgumentException("the frame motion scale must be >= 0, got " + frameMotion);
        }
        if (synthetic && frames != Triplet.FRAMES) {
            throw new IllegalArgumentException("synthetic sequences have " + Triplet.FRAMES + " frames, not " + frames);
        }
        if (!(locality >= 0)) throw new IllegalArgumentException("locality must be >= 0 (0 = none), got " + locality);
        if (!(endTriplets >= 0 && endTriplets <= 1)) {
            throw new IllegalArgumentException("the share of end triplets must be in [0, 1], got " + endTriplets);
        }
    }

    /** Learning rate at {@code iteration}: the initial rate, ×0.1 after each step fraction. */
    public float learningRateAt(int iteration) {
        float lr = learningRate;
        for (double f : lrSteps) if (iteration >= f * iterations) lr *= 0.1f;
        return lr;
    }
}
