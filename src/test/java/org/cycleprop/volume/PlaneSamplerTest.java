package org.cycleprop.volume;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class PlaneSamplerTest {

    @Test
    void windowCoveringThePlaneExactlyCopiesIt() {
        int n = 16;
        float[] pixels = new float[n * n];
        for (int i = 0; i < pixels.length; i++) pixels[i] = i % 7;
        // window coordinate p ↦ pixel (p + ½)·n − ½ lands on pixel centres
        Affine2D map = Affine2D.translation(n / 2.0 - 0.5, n / 2.0 - 0.5).after(Affine2D.scale(n, n));
        assertArrayEquals(pixels, PlaneSampler.sample(pixels, n, n, map, n), 1e-5f);
    }

    @Test
    void shrinkingFourTimesAveragesBlocks() {
        // a 64×64 checkerboard of 1-px squares shrunk to 16×16: every output pixel is the mean 0.5
        int n = 64;
        float[] pixels = new float[n * n];
        for (int y = 0; y < n; y++) for (int x = 0; x < n; x++) pixels[x + y * n] = (x + y) % 2;
        Affine2D map = Affine2D.translation(n / 2.0 - 0.5, n / 2.0 - 0.5).after(Affine2D.scale(n, n));
        float[] out = PlaneSampler.sample(pixels, n, n, map, 16);
        for (float v : out) assertEquals(0.5f, v, 1e-5f);
    }

    @Test
    void outsideThePlaneIsZero() {
        float[] pixels = {1, 1, 1, 1};
        Affine2D farAway = Affine2D.translation(100, 100);
        for (float v : PlaneSampler.sample(pixels, 2, 2, farAway, 16)) assertEquals(0f, v, 0f);
    }

    @Test
    void boxAverageOfPartialBlocksUsesTheirPixels() {
        float[] p = PlaneSampler.blockAverage(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, 3, 3, 2);
        assertArrayEquals(new float[] {3, 4.5f, 7.5f, 9}, p, 1e-6f);
    }

    @Test
    void affineAfterAppliesTheArgumentFirst() {
        Affine2D scaleThenShift = Affine2D.translation(1, 0).after(Affine2D.scale(2, 3));
        assertEquals(3, scaleThenShift.x(1, 1), 1e-12);
        assertEquals(3, scaleThenShift.y(1, 1), 1e-12);
        Affine2D quarterTurn = Affine2D.rotation(Math.PI / 2);
        assertEquals(0, quarterTurn.x(1, 0), 1e-12);
        assertEquals(1, quarterTurn.y(1, 0), 1e-12);
        assertEquals(Math.sqrt(6), scaleThenShift.meanStretch(), 1e-12);
    }
}
