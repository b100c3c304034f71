package org.cycleprop.model;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import org.cycleprop.util.UserException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MaskRefinerTest {
    private static final Preset TINY_REFINED = Preset.TINY.withRefiner("tiny-refined", 8);
    private static final int R = 64;

    @TempDir
    Path dir;

    private static ModelInfo info(Preset preset) {
        return ModelInfo.of(preset, Map.of("method", "percentile"), Map.of(), Map.of(), 10, 1, Map.of());
    }

    /** The block's single-step output (memory frame = the previous slice, its mask = the previous mask). */
    private static float[] output(StcnNetwork net, NDManager m, long seed) {
        try (NDManager step = m.newSubManager(); InferenceMode ignored = InferenceMode.enter()) {
            Engine.getInstance().setRandomSeed((int) seed);
            NDArray frame = step.randomUniform(0, 1, new Shape(1, 1, R, R));
            NDArray mask = step.randomUniform(0, 1, new Shape(1, 1, R, R)).gt(0.5f).toType(
                    ai.djl.ndarray.types.DataType.FLOAT32, false);
            NDArray query = step.randomUniform(0, 1, new Shape(1, 1, R, R));
            NDList inputs = new NDList(frame, mask, mask.zerosLike(), query);
            return net.forward(new ParameterStore(step, false), inputs, false).singletonOrThrow().toFloatArray();
        }
    }

    private static void randomiseLastConvolution(StcnNetwork net, NDManager m) {
        try (InferenceMode ignored = InferenceMode.enter()) {
            for (Parameter p : net.refiner().getParameters().values()) {
                if (p.getName().equals("weight") && p.getShape().get(0) == 1) {
                    NDArray r = m.randomNormal(0, 0.5f, p.getShape(), p.getArray().getDataType());
                    r.copyTo(p.getArray());
                }
            }
        }
    }

    @Test
    void aGrownModelPredictsExactlyWhatItsParentDid() {
        try (NDManager m = NDManager.newBaseManager()) {
            StcnNetwork parent = StcnNetwork.create(Preset.TINY, m);
            ModelFile.save(dir.resolve("parent"), parent, info(Preset.TINY), false);
            StcnNetwork grown = ModelFile.loadGrown(dir.resolve("parent"), TINY_REFINED, m);
            assertTrue(grown.hasRefiner());
            assertEquals(TINY_REFINED, grown.preset());
            long refinerParameters = 3 * 9 * 8 + 8 + 2 * (8 * 9 * 8 + 8) + 8 * 9 + 1;
            assertEquals(parent.trainableParameterCount() + refinerParameters, grown.trainableParameterCount());
            assertArrayEquals(output(parent, m, 3), output(grown, m, 3));
        }
    }

    @Test
    void onceTrainedTheRefinerChangesTheLogitsAndReadsThePreviousMask() {
        try (NDManager m = NDManager.newBaseManager()) {
            StcnNetwork net = StcnNetwork.create(TINY_REFINED, m);
            float[] before = output(net, m, 3);
            randomiseLastConvolution(net, m);
            float[] after = output(net, m, 3);
            assertTrue(maxDifference(before, after) > 1e-3, "the refiner does not change the logits");
            try (NDManager step = m.newSubManager(); InferenceMode ignored = InferenceMode.enter()) {
                NDArray logits = step.randomNormal(new Shape(2, 1, R, R));
                NDArray frame = step.randomUniform(0, 1, new Shape(1, 1, R, R));
                NDArray empty = step.zeros(new Shape(2, 1, R, R));
                NDArray full = step.ones(new Shape(2, 1, R, R));
                float[] withEmpty = net.refine(logits, empty, frame, false).toFloatArray();
                float[] withFull = net.refine(logits, full, frame, false).toFloatArray();
                assertEquals(2L * R * R, withEmpty.length);
                assertTrue(maxDifference(withEmpty, withFull) > 1e-3, "the previous mask does not reach the output");
            }
        }
    }

    @Test
    void aRefinedModelSavesAndLoadsAsItself() {
        try (NDManager m = NDManager.newBaseManager()) {
            StcnNetwork net = StcnNetwork.create(TINY_REFINED, m);
            randomiseLastConvolution(net, m);
            ModelFile.save(dir.resolve("refined"), net, info(TINY_REFINED), false);
            LoadedModel loaded = ModelFile.load(dir.resolve("refined"), m);
            assertEquals(TINY_REFINED, loaded.info().preset());
            assertArrayEquals(output(net, m, 4), output(loaded.network(), m, 4));
            // loading its own preset through loadGrown is a plain load, the trained refiner kept
            assertArrayEquals(output(net, m, 4), output(ModelFile.loadGrown(dir.resolve("refined"), TINY_REFINED, m), m, 4));
        }
    }

    @Test
    void presetsWithoutARefinerKeepTheirParameterLayout() {
        try (NDManager m = NDManager.newBaseManager()) {
            StcnNetwork plain = StcnNetwork.create(Preset.TINY, m);
            assertFalse(plain.hasRefiner());
            assertFalse(plain.getChildren().keys().stream().anyMatch(k -> k.contains("refiner")));
            try (NDManager step = m.newSubManager()) {
                NDArray logits = step.randomNormal(new Shape(1, 1, R, R));
                assertTrue(logits == plain.refine(logits, logits, logits, false), "no refiner: logits unchanged");
            }
            assertNotNull(Preset.byName("small-refined"));
            assertTrue(Preset.SMALL.growsInto(Preset.SMALL_REFINED));
            assertFalse(Preset.TINY.growsInto(Preset.SMALL_REFINED));
            assertFalse(Preset.SMALL_REFINED.growsInto(Preset.SMALL));
        }
    }

    @Test
    void aModelOfAnotherArchitectureIsNotGrown() {
        try (NDManager m = NDManager.newBaseManager()) {
            ModelFile.save(dir.resolve("tiny"), StcnNetwork.create(Preset.TINY, m), info(Preset.TINY), false);
            UserException e = assertThrows(UserException.class,
                    () -> ModelFile.loadGrown(dir.resolve("tiny"), Preset.SMALL_REFINED, m));
            assertTrue(e.getMessage().contains("not the requested preset 'small-refined'"), e.getMessage());
        }
    }

    private static double maxDifference(float[] a, float[] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i] - b[i]));
        return max;
    }
}
