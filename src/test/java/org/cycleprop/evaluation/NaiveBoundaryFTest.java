package org.cycleprop.evaluation;

import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Compares {@link SliceMetrics#boundaryF} with a literal transcription of the reference steps (shifted
 * copies for seg2bmap, a full dilation image painted with the disk) on random blobby masks.
 */
class NaiveBoundaryFTest {
    @Test
    void fastBoundaryFEqualsTheLiteralComputation() {
        Random random = new Random(7);
        int w = 37;
        int h = 23; // radius ceil(0.008 * 43.6) = 1
        for (int trial = 0; trial < 200; trial++) {
            int width = trial % 2 == 0 ? w : 130; // and 130 x 23 -> radius ceil(1.06) = 2
            boolean[] a = blobs(random, width, h);
            boolean[] b = blobs(random, width, h);
            assertEquals(naiveF(a, b, width, h), SliceMetrics.boundaryF(a, b, width, h), 1e-12);
        }
    }

    private static boolean[] blobs(Random random, int w, int h) {
        boolean[] m = new boolean[w * h];
        int n = random.nextInt(4);
        for (int k = 0; k < n; k++) {
            int cx = random.nextInt(w);
            int cy = random.nextInt(h);
            int r = random.nextInt(6);
            for (int v = 0; v < h; v++) {
                for (int u = 0; u < w; u++) {
                    if ((u - cx) * (u - cx) + (v - cy) * (v - cy) <= r * r) m[u + v * w] = true;
                }
            }
        }
        return m;
    }

    private static boolean at(boolean[] m, int u, int v, int w, int h) {
        return u < w && v < h && m[u + v * w];
    }

    private static boolean[] bmap(boolean[] m, int w, int h) {
        boolean[] b = new boolean[m.length];
        for (int v = 0; v < h; v++) {
            for (int u = 0; u < w; u++) {
                boolean s = at(m, u, v, w, h);
                boolean e = at(m, u + 1, v, w, h);
                boolean so = at(m, u, v + 1, w, h);
                boolean se = at(m, u + 1, v + 1, w, h);
                boolean x = (s ^ e) | (s ^ so) | (s ^ se);
                if (v == h - 1) x = s ^ e;
                if (u == w - 1) x = s ^ so;
                if (u == w - 1 && v == h - 1) x = false;
                b[u + v * w] = x;
            }
        }
        return b;
    }

    private static boolean[] dilate(boolean[] b, int w, int h, int r) {
        boolean[] d = new boolean[b.length];
        for (int v = 0; v < h; v++) {
            for (int u = 0; u < w; u++) {
                if (!b[u + v * w]) continue;
                for (int y = v - r; y <= v + r; y++) {
                    for (int x = u - r; x <= u + r; x++) {
                        if (x >= 0 && y >= 0 && x < w && y < h && (x - u) * (x - u) + (y - v) * (y - v) <= r * r) {
                            d[x + y * w] = true;
                        }
                    }
                }
            }
        }
        return d;
    }

    private static double naiveF(boolean[] fg, boolean[] gt, int w, int h) {
        int r = (int) Math.ceil(0.008 * Math.sqrt(w * w + h * h));
        boolean[] fb = bmap(fg, w, h);
        boolean[] gb = bmap(gt, w, h);
        boolean[] fd = dilate(fb, w, h, r);
        boolean[] gd = dilate(gb, w, h, r);
        int nf = 0, ng = 0, fm = 0, gm = 0;
        for (int i = 0; i < fb.length; i++) {
            if (fb[i]) nf++;
            if (gb[i]) ng++;
            if (fb[i] && gd[i]) fm++;
            if (gb[i] && fd[i]) gm++;
        }
        double p, rc;
        if (nf == 0 && ng > 0) { p = 1; rc = 0; }
        else if (nf > 0 && ng == 0) { p = 0; rc = 1; }
        else if (nf == 0) { p = 1; rc = 1; }
        else { p = (double) fm / nf; rc = (double) gm / ng; }
        return p + rc == 0 ? 0 : 2 * p * rc / (p + rc);
    }
}
