package org.cycleprop.training;

import org.cycleprop.volume.Axis;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The copy baseline logged beside the network's IoU: frame 0's mask taken as the later frame's prediction. */
class BatchCopyIouTest {
    private static final int R = 16;

    /** A triplet whose target masks are the given pixel ranges [from, to) of the 16×16 plane. */
    private static Triplet triplet(int[]... ranges) {
        float[][] images = new float[3][R * R];
        float[][] masks = new float[3][R * R];
        float[][] others = new float[3][R * R];
        for (int f = 0; f < 3; f++) for (int i = ranges[f][0]; i < ranges[f][1]; i++) masks[f][i] = 1;
        return new Triplet(R, images, masks, others, false, "v", Axis.Z, 1, 0, new int[] {0, 1, 2});
    }

    @Test
    void poolsIntersectionAndUnionOverTheBatch() {
        // sample 1: frame 0 = [0, 10), frame 1 = [5, 15) → ∩ 5, ∪ 15; frame 2 = [0, 10) → ∩ 10, ∪ 10
        // sample 2: frame 0 = [20, 24), frame 1 = [20, 24) → ∩ 4, ∪ 4; frame 2 empty → ∩ 0, ∪ 4
        Batch batch = Batch.of(List.of(triplet(new int[] {0, 10}, new int[] {5, 15}, new int[] {0, 10}),
                triplet(new int[] {20, 24}, new int[] {20, 24}, new int[] {0, 0})));
        assertEquals(9f / 19f, batch.copyIou(1), 1e-6);
        assertEquals(10f / 14f, batch.copyIou(2), 1e-6);
    }

    @Test
    void bothEmptyIsPerfectAndFrameZeroIsRefused() {
        Batch empty = Batch.of(List.of(triplet(new int[] {0, 0}, new int[] {0, 0}, new int[] {0, 0})));
        assertEquals(1f, empty.copyIou(1));
        assertThrows(IllegalArgumentException.class, () -> empty.copyIou(0));
    }
}
