package org.cycleprop.model;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BundledModelTest {
    @Test
    void theJarCarriesTheModelThatModelsDefaultNames() throws Exception {
        String named = Files.readString(Path.of("models/DEFAULT")).trim().replaceFirst("\\.json$", "");
        assertTrue(BundledModel.available(), "no bundled model: is <cycleprop.defaultModel> in pom.xml a model of models/?");
        assertEquals(named, BundledModel.name(), "pom.xml bundles another model than models/DEFAULT names");
    }

    @Test
    void theExtractedFilesAreTheShippedOnesAndLoad() throws Exception {
        Path json = BundledModel.path();
        String name = BundledModel.name();
        assertEquals(name + ".json", json.getFileName().toString());
        assertEquals(-1L, Files.mismatch(json, Path.of("models", name + ".json")));
        assertEquals(-1L, Files.mismatch(json.resolveSibling(name + ".params"), Path.of("models", name + ".params")));
        assertEquals(json, BundledModel.path(), "extracted once per session");
        ModelInfo info = ModelFile.readInfo(json);
        assertEquals("small", info.presetName());
    }
}
