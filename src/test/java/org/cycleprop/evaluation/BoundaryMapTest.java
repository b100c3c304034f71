package org.cycleprop.evaluation;

import org.junit.jupiter.api.Test;

import static org.cycleprop.evaluation.Masks.pixels;
import static org.cycleprop.evaluation.Masks.rectangle;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BoundaryMapTest {
    @Test
    void onePixelObjectGivesTheTwoByTwoBlockUpAndLeftOfIt() {
        // object at (1,1) in 4x4. (1,1): differs from east (2,1)=0. (0,1): its east is the object.
        // (1,0): its south is the object. (0,0): its south-east is the object. Nothing else touches it.
        BoundaryMap b = BoundaryMap.of(pixels(4, 4, 1, 1), 4, 4);
        assertArrayEquals(pixels(4, 4, 0, 0, 1, 0, 0, 1, 1, 1), b.pixels());
        assertEquals(4, b.count());
    }

    @Test
    void twoByTwoSquareGivesAThreeByThreeRingWithoutItsCentre() {
        // square u,v in 1..2 in 5x5: a pixel is on the boundary iff its 2x2 window (itself, E, S, SE) is mixed.
        // Windows starting at u,v in 0..2 touch the square; only the one at (1,1) lies fully inside it.
        // So b = 3x3 block u,v in 0..2 minus (1,1): 8 pixels.
        BoundaryMap b = BoundaryMap.of(rectangle(5, 5, 1, 1, 2, 2), 5, 5);
        boolean[] expected = rectangle(5, 5, 0, 0, 2, 2);
        expected[1 + 5] = false;
        assertArrayEquals(expected, b.pixels());
        assertEquals(8, b.count());
    }

    @Test
    void objectInTheBottomRightCornerFollowsTheLastRowAndColumnRules() {
        // object at (2,2) of 3x3, the bottom-right pixel, which is never a boundary pixel.
        // last row (1,2): compares only with east (2,2)=1 -> boundary; (0,2): east 0 -> not.
        // last column (2,1): compares only with south (2,2)=1 -> boundary; (2,0): south 0 -> not.
        // interior (1,1): south-east is the object -> boundary. Result {(1,1),(2,1),(1,2)}.
        BoundaryMap b = BoundaryMap.of(pixels(3, 3, 2, 2), 3, 3);
        assertArrayEquals(pixels(3, 3, 1, 1, 2, 1, 1, 2), b.pixels());
    }

    @Test
    void objectFillingTheLastRowHasItsBoundaryOnTheRowAbove() {
        // last row v=2 all set in a 4-wide, 3-high slice. Last row: each pixel equals its east -> 0
        // (outside counts as background only through e, s, se; the last row ignores s and se).
        // Row 1: every pixel has the object to its south (the last column compares with south only) -> 1.
        // Row 0: all neighbours empty -> 0.
        BoundaryMap b = BoundaryMap.of(rectangle(4, 3, 0, 2, 3, 2), 4, 3);
        assertArrayEquals(rectangle(4, 3, 0, 1, 3, 1), b.pixels());
        assertTrue(b.contains(3, 1));
    }

    @Test
    void fullSliceHasNoBoundaryAndEmptySliceNone() {
        // every pixel equals all its neighbours inside the slice, and the last row/column rules never
        // compare with the outside, so a full slice has an empty boundary map.
        boolean[] full = rectangle(3, 2, 0, 0, 2, 1);
        assertEquals(0, BoundaryMap.of(full, 3, 2).count());
        assertEquals(0, BoundaryMap.of(new boolean[6], 3, 2).count());
    }
}
