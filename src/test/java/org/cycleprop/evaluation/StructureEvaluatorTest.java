package org.cycleprop.evaluation;

import java.util.List;

import org.cycleprop.volume.LabelStack;
import org.junit.jupiter.api.Test;

import static org.cycleprop.evaluation.Masks.rectangle;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StructureEvaluatorTest {
    private static final double EPS = 1e-12;
    private static final int W = 20;
    private static final int H = 20;

    @Test
    void slicesWithTenOrFewerTruthPixelsAreNotScored() {
        // slice 0: truth 10 px (2x5), prediction empty -> skipped (would give J = 0, F = 0).
        // slice 1: truth 12 px (3x4), prediction identical -> J = 1, F = 1.
        // slice 2: nothing anywhere -> skipped.
        boolean[][] truth = {rectangle(W, H, 2, 2, 3, 6), rectangle(W, H, 5, 5, 7, 8), new boolean[W * H]};
        boolean[][] prediction = {new boolean[W * H], rectangle(W, H, 5, 5, 7, 8), new boolean[W * H]};
        StructureScore s = StructureEvaluator.evaluate(W, H, 3, z -> truth[z], z -> prediction[z]);
        assertEquals(1, s.evaluatedSlices());
        assertEquals(1.0, s.j(), EPS);
        assertEquals(1.0, s.f(), EPS);
        assertEquals(1.0, s.jf(), EPS);
        assertTrue(Double.isNaN(s.perSliceJ()[0]) && Double.isNaN(s.perSliceF()[0]));
        assertTrue(Double.isNaN(s.perSliceJ()[2]));
        // DSC over the volume: |P| = 12, |G| = 10 + 12 = 22, |P∩G| = 12 -> 24 / 34
        assertEquals(24.0 / 34.0, s.dsc(), EPS);
    }

    @Test
    void elevenTruthPixelsAreScored() {
        // truth 11 px (1x11 column), prediction its first 5 pixels: J = 5/11.
        boolean[] truth = rectangle(W, H, 4, 2, 4, 12);
        boolean[] prediction = rectangle(W, H, 4, 2, 4, 6);
        StructureScore s = StructureEvaluator.evaluate(W, H, 1, z -> truth, z -> prediction);
        assertEquals(1, s.evaluatedSlices());
        assertEquals(5.0 / 11.0, s.j(), EPS);
        assertEquals(5.0 / 11.0, s.perSliceJ()[0], EPS);
        // DSC = 2*5 / (5 + 11)
        assertEquals(10.0 / 16.0, s.dsc(), EPS);
    }

    @Test
    void falsePositivesOnSlicesWithoutTruthLowerOnlyTheDice() {
        // truth: 4x4 square on slice 1 of 3; prediction: the same square on all three slices.
        // J and F are scored on slice 1 only (1 and 1); DSC = 2*16 / (48 + 16) = 0.5.
        boolean[] square = rectangle(W, H, 3, 3, 6, 6);
        StructureScore s = StructureEvaluator.evaluate(W, H, 3, z -> z == 1 ? square : new boolean[W * H],
                z -> square);
        assertEquals(1.0, s.j(), EPS);
        assertEquals(1.0, s.f(), EPS);
        assertEquals(0.5, s.dsc(), EPS);
        // two of the three predicted squares lie on slices without truth
        assertEquals(2.0 / 3, s.predictedBeyondEnds(), EPS);
        assertArrayEquals(new long[] {0, 16, 0}, s.perSliceTruth());
        assertArrayEquals(new long[] {16, 16, 16}, s.perSlicePredicted());
    }

    @Test
    void perStructureMeansAverageTheScoredSlices() {
        // slice 0: truth 4x4 at (2..5), prediction 4x4 at (4..7) columns: overlap 2x4 = 8, union 24 -> J = 1/3.
        // slice 1: identical 4x4 squares -> J = 1.  Mean J = (1/3 + 1) / 2 = 2/3.
        // 20x20 -> radius 1 (0.008 * 28.3 = 0.23), disk = the pixel and its 4 neighbours.
        // Slice 0 boundary rings: truth (1..5)x(1..5) = rows v=1,5 for u=1..5 (10 px) + columns u=1,5 for
        // v=2..4 (6 px) = 16 px; prediction (3..7)x(1..5), also 16 px.
        // Truth pixels with a predicted pixel within 1: rows u=2..5 (u=2 next to u=3) -> 8; column u=1 -> 0;
        // column u=5: v=2 and v=4 are next to the predicted row pixels (5,1) and (5,5), v=3 is 2 away -> 2.
        // R = 10/16; by symmetry P = 10/16, so F = 0.625. Slice 1: F = 1.
        // Mean F = (0.625 + 1) / 2 = 0.8125; J&F = (2/3 + 0.8125) / 2.
        boolean[][] truth = {rectangle(W, H, 2, 2, 5, 5), rectangle(W, H, 2, 2, 5, 5)};
        boolean[][] prediction = {rectangle(W, H, 4, 2, 7, 5), rectangle(W, H, 2, 2, 5, 5)};
        StructureScore s = StructureEvaluator.evaluate(W, H, 2, z -> truth[z], z -> prediction[z]);
        assertEquals(1.0 / 3.0, s.perSliceJ()[0], EPS);
        assertEquals(0.625, s.perSliceF()[0], EPS);
        assertEquals(2.0 / 3.0, s.j(), EPS);
        assertEquals(0.8125, s.f(), EPS);
        assertEquals((2.0 / 3.0 + 0.8125) / 2, s.jf(), EPS);
        // DSC: |P| = |G| = 32, |P∩G| = 8 + 16 = 24 -> 48 / 64
        assertEquals(0.75, s.dsc(), EPS);
    }

    @Test
    void labelStacksAreScoredPerLabelWithUnsetSlicesEmpty() {
        // truth label 3 = 4x4 square on slices 0 and 1 (slice 2 unset); other labels must be ignored.
        // prediction label 1 = the square shifted by 2 columns on slice 0 (J = 8/24 = 1/3), nothing on slice 1
        // (J = 0, F = 0 since the predicted boundary is empty), and the square on slice 2 (16 false positives).
        LabelStack truth = new LabelStack(W, H, 3);
        LabelStack prediction = new LabelStack(W, H, 3);
        paint(truth.sliceForWriting(0), rectangle(W, H, 2, 2, 5, 5), 3);
        paint(truth.sliceForWriting(0), rectangle(W, H, 10, 10, 15, 15), 2);
        paint(truth.sliceForWriting(1), rectangle(W, H, 2, 2, 5, 5), 3);
        paint(prediction.sliceForWriting(0), rectangle(W, H, 4, 2, 7, 5), 1);
        paint(prediction.sliceForWriting(0), rectangle(W, H, 2, 10, 5, 15), 2);
        paint(prediction.sliceForWriting(2), rectangle(W, H, 2, 2, 5, 5), 1);
        StructureScore s = StructureEvaluator.evaluate(truth, 3, prediction, 1);
        assertEquals(2, s.evaluatedSlices());
        assertEquals((1.0 / 3.0 + 0.0) / 2, s.j(), EPS);
        assertEquals((0.625 + 0.0) / 2, s.f(), EPS); // slice 0 as in perStructureMeansAverageTheScoredSlices
        // DSC: |P| = 16 + 16 = 32, |G| = 32, |P∩G| = 8 -> 16 / 64
        assertEquals(0.25, s.dsc(), EPS);
        assertTrue(Double.isNaN(s.perSliceJ()[2]));
    }

    private static void paint(short[] labels, boolean[] mask, int label) {
        for (int i = 0; i < mask.length; i++) if (mask[i]) labels[i] = (short) label;
    }

    @Test
    void meanScoreAveragesStructuresAndSkipsUnscoredOnesForJAndF() {
        StructureScore a = new StructureScore(0.2, 0.4, 0.3, 0.5, 3, new double[0], new double[0]);
        StructureScore b = new StructureScore(0.6, 0.8, 0.7, 0.1, 2, new double[0], new double[0]);
        StructureScore none = new StructureScore(Double.NaN, Double.NaN, Double.NaN, 0.0, 0, new double[0],
                new double[0]);
        MeanScore m = MeanScore.of(List.of(a, b, none));
        assertEquals(0.4, m.j(), EPS); // (0.2 + 0.6) / 2
        assertEquals(0.6, m.f(), EPS); // (0.4 + 0.8) / 2
        assertEquals(0.5, m.jf(), EPS); // (0.3 + 0.7) / 2
        assertEquals(0.2, m.dsc(), EPS); // (0.5 + 0.1 + 0.0) / 3
        assertEquals(3, m.structures());
        assertEquals(2, m.scoredStructures());
    }
}
