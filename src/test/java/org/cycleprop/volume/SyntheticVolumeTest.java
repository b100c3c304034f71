package org.cycleprop.volume;

import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.util.Util;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.cycleprop.volume.NiftiRoundTripTest.valuesOf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SyntheticVolumeTest {
    private static final int W = 96;
    private static final int H = 80;
    private static final int D = 48;

    @Test
    void sameSeedSameVolumeOtherSeedOtherVolume() {
        SyntheticVolume a = SyntheticVolume.generate(W, H, D, 3, 42);
        SyntheticVolume b = SyntheticVolume.generate(W, H, D, 3, 42);
        SyntheticVolume c = SyntheticVolume.generate(W, H, D, 3, 43);
        assertArrayEquals(valuesOf(a.image().stored()), valuesOf(b.image().stored()), 0.0);
        assertArrayEquals(valuesOf(a.labels().stored()), valuesOf(b.labels().stored()), 0.0);
        assertFalse(java.util.Arrays.equals(valuesOf(a.labels().stored()), valuesOf(c.labels().stored())));
        assertArrayEquals(new long[] {W, H, D}, a.image().dimensions());
        assertInstanceOf(UnsignedByteType.class, Util.getTypeFromInterval(a.labels().stored()));
    }

    @Test
    void objectsOccupyExactlyTheirContiguousSliceRange() {
        for (long seed = 1; seed <= 3; seed++) {
            SyntheticVolume s = SyntheticVolume.generate(W, H, D, 4, seed);
            SliceStack labels = new SliceStack(s.labels().stored(), Axis.Z);
            Set<Integer> firsts = new HashSet<>();
            for (int k = 1; k <= 4; k++) {
                int first = s.firstSlice(k);
                int last = s.lastSlice(k);
                assertTrue(0 <= first && first < last && last < D, "range " + first + ".." + last);
                assertTrue(last - first + 1 < D || first > 0, "object " + k + " should not span every slice");
                firsts.add(first);
                for (int z = 0; z < D; z++) {
                    long area = count(labels.mask(z, k));
                    assertEquals(z >= first && z <= last, area > 0, "seed " + seed + " object " + k + " z " + z);
                }
            }
            assertTrue(firsts.size() > 1, "objects appear on different slices");
            for (double v : valuesOf(s.labels().stored())) assertTrue(v >= 0 && v <= 4 && v == Math.rint(v));
        }
    }

    @Test
    void objectsMoveSmoothlyButDoMove() {
        for (long seed = 1; seed <= 3; seed++) {
            SyntheticVolume s = SyntheticVolume.generate(W, H, D, 3, seed);
            SliceStack labels = new SliceStack(s.labels().stored(), Axis.Z);
            for (int k = 1; k <= 3; k++) {
                for (int z = s.firstSlice(k); z < s.lastSlice(k); z++) {
                    double iou = iou(labels.mask(z, k), labels.mask(z + 1, k));
                    assertTrue(iou >= 0.6, "seed " + seed + " object " + k + " z " + z + " IoU " + iou);
                    assertTrue(iou < 1, "seed " + seed + " object " + k + " z " + z + " did not change");
                }
            }
        }
    }

    @Test
    void eachObjectHasItsOwnIntensity() {
        SyntheticVolume s = SyntheticVolume.generate(W, H, D, 3, 5);
        double[] image = valuesOf(s.image().stored());
        double[] labels = valuesOf(s.labels().stored());
        double[] sum = new double[4];
        long[] n = new long[4];
        for (int i = 0; i < image.length; i++) {
            sum[(int) labels[i]] += image[i];
            n[(int) labels[i]]++;
        }
        double background = sum[0] / n[0];
        for (int k = 1; k <= 3; k++) {
            assertTrue(Math.abs(sum[k] / n[k] - background) > 0.15, "object " + k + " stands out");
        }
        assertTrue(Math.abs(sum[1] / n[1] - sum[2] / n[2]) > 0.1);
    }

    @Test
    void needsAtLeastTwoObjects() {
        assertThrows(IllegalArgumentException.class, () -> SyntheticVolume.generate(W, H, D, 1, 1));
    }

    private static long count(boolean[] mask) {
        long n = 0;
        for (boolean b : mask) if (b) n++;
        return n;
    }

    private static double iou(boolean[] a, boolean[] b) {
        long inter = 0;
        long union = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] && b[i]) inter++;
            if (a[i] || b[i]) union++;
        }
        return (double) inter / union;
    }
}
