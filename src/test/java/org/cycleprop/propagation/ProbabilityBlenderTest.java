package org.cycleprop.propagation;

import org.cycleprop.volume.LabelStack;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProbabilityBlenderTest {
    @Test
    void sliceIsLabelledOnceItsWeightsAddUpToOne() {
        LabelStack labels = new LabelStack(2, 1, 3);
        ProbabilityBlender b = new ProbabilityBlender(labels, 2, true);
        // pixel 0: run A says object 1 (0.8), run B says object 2 (0.9); weights 0.75 / 0.25 → object 1 wins:
        // obj1 = 0.75·0.8 + 0.25·0.05 = 0.6125, obj2 = 0.75·0.1 + 0.25·0.9 = 0.3
        b.add(1, new float[][] {{0.1f, 0.9f}, {0.8f, 0.05f}, {0.1f, 0.05f}}, 0.75);
        assertNull(labels.slice(1), "not final before the second run");
        assertFalse(b.isComplete());
        b.add(1, new float[][] {{0.05f, 0.9f}, {0.05f, 0.05f}, {0.9f, 0.05f}}, 0.25);
        assertTrue(b.isComplete());
        assertEquals(1, labels.get(1, 0));
        assertEquals(0, labels.get(1, 1));
        assertEquals(0.6125f, b.probabilities()[0][1][0], 1e-6f);
        assertEquals(0.3f, b.probabilities()[1][1][0], 1e-6f);
    }

    @Test
    void equalWeightsLetTheNearerSeedDecideOnlyThroughWeights() {
        LabelStack labels = new LabelStack(1, 1, 1);
        ProbabilityBlender b = new ProbabilityBlender(labels, 1, false);
        b.add(0, new float[][] {{0.4f}, {0.6f}}, 0.5);
        b.add(0, new float[][] {{0.7f}, {0.3f}}, 0.5); // mean: bg 0.55, object 0.45
        assertNull(labels.slice(0), "an all-background slice stays empty");
        assertNull(b.probabilities());
    }

    @Test
    void seedsKeepTheirLabels() {
        LabelStack labels = new LabelStack(3, 1, 2);
        ProbabilityBlender b = new ProbabilityBlender(labels, 2, true);
        short[] seed = {0, 2, 1};
        b.setSeed(0, seed);
        seed[0] = 2; // the blender keeps its own copy
        assertEquals(0, labels.get(0, 0));
        assertEquals(2, labels.get(0, 1));
        assertEquals(1f, b.probabilities()[1][0][1]);
    }
}
