package org.cycleprop.cli;

import org.cycleprop.training.TrainingConfig;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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
    }
}
