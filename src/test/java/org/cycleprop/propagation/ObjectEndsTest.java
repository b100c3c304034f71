package org.cycleprop.propagation;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ObjectEndsTest {
    /** Probabilities of a 10-pixel slice: object 1 on the first {@code a} pixels, object 2 on the next {@code b}. */
    private static float[][] slice(int a, int b) {
        float[][] p = new float[3][10];
        for (int i = 0; i < 10; i++) {
            int c = i < a ? 1 : i < a + b ? 2 : 0;
            p[c][i] = 0.8f;
            p[(c + 1) % 3][i] = 0.1f;
            p[(c + 2) % 3][i] = 0.1f;
        }
        return p;
    }

    private static short[] seed() {
        return new short[] {1, 1, 1, 1, 1, 2, 2, 2, 2, 2}; // 5 pixels each
    }

    @Test
    void anObjectBelowTheFractionOfItsSeedAreaEndsForTheRestOfTheRun() {
        ObjectEnds ends = new ObjectEnds(0.3, seed(), 2);
        float[][] p = slice(2, 4); // object 1: 2 of 5 pixels (40 %), object 2: 4 of 5
        ends.apply(p);
        assertArrayEquals(slice(2, 4)[1], p[1], "above the threshold: untouched");
        p = slice(1, 4); // object 1: 20 % < 30 %: this slice keeps it, it ends after
        ends.apply(p);
        assertArrayEquals(slice(1, 4)[1], p[1]);
        assertFalse(ends.allEnded());
        p = slice(3, 4); // object 1 is back in the prediction, but it has ended
        ends.apply(p);
        for (int i = 0; i < 10; i++) {
            assertTrue(p[1][i] == 0, "ended object has no probability at " + i);
            assertTrue(Math.abs(p[0][i] + p[1][i] + p[2][i] - 1) < 1e-6, "probabilities still sum to 1 at " + i);
        }
        assertTrue(p[0][0] > p[2][0], "its pixels go to the background");
        assertArrayEquals(slice(3, 4)[2], p[2], "the other object is untouched");
        ends.apply(slice(0, 1)); // object 2 drops to 20 %
        assertTrue(ends.allEnded());
    }

    @Test
    void aFractionOfZeroNeverEndsAnObject() {
        ObjectEnds ends = new ObjectEnds(0, seed(), 2);
        float[][] p = slice(0, 0);
        ends.apply(p);
        ends.apply(p);
        assertFalse(ends.allEnded());
        float[][] q = slice(3, 3);
        ends.apply(q);
        assertArrayEquals(slice(3, 3)[1], q[1]);
    }
}
