package org.cycleprop.propagation;

import net.imglib2.img.array.ArrayImgs;
import org.cycleprop.volume.Axis;
import org.cycleprop.volume.SliceStack;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class IntensityNormaliserTest {
    @Test
    void clipsToThePercentilesAndScalesToUnitRange() {
        // 10×10×1 volume holding 0..99: the 1st percentile is 0 (rank 1), the 99th is 98 (rank 99)
        float[] data = new float[100];
        for (int i = 0; i < 100; i++) data[i] = i;
        SliceStack s = new SliceStack(ArrayImgs.floats(data, 10, 10, 1), Axis.Z);
        IntensityNormaliser n = IntensityNormaliser.fit(s);
        assertEquals(0, n.low(), 0.05);
        assertEquals(98, n.high(), 0.05);
        float[] out = n.apply(new float[] {-5, 0, 49, 98, 200});
        assertEquals(0f, out[0]);
        assertEquals(0f, out[1], 1e-3);
        assertEquals(0.5f, out[2], 1e-3);
        assertEquals(1f, out[3], 1e-3);
        assertEquals(1f, out[4]);
    }

    @Test
    void constantVolumeDoesNotDivideByZero() {
        SliceStack s = new SliceStack(ArrayImgs.floats(new float[] {3, 3, 3, 3}, 2, 2, 1), Axis.Z);
        float[] out = IntensityNormaliser.fit(s).apply(new float[] {3, 3});
        assertEquals(0f, out[0]);
    }
}
