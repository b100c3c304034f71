package org.cycleprop.propagation;

import org.cycleprop.util.Progress;
import org.cycleprop.volume.LabelStack;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InterpolatePropagatorTest {
    private final InterpolatePropagator interpolate = new InterpolatePropagator();

    @Test
    void smallToLargeDiskGrowsThroughIntermediateRadii() {
        // radius 4 on slice 0, radius 12 on slice 8, same centre: the signed distances are about rho - 4 and
        // rho - 12, so slice z has about radius 4 + z.
        int n = 41;
        short[] small = Stacks.disk(n, n, 20, 20, 4, 1);
        short[] large = Stacks.disk(n, n, 20, 20, 12, 1);
        Seeds seeds = new Seeds(n, n, 1).put(0, small).put(8, large);
        LabelStack out = interpolate.propagate(Stacks.blank(n, n, 9), seeds, Progress.NONE);
        assertArrayEquals(small, out.slice(0));
        assertArrayEquals(large, out.slice(8));
        for (int z = 1; z <= 8; z++) {
            assertTrue(Stacks.count(out.slice(z), 1) > Stacks.count(out.slice(z - 1), 1), "area grows at " + z);
        }
        int mid = Stacks.count(out.slice(4), 1);
        assertTrue(mid > Stacks.count(small, 1) && mid < Stacks.count(large, 1));
        int radius8 = Stacks.count(Stacks.disk(n, n, 20, 20, 8, 1), 1);
        assertEquals(radius8, mid, 0.08 * radius8, "midpoint close to the radius-8 disk");
    }

    @Test
    void equalSeedsGiveTheSameMaskInBetweenAndOutsideSlicesCopy() {
        // with the half-pixel outline a mask is exactly {signed distance < 0}, so blending two equal maps
        // reproduces the mask; slices before the first / after the last seed copy it.
        short[] shape = Stacks.disk(15, 12, 6, 5, 3.5, 1);
        shape[0] = 1; // an irregular extra pixel
        Seeds seeds = new Seeds(15, 12, 1).put(2, shape).put(6, shape.clone());
        LabelStack out = interpolate.propagate(Stacks.blank(15, 12, 9), seeds, Progress.NONE);
        for (int z = 0; z < 9; z++) assertArrayEquals(shape, out.slice(z), "slice " + z);
    }

    @Test
    void boundariesMoveLinearlyBetweenTwoObjects() {
        // a 10 x 1 strip. Seed 0: object 1 = u 0..4, object 2 = u 5..9. Seed 2: object 1 = u 0..6, object 2 = u 7..9.
        // signed distances: object 1: u - 4.5 and u - 6.5 -> midpoint u - 5.5 < 0 for u <= 5;
        //                   object 2: 4.5 - u and 6.5 - u -> midpoint 5.5 - u < 0 for u >= 6.
        short[] a = {1, 1, 1, 1, 1, 2, 2, 2, 2, 2};
        short[] b = {1, 1, 1, 1, 1, 1, 1, 2, 2, 2};
        Seeds seeds = new Seeds(10, 1, 2).put(0, a).put(2, b);
        LabelStack out = interpolate.propagate(Stacks.blank(10, 1, 3), seeds, Progress.NONE);
        assertArrayEquals(new short[] {1, 1, 1, 1, 1, 1, 2, 2, 2, 2}, out.slice(1));
    }

    @Test
    void twoDisksKeepTheirLabelsAndPositions() {
        int w = 40;
        int h = 20;
        short[] a = Stacks.disk(w, h, 9, 10, 3, 1);
        Stacks.paintDisk(a, w, h, 30, 10, 6, 2);
        short[] b = Stacks.disk(w, h, 9, 10, 6, 1);
        Stacks.paintDisk(b, w, h, 30, 10, 3, 2);
        Seeds seeds = new Seeds(w, h, 2).put(0, a).put(4, b);
        LabelStack out = interpolate.propagate(Stacks.blank(w, h, 5), seeds, Progress.NONE);
        short[] mid = out.slice(2);
        // both objects have radius about 4.5 at the midpoint: same area, centred where they were
        assertEquals(Stacks.count(mid, 1), Stacks.count(mid, 2));
        assertEquals(1, mid[9 + 10 * w]);
        assertEquals(2, mid[30 + 10 * w]);
        for (int i = 0; i < mid.length; i++) {
            if (mid[i] == 1) assertTrue(i % w < 20, "object 1 stays on the left");
            if (mid[i] == 2) assertTrue(i % w >= 20, "object 2 stays on the right");
        }
        assertTrue(Stacks.count(out.slice(1), 1) < Stacks.count(mid, 1));
        assertTrue(Stacks.count(out.slice(1), 2) > Stacks.count(mid, 2));
    }

    @Test
    void anObjectMissingOnOneSeedShrinksAwayTowardsIt() {
        // 11 x 11, far = 22. Seed 0: nothing. Seed 10: object 1 = square u, v in 1..9, whose signed distance
        // is 0.5 - (distance to the nearest background pixel), e.g. -4.5 at the centre, -2.5 on the ring
        // min(u, v, 10-u, 10-v) = 3, -1.5 on the ring at 2.
        // slice 9 (t = 0.9): 0.1 * 22 + 0.9 * sd = 2.2 + 0.9 sd < 0 iff sd < -2.44 -> rings >= 3: u, v in 3..7 = 25 px.
        // slice 8 (t = 0.8): 4.4 + 0.8 sd < 0 iff sd < -5.5 -> nothing (the centre is -4.5).
        short[] square = new short[121];
        for (int v = 1; v <= 9; v++) for (int u = 1; u <= 9; u++) square[u + 11 * v] = 1;
        Seeds seeds = new Seeds(11, 11, 1).put(0, new short[121]).put(10, square);
        LabelStack out = interpolate.propagate(Stacks.blank(11, 11, 11), seeds, Progress.NONE);
        short[] expected9 = new short[121];
        for (int v = 3; v <= 7; v++) for (int u = 3; u <= 7; u++) expected9[u + 11 * v] = 1;
        assertArrayEquals(expected9, out.slice(9));
        assertEquals(0, Stacks.count(out.slice(8), 1));
        assertEquals(0, Stacks.count(out.slice(1), 1));
    }

    @Test
    void progressIsReportedPerSliceAndCancellationThrows() {
        Seeds seeds = new Seeds(8, 8, 1).put(1, Stacks.disk(8, 8, 3, 3, 2, 1)).put(6, Stacks.disk(8, 8, 4, 4, 3, 1));
        Stacks.Recorder all = new Stacks.Recorder(Integer.MAX_VALUE);
        interpolate.propagate(Stacks.blank(8, 8, 8), seeds, all);
        assertEquals(8, all.updates.size());
        assertArrayEquals(new long[] {8, 8}, all.updates.get(7));
        Stacks.Recorder cancelling = new Stacks.Recorder(3);
        assertThrows(Progress.Cancelled.class, () -> interpolate.propagate(Stacks.blank(8, 8, 8), seeds, cancelling));
        assertEquals(3, cancelling.updates.size());
    }
}
