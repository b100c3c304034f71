package org.cycleprop.evaluation;

import org.cycleprop.volume.LabelStack;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SeedPolicyTest {
    /** 1-pixel-high slices of width 10; label 3 has areas 0,2,5,5,1,0,3,0,0,0 over 10 slices. */
    private static LabelStack stack() {
        int[] areas = {0, 2, 5, 5, 1, 0, 3, 0, 0, 0};
        LabelStack s = new LabelStack(10, 1, areas.length);
        for (int z = 0; z < areas.length; z++) {
            short[] sl = s.sliceForWriting(z);
            for (int i = 0; i < areas[z]; i++) sl[i] = 3;
            sl[9] = 7; // another structure everywhere
        }
        return s;
    }

    @Test
    void indexCountsAreasPerSlice() {
        StructureIndex idx = new StructureIndex(stack());
        assertEquals(List.of(3, 7), idx.labels());
        assertEquals(5, idx.areas(3)[2]);
        assertEquals(1, idx.firstSlice(3));
        assertEquals(6, idx.lastSlice(3));
        assertEquals(5, idx.sliceCount(3));
        assertTrue(idx.contains(7));
        assertFalse(idx.contains(4));
    }

    @Test
    void largestSliceIsTheFirstMaximum() {
        assertEquals(List.of(2), SeedPolicy.LARGEST_SLICE.seedSlices(new StructureIndex(stack()), 3));
    }

    @Test
    void quartersSkipEmptySlices() {
        // extent 1..6: 1/4 → 1 + round(1.25) = 2; 3/4 → 1 + round(3.75) = 5, empty → nearest non-empty is 4
        assertEquals(List.of(2, 4), SeedPolicy.QUARTERS.seedSlices(new StructureIndex(stack()), 3));
    }
}
