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
    void aScaledChildStepsByItsScaleAndTheRestAsBefore() {
        Preset refined = Preset.TINY.withRefiner("tiny-refined", 8);
        Map<String, float[]> plain = firstStepChanges(refined, 1f);
        Map<String, float[]> scaled = firstStepChanges(refined, 10f);
        int refinerParameters = 0;
        for (String name : plain.keySet()) {
            float[] a = plain.get(name);
            float[] b = scaled.get(name);
            boolean inRefiner = name.contains("refiner");
            if (inRefiner) refinerParameters++;
            for (int i = 0; i < a.length; i++) {
                float expected = inRefiner ? 10 * a[i] : a[i];
                assertEquals(expected, b[i], 1e-6f + 1e-3f * Math.abs(expected), name + "[" + i + "]");
            }
        }
        assertEquals(8, refinerParameters, "four convolutions, weight and bias each");
    }

    /** Change of every parameter in one Adam step (lr 1e-3) with the refiner's rate scaled by {@code scale}. */
    private static Map<String, float[]> firstStepChanges(Preset preset, float scale) {
        try (NDManager manager = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(21);
            StcnNetwork net = StcnNetwork.create(preset, manager);
            ParameterUpdate update = new ParameterUpdate(net, 0);
            int count = update.scaleRate(net, "refiner", scale);
            assertEquals(8, count);
            CycleTrainingStep step = new CycleTrainingStep(net, new BootstrappedCrossEntropy(0, 10), 0.1f, 0);
            Map<String, float[]> before = new java.util.LinkedHashMap<>();
            for (var p : net.getParameters()) before.put(p.getKey(), p.getValue().getArray().toFloatArray());
            Engine.getInstance().setRandomSeed(22);
            try (NDManager scope = manager.newSubManager(); GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                gc.backward(step.compute(Batches.discs(scope, R, 1, true, false), 0).total());
                update.apply(1e-3f);
            }
            Map<String, float[]> change = new java.util.LinkedHashMap<>();
            for (var p : net.getParameters()) {
                float[] a = before.get(p.getKey());
                float[] b = p.getValue().getArray().toFloatArray();
                for (int i = 0; i < a.length; i++) b[i] -= a[i];
                change.put(p.getKey(), b);
            }
            return change;
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
