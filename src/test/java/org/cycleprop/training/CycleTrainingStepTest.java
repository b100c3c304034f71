package org.cycleprop.training;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.cycleprop.model.Preset;
import org.cycleprop.model.StcnNetwork;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CycleTrainingStepTest {
    private static final int R = 64;
    private static final int ITERATION = 0;
    private static final BootstrappedCrossEntropy CE = new BootstrappedCrossEntropy(100, 200);

    @Test
    void logitsOfTheThreeFramesAreClassMapsOfTheBatch() {
        try (NDManager manager = NDManager.newBaseManager()) {
            StcnNetwork net = StcnNetwork.create(Preset.TINY, manager);
            try (NDManager step = manager.newSubManager(); GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                TrainingBatch batch = Batches.discs(step, R, 1, true, false);
                Predictions p = new CycleTrainingStep(net, CE, 0.1f, 0).predict(batch);
                Shape expected = new Shape(2, 3, R, R);
                assertEquals(expected, p.logits(1).getShape());
                assertEquals(expected, p.logits(2).getShape());
                assertEquals(expected, p.logits0Cycle().getShape());
                assertNull(new CycleTrainingStep(net, CE, 0, 0).predict(batch).logits0Cycle());
            }
        }
    }

    @Test
    void longerSamplesChainTheirOwnPredictionsAndKeepThePapersLossScale() {
        try (NDManager manager = NDManager.newBaseManager()) {
            StcnNetwork net = StcnNetwork.create(Preset.TINY, manager);
            CycleTrainingStep cycle = new CycleTrainingStep(net, CE, 0.1f, 0);
            try (NDManager step = manager.newSubManager(); GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                TrainingBatch three = Batches.discs(step, 3, R, 1, true, false);
                TrainingBatch five = Batches.discs(step, 5, R, 1, true, false);
                StepLosses s3 = cycle.compute(three, ITERATION);
                StepLosses s5 = cycle.compute(five, ITERATION);
                assertEquals(4, s5.lastFrame());
                // frame t depends on frames 0 … t only: the first two predictions are the three-frame sample's
                assertEquals(s3.loss(1), s5.loss(1), 1e-5f);
                assertEquals(s3.loss(2), s5.loss(2), 1e-5f);
                float mean = (s5.loss(1) + s5.loss(2) + s5.loss(3) + s5.loss(4)) / 4;
                assertEquals(2 * mean + 0.1f * s5.cycle(), s5.totalValue(), 1e-5f);
                assertEquals(s5.totalValue(), s5.total().getFloat(), 1e-5f);
                Predictions p = cycle.predict(five);
                assertEquals(4, p.queries());
                for (int t = 1; t <= 4; t++) assertEquals(new Shape(2, 3, R, R), p.logits(t).getShape());
            }
        }
    }

    @Test
    void theCycleOfALongerSampleUsesTheIntermediatePredictionsButNotTheLastFrame() {
        int frames = 4;
        try (NDManager manager = NDManager.newBaseManager()) {
            StcnNetwork net = StcnNetwork.create(Preset.TINY, manager);
            CycleTrainingStep cycle = new CycleTrainingStep(net, CE, 0.1f, 0);
            try (NDManager step = manager.newSubManager(); GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                TrainingBatch batch = Batches.discs(step, frames, R, 1, true);
                float[] reference = cycle.predict(batch).logits0Cycle().toFloatArray();
                float[] lastChanged = cycle.predict(withFrameInverted(step, batch, 3)).logits0Cycle().toFloatArray();
                float[] secondChanged = cycle.predict(withFrameInverted(step, batch, 2)).logits0Cycle().toFloatArray();
                assertEquals(0, maxDifference(reference, lastChanged), 1e-5);
                assertTrue(maxDifference(reference, secondChanged) > 1e-3, "frame 2 does not reach the cycle");
            }
        }
    }

    /** The batch with the image of frame {@code t} replaced by its negative. */
    private static TrainingBatch withFrameInverted(NDManager m, TrainingBatch b, int t) {
        NDArray frames = b.frames().duplicate();
        frames.set(new ai.djl.ndarray.index.NDIndex(":, " + t), b.frame(t).neg());
        return new TrainingBatch(frames, b.masks(), b.others(), b.hasOthers());
    }

    private static double maxDifference(float[] a, float[] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i] - b[i]));
        return max;
    }

    @Test
    void anAbsentSecondObjectHasZeroProbability() {
        float absent = -30f; // logit of an absent object: probability ~1e-13
        try (NDManager manager = NDManager.newBaseManager()) {
            StcnNetwork net = StcnNetwork.create(Preset.TINY, manager);
            try (NDManager step = manager.newSubManager(); GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                Predictions p = new CycleTrainingStep(net, CE, 0.1f, 0).predict(Batches.discs(step, R, 1, true, false));
                for (NDArray logits : new NDArray[] {p.logits(1), p.logits(2), p.logits0Cycle()}) {
                    float[] without = logits.get("1, 2").toFloatArray();
                    for (float v : without) assertEquals(absent, v, 1e-3f);
                    float[] with = logits.get("0, 2").toFloatArray();
                    assertTrue(with[0] > absent + 1, "second object present: logit " + with[0]);
                }
            }
        }
    }

    @Test
    void aLocalityPriorReachesTheTrainingReadoutAndAWideOneChangesNothing() {
        try (NDManager manager = NDManager.newBaseManager()) {
            StcnNetwork net = StcnNetwork.create(Preset.TINY, manager);
            try (NDManager step = manager.newSubManager(); GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                TrainingBatch batch = Batches.discs(step, R, 1, true, false);
                float[] none = new CycleTrainingStep(net, CE, 0.1f, 0).predict(batch).logits(2).toFloatArray();
                float[] wide = new CycleTrainingStep(net, CE, 0.1f, 0, 1e6).predict(batch).logits(2).toFloatArray();
                float[] narrow = new CycleTrainingStep(net, CE, 0.1f, 0, 0.3).predict(batch).logits(2).toFloatArray();
                double wideDiff = 0;
                double narrowDiff = 0;
                for (int i = 0; i < none.length; i++) {
                    wideDiff = Math.max(wideDiff, Math.abs(wide[i] - none[i]));
                    narrowDiff = Math.max(narrowDiff, Math.abs(narrow[i] - none[i]));
                }
                assertTrue(wideDiff < 1e-4, "a prior of width 1e6 cells should change nothing, changed " + wideDiff);
                assertTrue(narrowDiff > 1e-3, "a prior of 0.3 cells should change the prediction, changed " + narrowDiff);
            }
        }
    }

    @Test
    void stepLossesAddUpWithTheCycleWeight() {
        try (NDManager manager = NDManager.newBaseManager()) {
            StcnNetwork net = StcnNetwork.create(Preset.TINY, manager);
            try (NDManager step = manager.newSubManager(); GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                TrainingBatch batch = Batches.discs(step, R, 1, true, false);
                StepLosses c = new CycleTrainingStep(net, CE, 0.1f, 0).compute(batch, ITERATION);
                assertEquals(c.loss(1) + c.loss(2) + 0.1f * c.cycle(), c.totalValue(), 1e-5f);
                assertEquals(c.totalValue(), c.total().getFloat(), 1e-6f);
                assertTrue(c.cycle() > 0 && c.iou(1) >= 0 && c.iou(1) <= 1 && c.iou(2) >= 0 && c.iou(2) <= 1);
                StepLosses s = new CycleTrainingStep(net, CE, 0, 0).compute(batch, ITERATION);
                assertFalse(s.hasCycle());
                assertEquals(s.loss(1) + s.loss(2), s.totalValue(), 1e-5f);
                // the same network, the same batch: the forward losses do not depend on λ
                assertEquals(c.loss(1), s.loss(1), 1e-5f);
                assertEquals(c.loss(2), s.loss(2), 1e-5f);
            }
        }
    }

    @Test
    void cycleTermContributesLambdaTimesItsGradientAndNothingWhenLambdaIsZero() {
        try (NDManager manager = NDManager.newBaseManager()) {
            StcnNetwork net = StcnNetwork.create(Preset.TINY, manager);
            ParameterUpdate update = new ParameterUpdate(net, 0);
            CycleTrainingStep standard = new CycleTrainingStep(net, CE, 0, 0);
            CycleTrainingStep cycle = new CycleTrainingStep(net, CE, 0.1f, 0);

            Map<String, float[]> withoutPath = gradients(net, update, manager, b -> standard.compute(b, ITERATION).total());
            Map<String, float[]> forwardOnly = gradients(net, update, manager, b -> {
                Predictions p = cycle.predict(b); // computes the backward path too, but leaves it out of the loss
                return cycle.frameLoss(p.logits(1), b, 1, ITERATION).add(cycle.frameLoss(p.logits(2), b, 2, ITERATION));
            });
            Map<String, float[]> cycleOnly = gradients(net, update, manager, b -> {
                Predictions p = cycle.predict(b);
                return cycle.frameLoss(p.logits0Cycle(), b, 0, ITERATION);
            });
            Map<String, float[]> withCycle = gradients(net, update, manager, b -> cycle.compute(b, ITERATION).total());

            double scale = Gradients.maxAbs(withoutPath);
            assertTrue(scale > 0);
            // λ = 0: skipping the backward path gives exactly the gradients of L1 + L2
            assertTrue(Gradients.maxDeviation(withoutPath, 0, null, forwardOnly) <= 1e-5 * scale);
            // λ = 0.1: gradients differ, by 0.1 × the cycle loss's own gradient
            assertTrue(Gradients.maxDeviation(withoutPath, 0, null, withCycle) > 1e-3 * scale);
            assertTrue(Gradients.maxDeviation(withoutPath, 0.1, cycleOnly, withCycle) <= 1e-4 * scale);
        }
    }

    @Test
    void cycleLossAloneReachesTheSharedEncodersAndDecoder() {
        try (NDManager manager = NDManager.newBaseManager()) {
            StcnNetwork net = StcnNetwork.create(Preset.TINY, manager);
            long parameters = net.trainableParameterCount();
            ParameterUpdate update = new ParameterUpdate(net, 0);
            // the update covers the network's one parameter set, and the step adds none
            assertEquals(parameters, update.parameters().stream().mapToLong(p -> p.getShape().size()).sum());
            CycleTrainingStep cycle = new CycleTrainingStep(net, CE, 0.1f, 0);
            Map<String, float[]> g = gradients(net, update, manager, b -> {
                Predictions p = cycle.predict(b);
                return cycle.frameLoss(p.logits0Cycle(), b, 0, ITERATION);
            });
            assertEquals(parameters, net.trainableParameterCount());
            for (String block : new String[] {"keyEncoder", "keyProjection", "keyCompression", "valueEncoder", "decoder"}) {
                assertTrue(Gradients.squaredNorm(g, block) > 0, block + " gets no gradient from the cycle loss");
            }
        }
    }

    @Test
    void aRefinerLearnsFromTheForwardAndTheCycleLossAndStartsAsTheIdentity() {
        Preset refined = Preset.TINY.withRefiner("tiny-refined", 8);
        try (NDManager manager = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(11);
            StcnNetwork plain = StcnNetwork.create(Preset.TINY, manager);
            Engine.getInstance().setRandomSeed(11);
            StcnNetwork net = StcnNetwork.create(refined, manager);
            assertTrue(net.hasRefiner());
            CycleTrainingStep cycle = new CycleTrainingStep(net, CE, 0.1f, 0.5f);
            try (NDManager step = manager.newSubManager(); GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                TrainingBatch batch = Batches.discs(step, R, 1, true, false);
                StepLosses a = new CycleTrainingStep(plain, CE, 0.1f, 0.5f).compute(batch, ITERATION);
                StepLosses b = cycle.compute(batch, ITERATION);
                assertEquals(a.totalValue(), b.totalValue(), 1e-6f, "a refiner at its start changes nothing");
            }
            ParameterUpdate update = new ParameterUpdate(net, 0);
            Map<String, float[]> forward = gradients(net, update, manager, b -> {
                Predictions p = cycle.predict(b);
                return cycle.frameLoss(p.logits(2), b, 2, ITERATION);
            });
            Map<String, float[]> backward = gradients(net, update, manager, b -> {
                Predictions p = cycle.predict(b);
                return cycle.frameLoss(p.logits0Cycle(), b, 0, ITERATION);
            });
            assertTrue(Gradients.squaredNorm(forward, "refiner") > 0, "the query loss does not reach the refiner");
            assertTrue(Gradients.squaredNorm(backward, "refiner") > 0, "the cycle loss does not reach the refiner");
        }
    }

    @Test
    void gradientsDoNotChangeWhenTheGarbageCollectorRunsBeforeTheBackwardPass() {
        try (NDManager manager = NDManager.newBaseManager()) {
            StcnNetwork net = StcnNetwork.create(Preset.TINY, manager);
            ParameterUpdate update = new ParameterUpdate(net, 0);
            CycleTrainingStep cycle = new CycleTrainingStep(net, CE, 0.1f, 0.5f);
            Map<String, float[]> reference = gradients(net, update, manager, b -> cycle.compute(b, ITERATION).total());
            for (int attempt = 0; attempt < 3; attempt++) {
                Map<String, float[]> collected = gradients(net, update, manager, b -> {
                    NDArray total = cycle.compute(b, ITERATION).total();
                    // frees Java buffers that native arrays may still point to, then reuses that memory
                    System.gc();
                    java.util.List<java.nio.ByteBuffer> churn = new java.util.ArrayList<>();
                    for (int i = 0; i < 5000; i++) churn.add(java.nio.ByteBuffer.allocateDirect(4).putFloat(0, Float.NaN));
                    return total;
                });
                assertTrue(Gradients.maxDeviation(reference, 0, null, collected) <= 1e-6 * Gradients.maxAbs(reference),
                        "gradients changed after a garbage collection (attempt " + attempt + ")");
            }
        }
    }

    /** Gradients of {@code loss} on a fresh two-sample batch; the network's gradients are zero afterwards. */
    private static Map<String, float[]> gradients(StcnNetwork net, ParameterUpdate update, NDManager manager,
            Function<TrainingBatch, NDArray> loss) {
        try (NDManager step = manager.newSubManager(); GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            gc.backward(loss.apply(Batches.discs(step, R, 1, true, false)));
            Map<String, float[]> g = Gradients.snapshot(net);
            update.zeroGradients();
            return g;
        }
    }
}
