package org.cycleprop.propagation;

import org.cycleprop.util.Progress;
import org.cycleprop.util.UserException;
import org.cycleprop.volume.LabelStack;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CopyPropagatorTest {
    private static final int W = 6;
    private static final int H = 5;

    @Test
    void oneSeedIsCopiedToEverySlice() {
        short[] seed = Stacks.disk(W, H, 2, 2, 1.5, 1);
        Seeds seeds = new Seeds(W, H, 1).put(2, seed);
        Stacks.Recorder progress = new Stacks.Recorder(Integer.MAX_VALUE);
        LabelStack out = new CopyPropagator().propagate(Stacks.blank(W, H, 5), seeds, progress);
        for (int z = 0; z < 5; z++) {
            assertArrayEquals(seed, out.slice(z), "slice " + z);
            assertNotSame(seed, out.slice(z), "the output must not share the seed's array");
        }
        assertEquals(5, progress.updates.size());
        assertArrayEquals(new long[] {5, 5}, progress.updates.get(4));
    }

    @Test
    void twoSeedsSplitTheStackAtTheMiddleWithTiesGoingDown() {
        // seeds on slices 1 (object 1) and 5 (object 2) of 8. Distances to 1 / 5:
        // z=0: 1/5, z=2: 1/3, z=3: 2/2 (tie -> lower seed 1), z=4: 3/1, z=6: 5/1, z=7: 6/2.
        short[] a = Stacks.disk(W, H, 1, 1, 1, 1);
        short[] b = Stacks.disk(W, H, 4, 3, 1, 2);
        Seeds seeds = new Seeds(W, H, 2).put(1, a).put(5, b);
        LabelStack out = new CopyPropagator().propagate(Stacks.blank(W, H, 8), seeds, Progress.NONE);
        short[][] expected = {a, a, a, a, b, b, b, b};
        for (int z = 0; z < 8; z++) assertArrayEquals(expected[z], out.slice(z), "slice " + z);
    }

    @Test
    void cancellationStopsThePropagation() {
        Seeds seeds = new Seeds(W, H, 1).put(0, Stacks.disk(W, H, 2, 2, 1, 1));
        Stacks.Recorder progress = new Stacks.Recorder(3);
        assertThrows(Progress.Cancelled.class,
                () -> new CopyPropagator().propagate(Stacks.blank(W, H, 10), seeds, progress));
        assertEquals(3, progress.updates.size());
    }

    @Test
    void seedsMustExistAndLieInsideTheStack() {
        CopyPropagator copy = new CopyPropagator();
        assertThrows(UserException.class,
                () -> copy.propagate(Stacks.blank(W, H, 4), new Seeds(W, H, 1), Progress.NONE));
        Seeds outside = new Seeds(W, H, 1).put(4, new short[W * H]);
        assertThrows(UserException.class, () -> copy.propagate(Stacks.blank(W, H, 4), outside, Progress.NONE));
        Seeds wrongSize = new Seeds(W + 1, H, 1).put(0, new short[(W + 1) * H]);
        assertThrows(UserException.class, () -> copy.propagate(Stacks.blank(W, H, 4), wrongSize, Progress.NONE));
    }
}
