package org.cycleprop.volume;

import net.imglib2.img.array.ArrayImgs;
import net.imglib2.view.Views;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Voxel (x, y, z) of the test volume holds x + 10 y + 100 z, so every read value says where it came from. */
class SliceStackTest {
    private static final int NX = 4;
    private static final int NY = 3;
    private static final int NZ = 2;

    private static float[] coded() {
        float[] a = new float[NX * NY * NZ];
        for (int z = 0; z < NZ; z++)
            for (int y = 0; y < NY; y++)
                for (int x = 0; x < NX; x++) a[x + NX * (y + NY * z)] = x + 10 * y + 100 * z;
        return a;
    }

    @Test
    void zSlicesRunXThenY() {
        SliceStack s = new SliceStack(ArrayImgs.floats(coded(), NX, NY, NZ), Axis.Z);
        assertEquals(4, s.width());
        assertEquals(3, s.height());
        assertEquals(2, s.depth());
        assertArrayEquals(new float[] {100, 101, 102, 103, 110, 111, 112, 113, 120, 121, 122, 123}, s.floats(1));
    }

    @Test
    void xSlicesRunYThenZ() {
        SliceStack s = new SliceStack(ArrayImgs.floats(coded(), NX, NY, NZ), Axis.X);
        assertEquals(3, s.width());
        assertEquals(2, s.height());
        assertEquals(4, s.depth());
        // u = y, v = z at x = 2
        assertArrayEquals(new float[] {2, 12, 22, 102, 112, 122}, s.floats(2));
    }

    @Test
    void ySlicesRunXThenZ() {
        SliceStack s = new SliceStack(ArrayImgs.floats(coded(), NX, NY, NZ), Axis.Y);
        assertEquals(4, s.width());
        assertEquals(2, s.height());
        assertEquals(3, s.depth());
        // u = x, v = z at y = 1
        assertArrayEquals(new float[] {10, 11, 12, 13, 110, 111, 112, 113}, s.floats(1));
        assertArrayEquals(new long[] {4, 2}, s.view(1).dimensionsAsLongArray());
    }

    @Test
    void slicesAreViewsOfTheArray() {
        float[] data = coded();
        SliceStack z = new SliceStack(ArrayImgs.floats(data, NX, NY, NZ), Axis.Z);
        SliceStack x = new SliceStack(ArrayImgs.floats(data, NX, NY, NZ), Axis.X);
        boolean[] before = z.mask(0, 7);
        assertArrayEquals(new boolean[12], before);
        data[3 + NX * (2 + NY * 0)] = 7; // voxel (3, 2, 0)
        assertEquals(7f, z.floats(0)[3 + 4 * 2]);
        assertEquals(7f, x.floats(3)[2]); // u = y = 2, v = z = 0
        boolean[] after = z.mask(0, 7);
        assertEquals(true, after[11]);
        assertEquals(1, count(after));
    }

    @Test
    void volumesNotStartingAtZeroAreSlicedFromTheirMinimum() {
        SliceStack s = new SliceStack(Views.translate(ArrayImgs.floats(coded(), NX, NY, NZ), 5, -2, 9), Axis.Z);
        assertArrayEquals(new float[] {0, 1, 2, 3, 10, 11, 12, 13, 20, 21, 22, 23}, s.floats(0));
    }

    private static int count(boolean[] b) {
        int n = 0;
        for (boolean v : b) if (v) n++;
        return n;
    }
}
