package org.cycleprop.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Propagation runs hundreds of steps: a step must leave no array behind in the parameters' manager nor in a
 * long-lived memory bank; everything it makes belongs to the step's own sub-manager.
 */
class ManagerHygieneTest {
    @Test
    void aPropagationStepOnlyCreatesArraysInItsOwnManager() {
        try (NDManager params = NDManager.newBaseManager(); NDManager bank = NDManager.newBaseManager();
             NDManager volume = NDManager.newBaseManager(); InferenceMode ignored = InferenceMode.enter()) {
            StcnNetwork net = StcnNetwork.create(Preset.TINY, params);
            NDArray memKeys = bank.randomNormal(new Shape(1, 16, 2 * 16));
            NDArray memValues = bank.randomNormal(new Shape(2, 32, 2 * 16));
            int paramArrays = -1; // counted after the first step, which may make the network's per-size constants
            int bankArrays = bank.getManagedArrays().size();
            int volumeArrays = volume.getManagedArrays().size();
            for (int slice = 0; slice < 3; slice++) {
                try (NDManager step = volume.newSubManager()) {
                    NDArray frame = step.randomUniform(0, 1, new Shape(1, 1, 64, 64));
                    KeyFeatures query = net.encodeKey(frame, false);
                    NDArray logits = net.segment(query, memKeys, memValues, 20, false);
                    NDArray probs = logits.getNDArrayInternal().sigmoid();
                    NDArray aggregated = StcnNetwork.aggregate(probs);
                    NDArray objects = aggregated.get("1:");
                    NDArray value = net.encodeValue(frame, query.f16(), objects, StcnNetwork.others(objects), false);
                    assertEquals(new Shape(2, 32, 4, 4), value.getShape());
                }
                if (slice == 0) paramArrays = params.getManagedArrays().size();
            }
            assertEquals(paramArrays, params.getManagedArrays().size(), "arrays left in the parameters' manager");
            assertEquals(bankArrays, bank.getManagedArrays().size(), "arrays left in the memory bank's manager");
            assertEquals(volumeArrays, volume.getManagedArrays().size(), "arrays left after the steps closed");
        }
    }
}
