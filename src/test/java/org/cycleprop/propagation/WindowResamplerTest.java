package org.cycleprop.propagation;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

class WindowResamplerTest {
    @Test
    void identityWindowReproducesTheSlice() {
        float[] s = new float[6 * 6];
        for (int i = 0; i < s.length; i++) s[i] = i;
        float[] c = WindowResampler.crop(s, 6, 6, new Window(0, 0, 6), 6);
        assertArrayEquals(s, c, 1e-5f);
        float[] back = WindowResampler.paste(c, 6, new Window(0, 0, 6), 6, 6, -1f);
        assertArrayEquals(s, back, 1e-5f);
    }

    @Test
    void wholeSliceWindowPadsTheShortSideWithZeros() {
        float[] s = new float[4 * 2];
        java.util.Arrays.fill(s, 1f);
        Window w = Window.wholeSlice(4, 2);
        assertEquals(4, w.size());
        float[] c = WindowResampler.crop(s, 4, 2, w, 4);
        for (int x = 0; x < 4; x++) {
            assertEquals(1f, c[x], 1e-6f);          // row 0: inside
            assertEquals(0f, c[x + 3 * 4], 1e-6f);  // row 3: padding
        }
        // mapping back recovers the slice exactly
        assertArrayEquals(s, WindowResampler.paste(c, 4, w, 4, 2, 0f), 1e-6f);
    }

    @Test
    void aWindowIsCutExactlyAsTheTrainingCropOfTheSameRegion() {
        // the training sampler's map for an axis-aligned square (centre cx, cy; side s) and the window's crop
        // must give the same pixels, when zooming in and when shrinking 3x (block averaging)
        float[] s = new float[90 * 70];
        for (int i = 0; i < s.length; i++) s[i] = (float) Math.sin(i * 0.37) + (i % 90) * 0.01f;
        for (Window w : new Window[] {new Window(10.5, 7.25, 20), new Window(-5, 0, 96)}) {
            double side = w.size();
            org.cycleprop.volume.Affine2D trainingMap = org.cycleprop.volume.Affine2D
                    .translation(w.x0() + side / 2 - 0.5, w.y0() + side / 2 - 0.5)
                    .after(org.cycleprop.volume.Affine2D.scale(side, side));
            assertArrayEquals(org.cycleprop.volume.PlaneSampler.sample(s, 90, 70, trainingMap, 32),
                    WindowResampler.crop(s, 90, 70, w, 32), 0f);
        }
        // shrinking 3x averages 3x3 blocks: a 1-pixel checkerboard becomes (nearly) uniform grey
        float[] board = new float[96 * 96];
        for (int y = 0; y < 96; y++) for (int x = 0; x < 96; x++) board[x + y * 96] = (x + y) % 2;
        float[] c = WindowResampler.crop(board, 96, 96, new Window(0, 0, 96), 32);
        for (int y = 2; y < 30; y++) for (int x = 2; x < 30; x++) assertEquals(0.5f, c[x + y * 32], 0.06f);
    }

    @Test
    void upsamplingTwiceAndBackKeepsAConstantImage() {
        float[] s = new float[8 * 8];
        java.util.Arrays.fill(s, 0.5f);
        Window w = new Window(0, 0, 8);
        float[] c = WindowResampler.crop(s, 8, 8, w, 16);
        for (int i = 0; i < c.length; i++) {
            int x = i % 16;
            int y = i / 16;
            // only the outermost half-pixel ring blends with the zero outside
            if (x > 0 && y > 0 && x < 15 && y < 15) assertEquals(0.5f, c[i], 1e-6f);
        }
    }

    @Test
    void pasteMarksPixelsOutsideTheWindow() {
        float[] win = new float[4 * 4];
        java.util.Arrays.fill(win, 1f);
        float[] back = WindowResampler.paste(win, 4, new Window(2, 2, 2), 6, 6, 0f);
        assertEquals(1f, back[2 + 2 * 6]);
        assertEquals(1f, back[3 + 3 * 6]);
        assertEquals(0f, back[1 + 2 * 6]);
        assertEquals(0f, back[4 + 4 * 6]);
    }

    @Test
    void windowAroundAMaskIsCentredAndGrown() {
        boolean[] m = new boolean[20 * 20];
        for (int y = 5; y < 9; y++) for (int x = 10; x < 12; x++) m[x + y * 20] = true; // 2 wide, 4 high
        Window w = Window.around(m, 20, 20, 2.5, 0);
        assertNotNull(w);
        assertEquals(10, w.size(), 1e-9);      // longer side 4 × 2.5
        assertEquals(11 - 5, w.x0(), 1e-9);    // centre x = (10+12)/2 = 11
        assertEquals(7 - 5, w.y0(), 1e-9);     // centre y = (5+9)/2 = 7
        assertEquals(32, Window.around(m, 20, 20, 2.5, 32).size(), 1e-9);
        assertNull(Window.around(new boolean[400], 20, 20, 2.5, 32));
    }
}
