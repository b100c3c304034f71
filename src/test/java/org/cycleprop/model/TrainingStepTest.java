package org.cycleprop.model;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Losses flow back into every parameter, and a few Adam steps on one example lower the loss. */
class TrainingStepTest {
    private static final int SIZE = 64;

    /** A bright square on a dark background, its left edge at {@code x0}; image and mask. */
    private static NDList square(NDManager m, int x0) {
        float[] image = new float[SIZE * SIZE];
        float[] mask = new float[SIZE * SIZE];
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                boolean inside = y >= 20 && y < 44 && x >= x0 && x < x0 + 24;
                image[y * SIZE + x] = (inside ? 0.8f : 0.2f) + 0.05f * (float) Math.sin(0.7 * x + 1.3 * y);
                mask[y * SIZE + x] = inside ? 1 : 0;
            }
        }
        Shape shape = new Shape(1, 1, SIZE, SIZE);
        return new NDList(m.create(image, shape), m.create(mask, shape));
    }

    /** Mean binary cross-entropy of logits x against targets t, in the numerically stable form. */
    private static NDArray bce(NDArray x, NDArray t) {
        return x.maximum(0).sub(x.mul(t)).add(x.abs().neg().exp().add(1).log()).mean();
    }

    private static List<Float> train(Preset preset, int steps) {
        List<Float> losses = new ArrayList<>();
        try (NDManager params = NDManager.newBaseManager(); NDManager data = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(11);
            StcnNetwork net = StcnNetwork.create(preset, params);
            Optimizer adam = Optimizer.adam().optLearningRateTracker(Tracker.fixed(3e-3f)).build();
            for (int step = 0; step < steps; step++) {
                try (NDManager m = data.newSubManager(); GradientCollector collector =
                        Engine.getInstance().newGradientCollector()) {
                    NDList memory = square(m, 16);
                    NDList query = square(m, 20);
                    NDArray memoryMask = memory.get(1);
                    NDList inputs = new NDList(memory.get(0), memoryMask, memoryMask.zerosLike(), query.get(0));
                    NDArray logits = net.forward(new ParameterStore(m, false), inputs, true).singletonOrThrow();
                    NDArray loss = bce(logits, query.get(1));
                    losses.add(loss.getFloat());
                    collector.backward(loss);
                    for (Pair<String, Parameter> p : net.getParameters()) {
                        Parameter parameter = p.getValue();
                        if (!parameter.requiresGradient()) continue;
                        NDArray weight = parameter.getArray();
                        try (NDArray grad = weight.getGradient()) {
                            if (step == 0) {
                                double norm = grad.square().sum().getFloat();
                                assertTrue(Double.isFinite(norm) && norm > 0, "no gradient reaches " + p.getKey());
                            }
                            adam.update(parameter.getId(), weight, grad);
                        }
                    }
                }
            }
        }
        return losses;
    }

    @Test
    void tinyGroupNormNetworkLearnsOneExample() {
        List<Float> losses = train(Preset.TINY, 6);
        assertEquals(6, losses.size());
        assertTrue(losses.get(5) < 0.9 * losses.get(0), "loss did not fall: " + losses);
    }

    @Test
    void batchNormVariantTrainsToo() {
        Preset batchNorm = new Preset("tiny-bn", 1, Preset.TINY.keyTrunk(), Preset.TINY.valueTrunk(), 16, 32, 16,
                List.of(32, 16, 16), 16, NormKind.BATCH, 0, 64, 20, 5, 0);
        List<Float> losses = train(batchNorm, 6);
        assertTrue(losses.get(5) < 0.9 * losses.get(0), "loss did not fall: " + losses);
    }
}
