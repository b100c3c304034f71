package org.cycleprop.model;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LocalityPriorTest {
    private static final double EPS = 1e-9;

    @Test
    void theSameWindowIsAligned() {
        LocalityPrior.Placement p = LocalityPrior.Placement.between(3, 7, 40, 3, 7, 40, 10);
        assertEquals(1, p.scale(), EPS);
        assertEquals(0, p.dx(), EPS);
        assertEquals(0, p.dy(), EPS);
    }

    @Test
    void cellCentresAreMappedThroughTheImage() {
        // query window x 0..16, y 0..16 in 4 cells of 4 px; memory window 8 px to the right and twice as large
        LocalityPrior.Placement p = LocalityPrior.Placement.between(8, -8, 32, 0, 0, 16, 4);
        assertEquals(2, p.scale(), EPS);
        // memory cell 0 is centred at x = 8 + 4 = 12 px, query cell 2.5 (cell q is centred at 4q + 2)
        assertEquals(2.5, p.scale() * 0 + p.dx(), EPS);
        // memory row 1 is centred at y = -8 + 12 = 4 px, query row 0.5
        assertEquals(0.5, p.scale() * 1 + p.dy(), EPS);
    }

    @Test
    void aPlacedFrameMovesWhereTheBiasPeaks() {
        try (NDManager m = NDManager.newBaseManager()) {
            // 1 x 3 grid, two frames: frame 0 aligned, frame 1 shifted one cell to the right
            LocalityPrior prior = LocalityPrior.aligned(1).placed(List.of(LocalityPrior.Placement.ALIGNED,
                    new LocalityPrior.Placement(1, 1, 0)));
            float[] b = prior.bias(m, 1, 3, 2).toFloatArray(); // [query 3][frames 2 x entries 3]
            // query cell 1 against frame 0 entry 1 (same place) and frame 1 entry 0 (now at cell 1)
            assertEquals(0f, b[3 * 2 + 1], 0f);
            assertEquals(0f, b[3 * 2 + 3], 0f);
            // query cell 0 against frame 1 entry 2 (now at cell 3): d = 3, bias = -9 / 2
            assertEquals(-4.5f, b[0 * 6 + 3 + 2], 1e-6f);
            assertThrows(IllegalArgumentException.class, () -> prior.bias(m, 1, 3, 3));
        }
        assertThrows(IllegalArgumentException.class, () -> LocalityPrior.aligned(0));
    }
}
