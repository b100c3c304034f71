package org.cycleprop.cli;

import org.cycleprop.training.TrainingConfig;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CLI trains with the recipe of the shipped models unless told otherwise, as the Fiji command does. */
class TrainCommandDefaultsTest {
    @Test
    void defaultsAreTheShippedRecipe() {
        TrainCommand train = new TrainCommand();
        new CommandLine(train).parseArgs("--data", "list.txt", "--iterations", "10", "--out", "models/x");
        assertEquals(TrainingConfig.DEFAULT_DICE_WEIGHT, train.diceWeight);
        assertEquals(TrainingConfig.DEFAULT_LEARNING_RATE, train.learningRate);
        assertEquals(0.1f, train.cycleWeight);
        assertFalse(train.keepCheckpoints);
        assertEquals(1f, train.refinerLrScale);
        assertEquals(1.0, train.frameMotion);
    }

    @Test
    void badRefinerRateAndFrameMotionAreOneLineErrorsNamingTheFlag() {
        String[] common = {"train", "--data", "list.txt", "--iterations", "10", "--out", "models/x"};
        CliRun rate = CliRun.of(concat(common, "--refiner-lr-scale", "0"));
        assertEquals(2, rate.exitCode());
        assertTrue(rate.err().startsWith("error: --refiner-lr-scale: must be > 0, got 0.0"), rate.err());
        CliRun motion = CliRun.of(concat(common, "--frame-motion", "-0.5"));
        assertEquals(2, motion.exitCode());
        assertTrue(motion.err().startsWith("error: --frame-motion: must be >= 0, got -0.5"), motion.err());
        assertEquals(1, motion.err().strip().lines().count(), motion.err());
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
