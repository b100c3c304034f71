package org.cycleprop.training;

import org.cycleprop.volume.Axis;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TripletSamplerTest {
    private static final int R = 64;
    private static final TrainingVolume PHANTOM = PhantomVolume.create("phantom", 96, 80, 40, 7);

    private static TripletSampler sampler(long seed) {
        return new TripletSampler(List.of(PHANTOM), R, seed);
    }

    @Test
    void sameSeedGivesSameTriplets() {
        TripletSampler a = sampler(42);
        TripletSampler b = sampler(42);
        for (int i = 0; i < 5; i++) {
            Triplet ta = a.next(4);
            Triplet tb = b.next(4);
            assertArrayEquals(ta.slices(), tb.slices());
            assertEquals(ta.label(), tb.label());
            for (int f = 0; f < Triplet.FRAMES; f++) {
                assertArrayEquals(ta.images()[f], tb.images()[f]);
                assertArrayEquals(ta.masks()[f], tb.masks()[f]);
                assertArrayEquals(ta.others()[f], tb.others()[f]);
            }
        }
        Triplet other = sampler(43).next(4);
        Triplet first = sampler(42).next(4);
        assertFalse(java.util.Arrays.equals(first.images()[0], other.images()[0]));
    }

    @Test
    void withoutFrameMotionTheFramesOfASampleStayRegistered() {
        // every slice the same image and labels: registered frames are then identical, moved ones are not
        int w = 96, h = 80, d = 12;
        float[] image = PHANTOM.image(20);
        short[] labels = PHANTOM.labels(20);
        float[][] images = new float[d][];
        short[][] labelSlices = new short[d][];
        for (int z = 0; z < d; z++) {
            images[z] = image;
            labelSlices[z] = labels;
        }
        TrainingVolume still = TrainingVolume.of("still", org.cycleprop.volume.Axis.Z, w, h, images, labelSlices,
                TrainingVolume.allLabels(), TrainingVolume.DEFAULT_MIN_PIXELS);
        TripletSampler.Options noJitter = TripletSampler.Options.defaults().withoutAugmentation();
        TripletSampler.Options moving = new TripletSampler.Options(0.5, 0.5, 1.5, 4.0, 32, 0.15, 0, 1, 1, 0, 3, 0.02,
                false, 0, Triplet.FRAMES);
        assertEquals(0, moving.withFrameMotion(0).frameRotationDegrees());
        assertEquals(0, moving.withFrameMotion(0).frameTranslation());
        assertEquals(noJitter.frameTranslation(), moving.withFrameMotion(0).frameTranslation());
        Triplet registered = new TripletSampler(List.of(still), R, 5, moving.withFrameMotion(0)).next(3);
        Triplet moved = new TripletSampler(List.of(still), R, 5, moving).next(3);
        assertArrayEquals(registered.slices(), moved.slices(), "the same draws: the same slices");
        for (int f = 1; f < Triplet.FRAMES; f++) {
            assertArrayEquals(registered.images()[0], registered.images()[f], "registered frame " + f);
            assertArrayEquals(registered.masks()[0], registered.masks()[f], "registered mask " + f);
            assertFalse(java.util.Arrays.equals(moved.masks()[0], moved.masks()[f]), "moved mask " + f);
        }
        assertThrows(IllegalArgumentException.class, () -> moving.withFrameMotion(-1));
    }

    @Test
    void gapsStayWithinMaxJumpInOneDirectionAndTheSeedHoldsTheTarget() {
        TripletSampler s = sampler(1);
        for (int maxJump = 1; maxJump <= 6; maxJump++) {
            for (int i = 0; i < 40; i++) {
                Triplet t = s.next(maxJump);
                int[] z = t.slices();
                int g1 = z[1] - z[0];
                int g2 = z[2] - z[1];
                assertTrue(Math.abs(g1) >= 1 && Math.abs(g1) <= maxJump, t.toString());
                assertTrue(Math.abs(g2) >= 1 && Math.abs(g2) <= maxJump, t.toString());
                assertEquals(Integer.signum(g1), Integer.signum(g2), t.toString());
                assertTrue(z[2] >= 0 && z[2] < PHANTOM.depth(), t.toString());
                assertTrue(PHANTOM.isPresent(t.label(), z[0]), t.toString());
                if (t.hasOthers()) assertTrue(PHANTOM.isPresent(t.otherLabel(), z[0]), t.toString());
            }
        }
    }

    @Test
    void longerSamplesStepOnInOneDirectionWithEveryGapWithinMaxJump() {
        int frames = 6;
        TripletSampler s = new TripletSampler(List.of(PHANTOM), R, 3, TripletSampler.Options.defaults().withFrames(frames));
        int reversed = 0;
        for (int maxJump = 1; maxJump <= 5; maxJump++) {
            for (int i = 0; i < 30; i++) {
                Triplet t = s.next(maxJump);
                assertEquals(frames, t.frames(), t.toString());
                int[] z = t.slices();
                int direction = Integer.signum(z[1] - z[0]);
                if (direction < 0) reversed++;
                for (int f = 1; f < frames; f++) {
                    int gap = z[f] - z[f - 1];
                    assertEquals(direction, Integer.signum(gap), t.toString());
                    assertTrue(Math.abs(gap) <= maxJump, t.toString());
                    assertTrue(z[f] >= 0 && z[f] < PHANTOM.depth(), t.toString());
                }
                assertTrue(PHANTOM.isPresent(t.label(), z[0]), t.toString());
                assertEquals(frames, t.images().length);
            }
        }
        assertTrue(reversed > 30 && reversed < 120, reversed + " of 150 backwards");
        Batch batch = s.nextBatch(2, 3);
        assertArrayEquals(new long[] {2, frames, 1, R, R}, batch.shape());
        assertThrows(IllegalArgumentException.class, () -> TripletSampler.Options.defaults().withFrames(2));
    }

    @Test
    void endTripletsStartNearTheObjectsEndAndOftenLeaveIt() {
        int maxJump = 3;
        TripletSampler ends = new TripletSampler(List.of(PHANTOM), R, 9,
                TripletSampler.Options.defaults().withEndProbability(1));
        TripletSampler plain = sampler(9);
        int emptyAtEnd = 0;
        int emptyPlain = 0;
        int startedNearEnd = 0;
        for (int i = 0; i < 200; i++) {
            Triplet t = ends.next(maxJump);
            int[] usable = PHANTOM.usableSlices(t.label());
            int[] z = t.slices();
            int direction = Integer.signum(z[1] - z[0]);
            int end = direction > 0 ? usable[usable.length - 1] : usable[0];
            if (Math.abs(end - z[0]) < 2 * maxJump) startedNearEnd++;
            if (!PHANTOM.isPresent(t.label(), z[2])) emptyAtEnd++;
            Triplet p = plain.next(maxJump);
            if (!PHANTOM.isPresent(p.label(), p.slices()[2])) emptyPlain++;
        }
        // a few turn back where the object's end touches the volume's end
        assertTrue(startedNearEnd >= 180, startedNearEnd + " of 200 end triplets started near the end");
        assertTrue(emptyAtEnd > 2 * emptyPlain && emptyAtEnd >= 40,
                "third frames without the object: " + emptyAtEnd + " of 200 end triplets, " + emptyPlain + " plain");
    }

    @Test
    void aboutHalfTheTripletsRunBackwards() {
        TripletSampler s = sampler(3);
        int reversed = 0;
        for (int i = 0; i < 400; i++) if (s.next(3).reversed()) reversed++;
        assertTrue(reversed >= 140 && reversed <= 260, reversed + " of 400 reversed");
    }

    @Test
    void masksAreBinaryNonEmptyInTheSeedFrameAndDisjointFromOthers() {
        TripletSampler s = sampler(5);
        int withOthers = 0;
        for (int i = 0; i < 150; i++) {
            Triplet t = s.next(4);
            assertFalse(AffineResampler.isEmpty(t.masks()[0]), "empty seed mask: " + t);
            if (t.hasOthers()) {
                withOthers++;
                assertFalse(AffineResampler.isEmpty(t.others()[0]), t.toString());
            }
            int bad = 0;
            for (int f = 0; f < Triplet.FRAMES; f++) {
                for (int p = 0; p < R * R; p++) {
                    float m = t.masks()[f][p];
                    float o = t.others()[f][p];
                    float v = t.images()[f][p];
                    boolean binary = (m == 0f || m == 1f) && (o == 0f || o == 1f);
                    boolean disjoint = !(m == 1f && o == 1f);
                    boolean othersOnlyIfAny = t.hasOthers() || o == 0f;
                    if (!binary || !disjoint || !othersOnlyIfAny || !(v >= 0f && v <= 1f)) bad++;
                }
            }
            assertEquals(0, bad, "non-binary, overlapping or out-of-range pixels in " + t);
        }
        // the phantom has two or three objects on most slices and the second object is drawn half the time
        assertTrue(withOthers > 30 && withOthers < 110, withOthers + " of 150 with a second object");
    }

    @Test
    void masksSitOnTheBrightObjectInEveryFrame() {
        // every phantom object is much brighter than the body around it (≥ 0.6 against 0.3 or black)
        TripletSampler s = sampler(9);
        double sumDifference = 0;
        int frames = 0;
        for (int i = 0; i < 60; i++) {
            Triplet t = s.next(3);
            for (int f = 0; f < Triplet.FRAMES; f++) {
                double[] inOut = meansInsideOutside(t.images()[f], t.masks()[f]);
                if (inOut == null) continue;
                assertTrue(inOut[0] > inOut[1] + 0.1, "frame " + f + " of " + t + ": inside " + inOut[0]
                        + ", outside " + inOut[1]);
                sumDifference += inOut[0] - inOut[1];
                frames++;
            }
        }
        assertTrue(frames > 150);
        assertTrue(sumDifference / frames > 0.3, "mean contrast " + sumDifference / frames);
    }

    /** {mean inside, mean outside}, or null when the mask has fewer than 10 pixels. */
    static double[] meansInsideOutside(float[] image, float[] mask) {
        double in = 0;
        double out = 0;
        int nIn = 0;
        for (int p = 0; p < image.length; p++) {
            if (mask[p] > 0) {
                in += image[p];
                nIn++;
            } else {
                out += image[p];
            }
        }
        if (nIn < 10) return null;
        return new double[] {in / nIn, out / (image.length - nIn)};
    }

    @Test
    void secondObjectProbabilityZeroNeverGivesOthers() {
        TripletSampler s = new TripletSampler(List.of(PHANTOM), R, 2,
                TripletSampler.Options.defaults().withSecondObjectProbability(0));
        for (int i = 0; i < 30; i++) assertFalse(s.next(2).hasOthers());
    }

    @Test
    void windowIsCentredOnTheSeedObjectWithoutAugmentation() {
        // a single 10×6 box in a 200×200 slice; with no jitter the window is 1.5–4 × 10 px (≥ 32) around it
        int w = 200;
        float[][] images = new float[5][w * w];
        short[][] labels = new short[5][w * w];
        for (int z = 0; z < 5; z++) {
            for (int y = 120; y < 126; y++) {
                for (int x = 40; x < 50; x++) {
                    labels[z][x + y * w] = 1;
                    images[z][x + y * w] = 1f;
                }
            }
        }
        TrainingVolume v = TrainingVolume.of("box", Axis.Z, w, w, images, labels, TrainingVolume.allLabels(), 20);
        TripletSampler.Options noJitter = new TripletSampler.Options(0, 0.5, 1.5, 4, 32, 0, 0, 1, 1, 0, 0, 0, false, 0, 3);
        TripletSampler s = new TripletSampler(List.of(v), 32, 11, noJitter);
        for (int i = 0; i < 20; i++) {
            Triplet t = s.next(1);
            // the box is centred, so the mask's centroid is the window centre 15.5 (pixel coordinates)
            double[] c = centroid(t.masks()[0], 32);
            assertEquals(15.5, c[0], 0.6, t.toString());
            assertEquals(15.5, c[1], 0.6, t.toString());
            // the 10-px side covers 32/side of the window: between 32/40·10 = 8 and 32/32·10 = 10 px wide
            int width = rowWidth(t.masks()[0], 32, 15);
            assertTrue(width >= 7 && width <= 11, "box width " + width);
            // image and mask agree without intensity jitter
            for (int p = 0; p < 32 * 32; p++) if (t.masks()[0][p] == 1f) assertTrue(t.images()[0][p] > 0.5f);
        }
    }

    private static double[] centroid(float[] mask, int r) {
        double sx = 0, sy = 0, n = 0;
        for (int p = 0; p < mask.length; p++) {
            if (mask[p] > 0) {
                sx += p % r;
                sy += p / r;
                n++;
            }
        }
        return new double[] {sx / n, sy / n};
    }

    private static int rowWidth(float[] mask, int r, int y) {
        int n = 0;
        for (int x = 0; x < r; x++) if (mask[x + y * r] > 0) n++;
        return n;
    }

    @Test
    void rejectsBadResolutionAndEmptyVolumes() {
        assertThrows(IllegalArgumentException.class, () -> new TripletSampler(List.of(PHANTOM), 100, 1));
        TrainingVolume empty = TrainingVolume.of("empty", Axis.Z, 4, 4, new float[3][16], new short[3][],
                TrainingVolume.allLabels(), 20);
        assertThrows(IllegalArgumentException.class, () -> new TripletSampler(List.of(empty), 64, 1));
        assertThrows(IllegalArgumentException.class, () -> sampler(1).next(0));
    }

    @Test
    void batchPacksTripletFrameChannelRowColumn() {
        int r = 16;
        List<Triplet> triplets = new java.util.ArrayList<>();
        for (int b = 0; b < 2; b++) {
            float[][] images = new float[3][r * r];
            float[][] masks = new float[3][r * r];
            float[][] others = new float[3][r * r];
            for (int f = 0; f < 3; f++) {
                for (int p = 0; p < r * r; p++) {
                    images[f][p] = b * 10000 + f * 1000 + p;
                    masks[f][p] = -(b * 10000 + f * 1000 + p);
                    others[f][p] = b + f;
                }
            }
            triplets.add(new Triplet(r, images, masks, others, b == 1, "t" + b, Axis.Z, 1, b == 1 ? 2 : 0,
                    new int[] {0, 1, 2}));
        }
        Batch batch = Batch.of(triplets);
        assertArrayEquals(new long[] {2, 3, 1, 16, 16}, batch.shape());
        assertEquals(2 * 3 * 16 * 16, batch.images().length);
        // element (b = 1, f = 2, c = 0, y = 5, x = 7) sits at ((1·3 + 2)·16 + 5)·16 + 7
        int index = ((1 * 3 + 2) * 16 + 5) * 16 + 7;
        assertEquals(10000 + 2000 + 5 * 16 + 7, batch.images()[index], 0f);
        assertEquals(-(10000 + 2000 + 5 * 16 + 7), batch.masks()[index], 0f);
        assertEquals(3f, batch.others()[index], 0f);
        assertEquals(0f + 1000 + 3 * 16 + 2, batch.images()[(1 * 16 + 3) * 16 + 2], 0f);
        assertArrayEquals(new float[] {0, 1}, batch.hasOthers(), 0f);
    }

    @Test
    void samplerBatchesHaveTheRequestedSize() {
        Batch b = sampler(4).nextBatch(3, 2);
        assertEquals(3, b.size());
        assertEquals(R, b.resolution());
        assertNotEquals(b.triplets().get(0), b.triplets().get(1));
    }
}
