package org.cycleprop.training;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import org.cycleprop.model.Preset;
import org.cycleprop.model.StcnNetwork;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParameterUpdateTest {
    private static final int R = 64;

    @Test
    void adamStepChangesParametersAndLeavesZeroGradients() {
        try (NDManager manager = NDManager.newBaseManager()) {
            StcnNetwork net = StcnNetwork.create(Preset.TINY, manager);
            ParameterUpdate update = new ParameterUpdate(net, ParameterUpdate.PAPER_WEIGHT_DECAY);
            CycleTrainingStep step = new CycleTrainingStep(net, new BootstrappedCrossEntropy(0, 10), 0.1f, 0);
            Parameter first = update.parameters().get(0);
            float[] before = first.getArray().toFloatArray();
            try (NDManager scope = manager.newSubManager(); GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                gc.backward(step.compute(Batches.discs(scope, R, 1, true, false), 0).total());
                assertTrue(Gradients.maxAbs(Gradients.snapshot(net)) > 0);
                update.apply(1e-3f);
            }
            assertEquals(0.0, Gradients.maxAbs(Gradients.snapshot(net)));
            float[] after = first.getArray().toFloatArray();
            // Adam's first step moves every weight with a non-zero gradient by about the learning rate
            double largest = 0;
            for (int i = 0; i < before.length; i++) largest = Math.max(largest, Math.abs(after[i] - before[i]));
            assertTrue(largest > 5e-4 && largest < 2e-3, "largest change " + largest);
        }
    }

    @Test
    void thirtyAdamStepsOverfitOneBatchWithoutLeakingArrays() {
        try (NDManager manager = NDManager.newBaseManager()) {
            StcnNetwork net = StcnNetwork.create(Preset.TINY, manager);
            ParameterUpdate update = new ParameterUpdate(net, 0);
            CycleTrainingStep step = new CycleTrainingStep(net, new BootstrappedCrossEntropy(1000, 2000), 0.1f, 0);
            float first = Float.NaN;
            float last = Float.NaN;
            int arraysAfterFirstStep = -1;
            for (int it = 0; it < 30; it++) {
                try (NDManager scope = manager.newSubManager(); GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    StepLosses losses = step.compute(Batches.discs(scope, R, 1, true, false), it);
                    gc.backward(losses.total());
                    update.apply(1e-3f);
                    last = losses.totalValue();
                    if (it == 0) first = last;
                }
                // Adam's moments are created at the first update; nothing else may stay behind
                int arrays = manager.getManagedArrays().size();
                if (it == 0) arraysAfterFirstStep = arrays;
                assertEquals(arraysAfterFirstStep, arrays, "arrays left in the model's manager after step " + it);
            }
            System.out.println("overfit: total loss " + first + " -> " + last);
            assertTrue(last < 0.6f * first, "loss " + first + " -> " + last);
        }
    }
}
