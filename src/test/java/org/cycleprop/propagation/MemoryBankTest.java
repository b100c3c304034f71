package org.cycleprop.propagation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class MemoryBankTest {
    private static final Window W = new Window(0, 0, 16);

    /** A key [1, 2, 1, 2] and value [1, 3, 1, 2] whose entries all equal {@code v}. */
    private static NDArray key(NDManager m, float v) {
        return m.full(new Shape(1, 2, 1, 2), v);
    }

    private static NDArray value(NDManager m, float v) {
        return m.full(new Shape(1, 3, 1, 2), v);
    }

    @Test
    void keepsSeedsPeriodicAndLastFramesInOrder() {
        try (NDManager m = NDManager.newBaseManager(); MemoryBank bank = new MemoryBank(m, 2)) {
            try (NDManager step = m.newSubManager()) {
                bank.addPermanent(10, key(step, 10), value(step, 10), W);
            } // the entry must outlive the scope that computed it
            assertNull(bank.temporarySlice());
            for (int z = 11; z <= 22; z++) {
                try (NDManager step = m.newSubManager()) {
                    if ((z - 10) % 5 == 0) bank.addPeriodic(z, key(step, z), value(step, z), W);
                    else bank.setTemporary(z, key(step, z), value(step, z), W);
                }
            }
            // periodic 15 and 20 kept (bound 2), temporary = the last non-periodic frame 22
            assertEquals(List.of(10, 15, 20, 22), bank.slices());
            assertEquals(List.of(10), bank.permanentSlices());
            assertEquals(new Shape(1, 2, 8), bank.keys().getShape());   // 4 frames × h·w = 2
            assertEquals(new Shape(1, 3, 8), bank.values().getShape());
            assertArrayEquals(new float[] {10, 10, 15, 15, 20, 20, 22, 22, 10, 10, 15, 15, 20, 20, 22, 22},
                    bank.keys().toFloatArray());
        }
    }

    @Test
    void periodicBoundDropsTheOldestButNeverTheSeed() {
        try (NDManager m = NDManager.newBaseManager(); MemoryBank bank = new MemoryBank(m, 1)) {
            bank.addPermanent(0, key(m, 0), value(m, 0), W);
            bank.addPeriodic(5, key(m, 5), value(m, 5), W);
            bank.addPeriodic(10, key(m, 10), value(m, 10), W);
            assertEquals(List.of(0, 10), bank.slices());
        }
    }

    @Test
    void windowsFollowTheEntriesInKeyOrder() {
        Window seed = new Window(0, 0, 16);
        Window later = new Window(3, 4, 20);
        Window last = new Window(5, 6, 24);
        try (NDManager m = NDManager.newBaseManager(); MemoryBank bank = new MemoryBank(m, 1)) {
            bank.addPermanent(0, key(m, 0), value(m, 0), seed);
            bank.setTemporary(3, key(m, 3), value(m, 3), last);
            bank.addPeriodic(5, key(m, 5), value(m, 5), later);
            assertEquals(List.of(0, 5, 3), bank.slices());
            assertEquals(List.of(seed, later, last), bank.windows());
        }
    }
}
