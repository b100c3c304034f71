package org.cycleprop.propagation;

import ai.djl.ndarray.NDManager;
import org.cycleprop.model.ModelFile;
import org.cycleprop.model.ModelInfo;
import org.cycleprop.model.Preset;
import org.cycleprop.model.StcnNetwork;
import org.cycleprop.util.UserException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The locality prior a model file asks for is the default of its propagators; an explicit value wins. */
class WarmModelLocalityTest {
    @TempDir
    Path tmp;

    private Path save(String name, Map<String, Object> inference) {
        Path file = tmp.resolve(name);
        try (NDManager m = NDManager.newBaseManager()) {
            ModelFile.save(file, StcnNetwork.create(Preset.TINY, m), ModelInfo.of(Preset.TINY, Map.of(), Map.of(),
                    inference, 0, 1, Map.of()), false);
        }
        return file;
    }

    @Test
    void theModelsOwnLocalityIsTheDefaultAndAnExplicitOneWins() {
        Path local = save("local", Map.of(ModelInfo.LOCALITY_KEY, 1.5));
        Path plain = save("plain", Map.of());
        PropagationOptions defaults = PropagationOptions.defaults();
        assertEquals(PropagationOptions.MODEL_LOCALITY, defaults.localitySigma());
        assertEquals(1.5, WarmModel.get(local, "cpu").propagator(defaults).options().localitySigma());
        assertEquals(0, WarmModel.get(plain, "cpu").propagator(defaults).options().localitySigma());
        assertEquals(0, WarmModel.get(local, "cpu").propagator(defaults.withLocality(0)).options().localitySigma());
        assertEquals(2, WarmModel.get(plain, "cpu").propagator(defaults.withLocality(2)).options().localitySigma());
    }

    @Test
    void localityTextIsModelOrAWidth() {
        assertEquals(PropagationOptions.MODEL_LOCALITY, PropagationOptions.parseLocality("model"));
        assertEquals(PropagationOptions.MODEL_LOCALITY, PropagationOptions.parseLocality(" "));
        assertEquals(0, PropagationOptions.parseLocality("0"));
        assertEquals(1.25, PropagationOptions.parseLocality("1.25"));
        for (String bad : new String[] {"-1", "wide", "NaN", "Infinity"}) {
            UserException e = assertThrows(UserException.class, () -> PropagationOptions.parseLocality(bad));
            assertTrue(e.getMessage().startsWith("locality: '" + bad + "'"), e.getMessage());
        }
    }
}
