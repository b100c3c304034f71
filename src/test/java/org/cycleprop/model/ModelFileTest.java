package org.cycleprop.model;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.cycleprop.util.UserException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelFileTest {
    private static final Preset TINY_BN = new Preset("tiny-bn", 1, Preset.TINY.keyTrunk(), Preset.TINY.valueTrunk(),
            16, 32, 16, List.of(32, 16, 16), 16, NormKind.BATCH, 0, 64, 20, 5, 0);

    @TempDir
    Path dir;

    private static ModelInfo info(Preset preset) {
        return ModelInfo.of(preset, Map.of("method", "percentile", "low", 0.5, "high", 99.5),
                Map.of("loss", "cycle", "steps", 1200L, "lr", 1e-4), Map.of("locality", 1.5), 1200, 42, Map.of("dice", 0.75));
    }

    /** Saves a fresh network of {@code preset} as {@code dir/name}. */
    private void saveFresh(Preset preset, String name) {
        try (NDManager m = NDManager.newBaseManager()) {
            ModelFile.save(dir.resolve(name), StcnNetwork.create(preset, m), info(preset), false);
        }
    }

    private static float[] output(StcnNetwork net, NDManager m) {
        try (NDManager step = m.newSubManager(); InferenceMode ignored = InferenceMode.enter()) {
            Engine.getInstance().setRandomSeed(5);
            NDArray frame = step.randomUniform(0, 1, new Shape(1, 1, 64, 64));
            NDArray mask = step.randomUniform(0, 1, new Shape(1, 1, 64, 64));
            NDArray query = step.randomUniform(0, 1, new Shape(1, 1, 64, 64));
            NDList inputs = new NDList(frame, mask, mask.zerosLike(), query);
            return net.forward(new ParameterStore(step, false), inputs, false).singletonOrThrow().toFloatArray();
        }
    }

    @Test
    void saveThenLoadGivesBitIdenticalOutputsAndTheSameDescription() throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            StcnNetwork net = StcnNetwork.create(TINY_BN, m);
            // one training-mode pass moves the batch-norm running statistics away from their initial values
            try (NDManager step = m.newSubManager()) {
                net.forward(new ParameterStore(step, false), new NDList(step.randomUniform(0, 1, new Shape(2, 1, 64, 64)),
                        step.ones(new Shape(2, 1, 64, 64)), step.zeros(new Shape(2, 1, 64, 64)),
                        step.randomUniform(0, 1, new Shape(2, 1, 64, 64))), true);
            }
            ModelInfo written = ModelFile.save(dir.resolve("model.json"), net, info(TINY_BN), false);
            Path params = dir.resolve("model.params");
            assertEquals("model.params", written.paramsFile());
            assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(params))),
                    written.paramsSha256());
            assertEquals(net.trainableParameterCount(), written.parameterCount());

            LoadedModel loaded = ModelFile.load(dir.resolve("model"), m);
            assertArrayEquals(output(net, m), output(loaded.network(), m), "outputs after loading");
            ModelInfo read = loaded.info();
            assertEquals(written, read);
            assertEquals(TINY_BN, read.preset());
            assertEquals(1200L, read.training().get("steps"));
            assertEquals(99.5, read.normalisation().get("high"));
            assertEquals(0.75, read.scores().get("dice"));
            assertEquals(1.5, read.defaultLocality());
            for (Pair<String, Parameter> p : loaded.network().getParameters()) {
                assertEquals(p.getValue().requiresGradient(), p.getValue().getArray().hasGradient(),
                        "loaded " + p.getKey() + " must be trainable exactly when its original is");
            }
        }
    }

    @Test
    void existingFilesAreOnlyReplacedWithForce() {
        saveFresh(Preset.TINY, "tiny");
        try (NDManager m = NDManager.newBaseManager()) {
            StcnNetwork net = StcnNetwork.create(Preset.TINY, m);
            UserException e = assertThrows(UserException.class,
                    () -> ModelFile.save(dir.resolve("tiny"), net, info(Preset.TINY), false));
            assertEquals(dir.resolve("tiny.params") + " already exists; refusing to overwrite it without force",
                    e.getMessage());
            ModelFile.save(dir.resolve("tiny"), net, info(Preset.TINY), true);
        }
        try (var files = Files.list(dir)) {
            assertEquals(List.of("tiny.json", "tiny.params"), files.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no temporary files are left");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void missingFilesAreNamed() throws IOException {
        try (NDManager m = NDManager.newBaseManager()) {
            UserException noJson = assertThrows(UserException.class, () -> ModelFile.load(dir.resolve("none"), m));
            assertEquals("model description " + dir.resolve("none.json") + " not found", noJson.getMessage());
            saveFresh(Preset.TINY, "tiny");
            Files.delete(dir.resolve("tiny.params"));
            UserException noParams = assertThrows(UserException.class, () -> ModelFile.load(dir.resolve("tiny.json"), m));
            assertEquals("model weights " + dir.resolve("tiny.params") + " not found", noParams.getMessage());
        }
    }

    @Test
    void truncatedWeightsAreDetected() throws IOException {
        saveFresh(Preset.TINY, "tiny");
        Path params = dir.resolve("tiny.params");
        try (FileChannel channel = FileChannel.open(params, StandardOpenOption.WRITE)) {
            channel.truncate(channel.size() - 100);
        }
        try (NDManager m = NDManager.newBaseManager()) {
            UserException e = assertThrows(UserException.class, () -> ModelFile.load(params, m));
            assertEquals(params + " is corrupt or truncated: SHA-256 differs from the one recorded in tiny.json",
                    e.getMessage());
        }
    }

    @Test
    void aDifferentRequestedPresetIsRefused() {
        saveFresh(Preset.TINY, "tiny");
        try (NDManager m = NDManager.newBaseManager()) {
            UserException e = assertThrows(UserException.class, () -> ModelFile.load(dir.resolve("tiny"), Preset.SMALL, m));
            assertEquals(dir.resolve("tiny.json") + " describes preset 'tiny', not the requested preset 'small' (name: tiny"
                    + " vs small)", e.getMessage());
            assertEquals(Preset.TINY, ModelFile.load(dir.resolve("tiny"), Preset.TINY, m).network().preset());
        }
    }

    /** Rewrites one integer field of the preset inside {@code NAME.json}; the weights stay untouched. */
    private void editPreset(String name, String field, int value, String nested) throws IOException {
        Path json = dir.resolve(name + ".json");
        JsonObject root = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
        JsonObject target = root.getAsJsonObject("preset");
        if (nested != null) target = target.getAsJsonObject(nested);
        target.addProperty(field, value);
        Files.writeString(json, root.toString(), StandardCharsets.UTF_8);
    }

    @Test
    void aParameterOfTheWrongShapeIsNamedWithBothShapes() throws IOException {
        saveFresh(Preset.TINY, "tiny");
        editPreset("tiny", "keyChannels", 24, null);
        try (NDManager m = NDManager.newBaseManager()) {
            UserException e = assertThrows(UserException.class, () -> ModelFile.load(dir.resolve("tiny"), m));
            assertEquals(dir.resolve("tiny.params") + " does not fit preset 'tiny': parameter"
                    + " 02keyProjection_01conv_weight has shape (16, 16, 3, 3) in the file but (24, 16, 3, 3) in the"
                    + " architecture", e.getMessage());
        }
    }

    @Test
    void weightsOfADifferentStructureDoNotLoad() throws IOException {
        saveFresh(Preset.TINY, "tiny");
        editPreset("tiny", "stemWidth", 4, "valueTrunk");
        try (NDManager m = NDManager.newBaseManager()) {
            UserException e = assertThrows(UserException.class, () -> ModelFile.load(dir.resolve("tiny"), m));
            assertTrue(e.getMessage().startsWith(dir.resolve("tiny.params") + " does not fit preset 'tiny': "),
                    e.getMessage());
        }
    }

    @Test
    void aDescriptionThatIsNotOursIsRefused() throws IOException {
        Files.writeString(dir.resolve("other.json"), "{\"format\": \"something-else\"}");
        UserException e = assertThrows(UserException.class, () -> ModelFile.readInfo(dir.resolve("other")));
        assertTrue(e.getMessage().startsWith(dir.resolve("other.json") + " is not a CycleProp model description"),
                e.getMessage());
        Files.writeString(dir.resolve("broken.json"), "{ not json");
        UserException broken = assertThrows(UserException.class, () -> ModelFile.readInfo(dir.resolve("broken")));
        assertTrue(broken.getMessage().startsWith(dir.resolve("broken.json") + " is not a CycleProp model description"),
                broken.getMessage());
    }

    @Test
    void fileNamesResolveToOneBase() {
        Path base = Path.of("models", "small-ct");
        assertEquals(base, ModelFile.base(Path.of("models", "small-ct.json")));
        assertEquals(base, ModelFile.base(Path.of("models", "small-ct.params")));
        assertEquals(base, ModelFile.base(base));
        assertEquals(Path.of("models", "small-ct.params"), ModelFile.paramsPath(Path.of("models", "small-ct.json")));
        assertEquals(Path.of("models", "small-ct.json"), ModelFile.jsonPath(base));
    }
}
