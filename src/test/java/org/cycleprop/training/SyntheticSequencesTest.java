package org.cycleprop.training;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SyntheticSequencesTest {
    private static final int R = 64;
    private static final TrainingVolume PHANTOM = PhantomVolume.create("phantom", 96, 80, 24, 3);

    @Test
    void sameSeedGivesSameSequences() {
        SyntheticSequences a = new SyntheticSequences(List.of(PHANTOM), R, 17);
        SyntheticSequences b = new SyntheticSequences(List.of(PHANTOM), R, 17);
        for (int i = 0; i < 4; i++) {
            Triplet ta = a.next();
            Triplet tb = b.next();
            assertEquals(ta.volume(), tb.volume());
            for (int f = 0; f < Triplet.FRAMES; f++) {
                assertArrayEquals(ta.images()[f], tb.images()[f]);
                assertArrayEquals(ta.masks()[f], tb.masks()[f]);
                assertArrayEquals(ta.others()[f], tb.others()[f]);
            }
        }
    }

    @Test
    void targetMovesAndDeformsSmoothly() {
        SyntheticSequences s = new SyntheticSequences(List.of(PHANTOM), R, 5);
        double sum01 = 0;
        double sum02 = 0;
        int n = 40;
        for (int i = 0; i < n; i++) {
            Triplet t = s.next();
            assertFalse(AffineResampler.isEmpty(t.masks()[0]), t.toString());
            sum01 += iou(t.masks()[0], t.masks()[1]);
            sum02 += iou(t.masks()[0], t.masks()[2]);
        }
        double mean01 = sum01 / n;
        double mean02 = sum02 / n;
        assertTrue(mean01 > 0.3 && mean01 < 0.97, "mean IoU frame 0/1 " + mean01);
        // the deformation grows from frame to frame, so frame 2 is further from frame 0 than frame 1
        assertTrue(mean02 < mean01, "IoU 0/2 " + mean02 + " not below IoU 0/1 " + mean01);
    }

    @Test
    void masksAreBinaryAndOthersDisjoint() {
        SyntheticSequences s = new SyntheticSequences(List.of(), R, 8);
        int withOthers = 0;
        for (int i = 0; i < 30; i++) {
            Triplet t = s.next();
            assertEquals("synthetic texture", t.volume());
            if (t.hasOthers()) withOthers++;
            for (int f = 0; f < Triplet.FRAMES; f++) {
                for (int p = 0; p < R * R; p++) {
                    float m = t.masks()[f][p];
                    float o = t.others()[f][p];
                    assertTrue(m == 0f || m == 1f);
                    assertTrue(o == 0f || o == 1f);
                    assertFalse(m == 1f && o == 1f);
                    assertTrue(t.images()[f][p] >= 0f && t.images()[f][p] <= 1f);
                }
            }
        }
        assertTrue(withOthers >= 5 && withOthers <= 25, withOthers + " of 30 with a second region");
    }

    @Test
    void regionAppearanceFollowsTheMaskThroughTheDeformation() {
        // every region gets its own intensity shift (≥ 0.08): the frame's own mask must outline it in all frames,
        // better than the mask of frame 0 does once the region has moved
        SyntheticSequences s = new SyntheticSequences(List.of(), R, 21,
                new SyntheticSequences.Options(0, 0, 1, 1.5, false));
        double own = 0;
        double stale = 0;
        int n = 30;
        for (int i = 0; i < n; i++) {
            Triplet t = s.next();
            double[] a = TripletSamplerTest.meansInsideOutside(t.images()[2], t.masks()[2]);
            double[] b = TripletSamplerTest.meansInsideOutside(t.images()[2], t.masks()[0]);
            own += Math.abs(a[0] - a[1]);
            stale += Math.abs(b[0] - b[1]);
        }
        assertTrue(own / n > 0.06, "mean contrast along the region " + own / n);
        assertTrue(own > stale, "own mask " + own / n + ", frame-0 mask " + stale / n);
    }

    private static double iou(float[] a, float[] b) {
        int inter = 0;
        int union = 0;
        for (int i = 0; i < a.length; i++) {
            boolean x = a[i] > 0;
            boolean y = b[i] > 0;
            if (x && y) inter++;
            if (x || y) union++;
        }
        return union == 0 ? 1 : inter / (double) union;
    }
}
