package org.cycleprop.propagation;

import ai.djl.ndarray.NDManager;
import net.imglib2.img.array.ArrayImgs;
import org.cycleprop.model.Preset;
import org.cycleprop.model.StcnNetwork;
import org.cycleprop.util.Progress;
import org.cycleprop.volume.Axis;
import org.cycleprop.volume.LabelStack;
import org.cycleprop.volume.SliceStack;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An untrained tiny network runs the whole inference core; accuracy is the training's business. */
class StcnPropagatorTest {
    private static final int W = 40, H = 30, D = 12;

    private static SliceStack volume() {
        float[] img = new float[W * H * D];
        for (int z = 0; z < D; z++) {
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    boolean blob = Math.hypot(x - 12 - z, y - 15) < 6;
                    img[x + y * W + z * W * H] = (blob ? 200 : 50) + ((x * 7 + y * 3 + z) % 11);
                }
            }
        }
        return new SliceStack(ArrayImgs.floats(img, W, H, D), Axis.Z);
    }

    private static Seeds twoObjectSeed(int z) {
        short[] s = new short[W * H];
        for (int y = 10; y < 20; y++) for (int x = 8; x < 16; x++) s[x + y * W] = 1;
        for (int y = 5; y < 9; y++) for (int x = 28; x < 34; x++) s[x + y * W] = 2;
        return new Seeds(W, H, 2).put(z, s);
    }

    /** Records which slices are reported, in order. */
    private static final class Recorder implements Progress {
        final List<String> messages = new ArrayList<>();
        int cancelAfter = Integer.MAX_VALUE;

        @Override
        public void update(long done, long total, String message) {
            messages.add(message);
        }

        @Override
        public boolean isCancelled() {
            return messages.size() >= cancelAfter;
        }
    }

    @Test
    void aRefinedNetworkRefinesEverySliceAndAtItsStartPropagatesAsItsParent() {
        Preset refined = Preset.TINY.withRefiner("tiny-refined", 8);
        try (NDManager m = NDManager.newBaseManager()) {
            ai.djl.engine.Engine.getInstance().setRandomSeed(7);
            StcnNetwork plain = StcnNetwork.create(Preset.TINY, m);
            ai.djl.engine.Engine.getInstance().setRandomSeed(7);
            StcnNetwork net = StcnNetwork.create(refined, m);
            float[][][] parent = probabilities(plain, m);
            float[][][] start = probabilities(net, m);
            for (int z = 0; z < D; z++) assertArrayEquals(parent[0][z], start[0][z], 1e-5f, "slice " + z);
            // a refiner that does something: its last convolution no longer zero
            try (org.cycleprop.model.InferenceMode ignored = org.cycleprop.model.InferenceMode.enter()) {
                for (var child : net.getChildren().values()) {
                    for (var param : child.getParameters().values()) {
                        if (param.getName().equals("weight") && param.getShape().get(0) == 1 && param.getShape().get(1) == 8) {
                            m.randomNormal(0, 1f, param.getShape(), param.getArray().getDataType()).copyTo(param.getArray());
                        }
                    }
                }
            }
            float[][][] changed = probabilities(net, m);
            double difference = 0;
            for (int z = 0; z < D; z++) {
                if (z == 5) continue;
                for (int i = 0; i < W * H; i++) difference = Math.max(difference, Math.abs(changed[0][z][i] - start[0][z][i]));
            }
            assertTrue(difference > 1e-3, "propagation does not use the refiner");
        }
    }

    private static float[][][] probabilities(StcnNetwork net, NDManager m) {
        StcnPropagator p = new StcnPropagator(net, m, PropagationOptions.defaults(), "tiny").keepingProbabilities();
        p.propagate(volume(), twoObjectSeed(5), new Recorder());
        return p.lastProbabilities();
    }

    @Test
    void propagatesBothWaysFromTheSeedWithSeveralObjects() {
        try (NDManager m = NDManager.newBaseManager()) {
            StcnNetwork net = StcnNetwork.create(Preset.TINY, m);
            for (boolean windowed : new boolean[] {true, false}) {
                StcnPropagator p = new StcnPropagator(net, m, PropagationOptions.defaults().withWindowed(windowed),
                        "tiny").keepingProbabilities();
                Recorder progress = new Recorder();
                Seeds seeds = twoObjectSeed(5);
                LabelStack out = p.propagate(volume(), seeds, progress);
                assertEquals(D, out.depth());
                assertArrayEquals(seeds.slices().get(5), out.slice(5), "the seed slice keeps the seed");
                assertEquals(List.of("slice 4", "slice 3", "slice 2", "slice 1", "slice 0", "slice 6", "slice 7",
                        "slice 8", "slice 9", "slice 10", "slice 11", "done"), progress.messages);
                for (int z = 0; z < D; z++) {
                    for (int i = 0; i < W * H; i++) assertTrue(out.get(z, i) <= 2);
                }
                float[][][] prob = p.lastProbabilities();
                assertEquals(2, prob.length);
                for (int z = 0; z < D; z++) {
                    for (int i = 0; i < W * H; i++) {
                        float sum = prob[0][z][i] + prob[1][z][i];
                        assertTrue(sum >= 0 && sum <= 1 + 1e-4, "object probabilities leave room for background");
                    }
                }
            }
        }
    }

    @Test
    void separateWindowsMergeThePiecesPropagatedAlone() {
        short[] a = new short[W * H];
        for (int y = 3; y < 7; y++) for (int x = 2; x < 6; x++) a[x + y * W] = 1;
        short[] b = new short[W * H];
        for (int y = 22; y < 27; y++) for (int x = 32; x < 37; x++) b[x + y * W] = 1;
        short[] both = a.clone();
        for (int i = 0; i < both.length; i++) if (b[i] != 0) both[i] = 1;
        try (NDManager m = NDManager.newBaseManager()) {
            StcnNetwork net = StcnNetwork.create(Preset.TINY, m);
            // windows of at least 8 px (the default 32 would make the two pieces' windows overlap on 40 × 30)
            PropagationOptions one = new PropagationOptions(true, 2.5, 8, 5, true, 20, 0, -1, -1, 0, 0, 0,
                    WindowParts.ONE);
            StcnPropagator alone = new StcnPropagator(net, m, one, "tiny").keepingProbabilities();
            alone.propagate(volume(), new Seeds(W, H, 1).put(5, a), Progress.NONE);
            float[][] pa = alone.lastProbabilities()[0];
            alone.propagate(volume(), new Seeds(W, H, 1).put(5, b), Progress.NONE);
            float[][] pb = alone.lastProbabilities()[0];

            StcnPropagator separate = new StcnPropagator(net, m, one.withWindowParts(WindowParts.PIECES), "tiny")
                    .keepingProbabilities();
            Recorder progress = new Recorder();
            LabelStack out = separate.propagate(volume(), new Seeds(W, H, 1).put(5, both), progress);
            assertArrayEquals(both, out.slice(5), "the seed slice keeps the seed");
            float[][] merged = separate.lastProbabilities()[0];
            for (int z = 0; z < D; z++) {
                if (z == 5) continue;
                for (int i = 0; i < W * H; i++) {
                    // the same arithmetic, though not bit for bit: native kernels may sum in another order
                    float expected = Math.max(pa[z][i], pb[z][i]);
                    assertEquals(expected, merged[z][i], 1e-5f, "slice " + z + " pixel " + i);
                    if (Math.abs(expected - 0.5f) > 1e-4f) {
                        assertEquals(expected > 0.5f ? 1 : 0, out.get(z, i), "slice " + z + " pixel " + i);
                    }
                }
            }
            assertTrue(progress.messages.get(0).startsWith("part 1/2"), progress.messages.get(0));
            assertTrue(progress.messages.get(progress.messages.size() - 1).startsWith("part 2/2"));
            // one window around both pieces is another propagation
            StcnPropagator shared = new StcnPropagator(net, m, one, "tiny").keepingProbabilities();
            shared.propagate(volume(), new Seeds(W, H, 1).put(5, both), Progress.NONE);
            float[][] ps = shared.lastProbabilities()[0];
            boolean differs = false;
            for (int z = 0; z < D && !differs; z++) {
                if (z != 5) differs = !java.util.Arrays.equals(ps[z], merged[z]);
            }
            assertTrue(differs, "separate windows made no difference");
            // EACH splits the same single object the same way
            StcnPropagator each = new StcnPropagator(net, m, one.withWindowParts(WindowParts.EACH), "tiny")
                    .keepingProbabilities();
            each.propagate(volume(), new Seeds(W, H, 1).put(5, both), Progress.NONE);
            for (int z = 0; z < D; z++) assertArrayEquals(merged[z], each.lastProbabilities()[0][z], 1e-6f);
        }
    }

    @Test
    void twoSeedsAndARangeVisitEachStretchFromBothSides() {
        try (NDManager m = NDManager.newBaseManager()) {
            StcnNetwork net = StcnNetwork.create(Preset.TINY, m);
            StcnPropagator p = new StcnPropagator(net, m, PropagationOptions.defaults().withRange(1, 10), "tiny");
            Seeds seeds = twoObjectSeed(3);
            seeds.put(7, seeds.slices().get(3).clone());
            Recorder progress = new Recorder();
            LabelStack out = p.propagate(volume(), seeds, progress);
            assertEquals(List.of("slice 2", "slice 1", "slice 4", "slice 5", "slice 6", "slice 6", "slice 5",
                    "slice 4", "slice 8", "slice 9", "slice 10", "done"), progress.messages);
            assertEquals(null, out.slice(0), "outside the range nothing is written");
            assertEquals(null, out.slice(11));
        }
    }

    @Test
    void cancelStopsWithinASlice() {
        try (NDManager m = NDManager.newBaseManager()) {
            StcnNetwork net = StcnNetwork.create(Preset.TINY, m);
            StcnPropagator p = new StcnPropagator(net, m, PropagationOptions.defaults(), "tiny");
            Recorder progress = new Recorder();
            progress.cancelAfter = 3;
            assertThrows(Progress.Cancelled.class, () -> p.propagate(volume(), twoObjectSeed(5), progress));
            assertEquals(3, progress.messages.size());
        }
    }
}
