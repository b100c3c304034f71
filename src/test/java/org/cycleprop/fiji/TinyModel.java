package org.cycleprop.fiji;

import ai.djl.ndarray.NDManager;
import org.cycleprop.model.ModelFile;
import org.cycleprop.model.ModelInfo;
import org.cycleprop.model.Preset;
import org.cycleprop.model.StcnNetwork;

import java.nio.file.Path;
import java.util.Map;

/** An untrained network of the tiny preset saved as a model file (deterministic weights): enough to compare paths. */
final class TinyModel {
    private TinyModel() {
    }

    /** Writes {@code dir/tiny.json} + {@code tiny.params} and returns the model's path (without .json). */
    static Path write(Path dir) {
        Path model = dir.resolve("tiny");
        try (NDManager m = NDManager.newBaseManager()) {
            ai.djl.engine.Engine.getInstance().setRandomSeed(3);
            ModelFile.save(model, StcnNetwork.create(Preset.TINY, m),
                    ModelInfo.of(Preset.TINY, Map.of(), Map.of(), Map.of(), 0, 1, Map.of()), false);
        }
        return model;
    }
}
