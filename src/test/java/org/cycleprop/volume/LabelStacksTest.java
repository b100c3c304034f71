package org.cycleprop.volume;

import net.imglib2.RandomAccess;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.RealType;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LabelStacksTest {
    @Test
    void roundTripAlongEveryAxisKeepsValues() {
        byte[] data = new byte[4 * 3 * 2];
        data[1 + 2 * 4 + 1 * 12] = 7;  // (x=1, y=2, z=1)
        data[3 + 0 * 4 + 0 * 12] = 9;  // (x=3, y=0, z=0)
        Volume v = Volume.of(ArrayImgs.unsignedBytes(data, 4, 3, 2), new double[] {1, 1, 1}, "v");
        for (Axis axis : Axis.values()) {
            LabelStack s = LabelStacks.fromVolume(v, axis);
            var img = LabelStacks.toImage(s, axis, v.dimensions(), value -> value);
            RandomAccess<? extends RealType<?>> ra = img.randomAccess();
            ra.setPosition(new long[] {1, 2, 1});
            assertEquals(7, ra.get().getRealDouble(), axis.toString());
            ra.setPosition(new long[] {3, 0, 0});
            assertEquals(9, ra.get().getRealDouble(), axis.toString());
            ra.setPosition(new long[] {0, 0, 0});
            assertEquals(0, ra.get().getRealDouble(), axis.toString());
        }
        // along z, slice 0 holds only (3,0); along x, slice 0 (x = 0) is empty
        assertEquals(9, LabelStacks.fromVolume(v, Axis.Z).get(0, 3));
        assertNull(LabelStacks.fromVolume(v, Axis.X).slice(0));
    }

    @Test
    void largeLabelsNeedSixteenBitsAndNonLabelsAreRefused() {
        LabelStack s = new LabelStack(1, 1, 1);
        s.sliceForWriting(0)[0] = 1;
        var img = LabelStacks.toImage(s, Axis.Z, new long[] {1, 1, 1}, value -> 300);
        assertEquals(300, img.randomAccess().setPositionAndGet(0, 0, 0).getRealDouble());
        Volume floats = Volume.of(ArrayImgs.floats(new float[] {0.5f}, 1, 1, 1), new double[] {1, 1, 1}, "f.nii");
        assertThrows(org.cycleprop.util.UserException.class, () -> LabelStacks.fromVolume(floats, Axis.Z));
    }
}
