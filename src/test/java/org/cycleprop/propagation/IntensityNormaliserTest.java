package org.cycleprop.propagation;

import net.imglib2.img.array.ArrayImgs;
import org.cycleprop.volume.Axis;
import org.cycleprop.volume.SliceStack;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class IntensityNormaliserTest {
    @Test
    void clipsToThePercentilesAndScalesToUnitRange() {
        // 10×10×1 volume holding 0..99: the 1st percentile at position 0.01·99 = 0.99, the 99th at 98.01
        float[] data = new float[100];
        for (int i = 0; i < 100; i++) data[i] = i;
        SliceStack s = new SliceStack(ArrayImgs.floats(data, 10, 10, 1), Axis.Z);
        IntensityNormaliser n = IntensityNormaliser.fit(s);
        assertEquals(0.99, n.low(), 1e-5);
        assertEquals(98.01, n.high(), 1e-4);
        float[] out = n.apply(new float[] {-5, 0.99f, 49.5f, 98.01f, 200});
        assertEquals(0f, out[0]);
        assertEquals(0f, out[1], 1e-6);
        assertEquals(0.5f, out[2], 1e-6);
        assertEquals(1f, out[3], 1e-6);
        assertEquals(1f, out[4]);
    }

    @Test
    void constantVolumeDoesNotDivideByZero() {
        SliceStack s = new SliceStack(ArrayImgs.floats(new float[] {3, 3, 3, 3}, 2, 2, 1), Axis.Z);
        float[] out = IntensityNormaliser.fit(s).apply(new float[] {3, 3});
        assertEquals(0f, out[0]);
    }
}
