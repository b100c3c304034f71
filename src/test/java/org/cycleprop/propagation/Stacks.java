package org.cycleprop.propagation;

import java.util.ArrayList;
import java.util.List;

import net.imglib2.img.array.ArrayImgs;
import org.cycleprop.util.Progress;
import org.cycleprop.volume.Axis;
import org.cycleprop.volume.SliceStack;

/** Test helpers: blank images, label slices, a recording progress. */
final class Stacks {
    private Stacks() {
    }

    /** A blank image of depth slices of width × height, cut along Z (slice pixel u + v * width = x + y * width). */
    static SliceStack blank(int width, int height, int depth) {
        return new SliceStack(ArrayImgs.unsignedBytes(width, height, depth), Axis.Z);
    }

    static short[] disk(int width, int height, double cx, double cy, double r, int label) {
        short[] s = new short[width * height];
        paintDisk(s, width, height, cx, cy, r, label);
        return s;
    }

    static void paintDisk(short[] s, int width, int height, double cx, double cy, double r, int label) {
        for (int v = 0; v < height; v++) {
            for (int u = 0; u < width; u++) {
                if ((u - cx) * (u - cx) + (v - cy) * (v - cy) <= r * r) s[u + v * width] = (short) label;
            }
        }
    }

    static int count(short[] s, int label) {
        int n = 0;
        for (short v : s) if (v == label) n++;
        return n;
    }

    /** Records every update and cancels once {@code cancelAfter} updates have been made. */
    static final class Recorder implements Progress {
        final List<long[]> updates = new ArrayList<>();
        private final int cancelAfter;

        Recorder(int cancelAfter) {
            this.cancelAfter = cancelAfter;
        }

        @Override
        public void update(long done, long total, String message) {
            updates.add(new long[] {done, total});
        }

        @Override
        public boolean isCancelled() {
            return updates.size() >= cancelAfter;
        }
    }
}
