package org.cycleprop.evaluation;

import org.junit.jupiter.api.Test;

import static org.cycleprop.evaluation.Masks.pixels;
import static org.cycleprop.evaluation.Masks.rectangle;
import static org.junit.jupiter.api.Assertions.assertEquals;

class SliceMetricsTest {
    private static final double EPS = 1e-12;

    @Test
    void jaccardOfOverlappingMasks() {
        // A = pixels 0..3 of row 0, B = pixels 2..4: intersection {2,3} = 2, union {0..4} = 5 -> 0.4
        boolean[] a = rectangle(6, 1, 0, 0, 3, 0);
        boolean[] b = rectangle(6, 1, 2, 0, 4, 0);
        assertEquals(0.4, SliceMetrics.jaccard(a, b), EPS);
    }

    @Test
    void jaccardOfEmptyMasks() {
        boolean[] empty = new boolean[9];
        boolean[] one = pixels(3, 3, 1, 1);
        assertEquals(0.0, SliceMetrics.jaccard(empty, one), EPS); // 0 / 1
        assertEquals(0.0, SliceMetrics.jaccard(one, empty), EPS);
        assertEquals(1.0, SliceMetrics.jaccard(empty, empty), EPS); // empty union -> 1 by definition
    }

    @Test
    void jaccardOfOnePixelObjects() {
        assertEquals(1.0, SliceMetrics.jaccard(pixels(3, 3, 1, 1), pixels(3, 3, 1, 1)), EPS); // 1 / 1
        assertEquals(0.0, SliceMetrics.jaccard(pixels(3, 3, 1, 1), pixels(3, 3, 2, 1)), EPS); // 0 / 2
    }

    @Test
    void toleranceRadiusIsCeilOfEightThousandthsOfTheDiagonal() {
        // 100x100: 0.008 * 141.42 = 1.13 -> 2.  181x217: 0.008 * 282.58 = 2.26 -> 3.  10x10: 0.11 -> 1.
        assertEquals(2, SliceMetrics.toleranceRadius(100, 100));
        assertEquals(3, SliceMetrics.toleranceRadius(181, 217));
        assertEquals(3, SliceMetrics.toleranceRadius(217, 181));
        assertEquals(1, SliceMetrics.toleranceRadius(10, 10));
    }

    @Test
    void boundaryFOfIdenticalEmptyAndMissingMasks() {
        boolean[] square = rectangle(100, 100, 10, 10, 19, 19);
        boolean[] empty = new boolean[100 * 100];
        assertEquals(1.0, SliceMetrics.boundaryF(square, square, 100, 100), EPS); // P = R = 1
        assertEquals(0.0, SliceMetrics.boundaryF(empty, square, 100, 100), EPS); // P = 1, R = 0 -> 0
        assertEquals(0.0, SliceMetrics.boundaryF(square, empty, 100, 100), EPS); // P = 0, R = 1 -> 0
        assertEquals(1.0, SliceMetrics.boundaryF(empty, empty, 100, 100), EPS); // P = R = 1
    }

    @Test
    void shiftWithinTheToleranceIsPerfect() {
        // 100x100 -> radius 2. Square u,v in 10..19 has the ring boundary (9,9)-(19,19), 40 pixels; shifted by
        // 2 columns the ring is (11,9)-(21,19). Every pixel of either ring has one of the other within 2
        // (left/right columns are exactly 2 apart, top/bottom rows overlap): P = R = 1.
        boolean[] truth = rectangle(100, 100, 10, 10, 19, 19);
        boolean[] prediction = rectangle(100, 100, 12, 10, 21, 19);
        assertEquals(1.0, SliceMetrics.boundaryF(prediction, truth, 100, 100), EPS);
    }

    @Test
    void shiftBeyondTheToleranceMatchesPartOfEachRing() {
        // shift by 3: truth ring (9,9)-(19,19), predicted ring (12,9)-(22,19), 40 pixels each
        // (rows v=9 and v=19 with u=9..19: 22 px; columns u=9 and u=19 with v=10..18: 18 px).
        // Truth pixels with a predicted pixel within 2:
        //   rows: u=10..19 (u=10 is 2 from (12,v)); u=9 is 3 away          -> 2 x 10 = 20
        //   column u=9: 3 from u=12, sqrt(10) from (12,9)                  -> 0
        //   column u=19: 3 from u=22, but v=10,11 are 1,2 from the predicted row pixel (19,9)
        //                and v=17,18 are 2,1 from (19,19)                   -> 4
        // R = 24/40 = 0.6; the configuration is symmetric, so P = 0.6 and F = 0.6.
        boolean[] truth = rectangle(100, 100, 10, 10, 19, 19);
        boolean[] prediction = rectangle(100, 100, 13, 10, 22, 19);
        assertEquals(0.6, SliceMetrics.boundaryF(prediction, truth, 100, 100), EPS);
    }

    @Test
    void asymmetricPrecisionAndRecall() {
        // 100x100, radius 2. Truth: 10x10 square (ring of 40). Prediction: the same square plus a far single
        // pixel at (60,60), whose boundary adds the 4 pixels (59..60, 59..60), none near the truth.
        // P = 40/44, R = 40/40 = 1 -> F = 2 * (10/11) / (10/11 + 1) = (20/11) / (21/11) = 20/21.
        boolean[] truth = rectangle(100, 100, 10, 10, 19, 19);
        boolean[] prediction = truth.clone();
        prediction[60 + 60 * 100] = true;
        assertEquals(20.0 / 21.0, SliceMetrics.boundaryF(prediction, truth, 100, 100), EPS);
    }

    @Test
    void onePixelObjects() {
        // 100x100, radius 2. A single pixel at (50,50) has the boundary {49,50} x {49,50}.
        boolean[] a = pixels(100, 100, 50, 50);
        assertEquals(1.0, SliceMetrics.boundaryF(a, a, 100, 100), EPS);
        // truth at (53,50): boundary {52,53} x {49,50}. Predicted column u=50 is 2 from u=52 (matched),
        // u=49 is 3 away (not): P = 2/4. Likewise truth u=52 matched, u=53 not: R = 2/4. F = 0.5.
        boolean[] b = pixels(100, 100, 53, 50);
        assertEquals(0.5, SliceMetrics.boundaryF(a, b, 100, 100), EPS);
        // truth at (60,50): nothing within 2 -> P = R = 0 -> F = 0.
        assertEquals(0.0, SliceMetrics.boundaryF(a, pixels(100, 100, 60, 50), 100, 100), EPS);
    }

    @Test
    void diagonalOffsetUsesTheDiskNotASquare() {
        // 100x100, radius 2: (2,1) is outside the disk (4 + 1 = 5 > 4), (1,1) inside.
        // pixel at (50,50) vs (52,51): boundaries {49,50}x{49,50} and {51,52}x{50,51}.
        // predicted (50,50) to truth (51,50): 1 -> ok; (50,49) to (51,50): sqrt 2 -> ok;
        // (49,50) to (51,50): 2 -> ok; (49,49) to (51,50): sqrt 5 > 2 -> not. P = 3/4.
        // truth (51,50) ok, (51,51) to (50,50): sqrt 2 ok, (52,50) to (50,50): 2 ok, (52,51) to (50,50): sqrt 5 no.
        // R = 3/4, F = 3/4.
        boolean[] a = pixels(100, 100, 50, 50);
        boolean[] b = pixels(100, 100, 52, 51);
        assertEquals(0.75, SliceMetrics.boundaryF(a, b, 100, 100), EPS);
    }
}
