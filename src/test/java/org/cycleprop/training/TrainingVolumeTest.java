package org.cycleprop.training;

import net.imglib2.img.array.ArrayImgs;
import org.cycleprop.util.UserException;
import org.cycleprop.volume.Axis;
import org.cycleprop.volume.LabelStack;
import org.cycleprop.volume.SliceStack;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainingVolumeTest {

    /** A 10×10×5 label volume: label 1 has 25 px on slices 1 and 2, 10 px on slice 3; label 2 has 30 px on 2. */
    private static LabelStack labels() {
        LabelStack stack = new LabelStack(10, 10, 5);
        for (int z = 1; z <= 3; z++) {
            short[] s = stack.sliceForWriting(z);
            int count = z == 3 ? 10 : 25;
            for (int i = 0; i < count; i++) s[i] = 1;
        }
        short[] s2 = stack.sliceForWriting(2);
        for (int i = 50; i < 80; i++) s2[i] = 2;
        return stack;
    }

    private static SliceStack image(int w, int h, int d) {
        float[] data = new float[w * h * d];
        for (int i = 0; i < data.length; i++) data[i] = i;
        return new SliceStack(ArrayImgs.floats(data, w, h, d), Axis.Z);
    }

    @Test
    void findsUsableObjectsAndSlicesWithMinPixels() {
        TrainingVolume v = TrainingVolume.from("v", image(10, 10, 5), labels(), TrainingVolume.allLabels(), 20);
        assertArrayEquals(new int[] {1, 2}, v.objectLabels());
        assertArrayEquals(new int[] {1, 2}, v.usableSlices(1)); // slice 3 has only 10 px
        assertArrayEquals(new int[] {2}, v.usableSlices(2));
        assertArrayEquals(new int[] {1, 2}, v.objectsOn(2));
        assertArrayEquals(new int[] {1}, v.objectsOn(1));
        assertEquals(2, v.usableSliceCount());
        assertTrue(v.isPresent(1, 1));
        assertFalse(v.isPresent(1, 3));
        assertNull(v.labels(0));
        assertArrayEquals(new int[] {0, 0, 9, 2}, v.boundingBox(1, 1)); // pixels 0..24: rows 0, 1 and half of row 2
        assertNull(v.boundingBox(0, 1));
    }

    @Test
    void labelFilterKeepsOnlyChosenLabels() {
        TrainingVolume v = TrainingVolume.from("v", image(10, 10, 5), labels(), TrainingVolume.onlyLabels(2), 20);
        assertArrayEquals(new int[] {2}, v.objectLabels());
        assertEquals(1, v.usableSliceCount());
        assertArrayEquals(new int[0], v.usableSlices(1));
    }

    @Test
    void lowerMinPixelsMakesSmallSlicesUsable() {
        TrainingVolume v = TrainingVolume.from("v", image(10, 10, 5), labels(), TrainingVolume.allLabels(), 10);
        assertArrayEquals(new int[] {1, 2, 3}, v.usableSlices(1));
    }

    @Test
    void imageIsClippedToPercentilesAndScaledToUnitRange() {
        // values 0..499: 1st percentile at position 0.01·499 = 4.99, 99th at 494.01 (linear interpolation)
        TrainingVolume v = TrainingVolume.from("v", image(10, 10, 5), labels(), TrainingVolume.allLabels(), 20);
        float[] slice0 = v.image(0);
        assertEquals(0f, slice0[0], 0f);
        assertEquals(0f, slice0[4], 0f);
        assertEquals((50 - 4.99) / (494.01 - 4.99), v.image(0)[50], 1e-5);
        assertEquals(1f, v.image(4)[99], 0f);
        assertEquals((300 - 4.99) / (494.01 - 4.99), v.image(3)[0], 1e-5);
    }

    @Test
    void customNormaliserIsUsed() {
        TrainingVolume v = TrainingVolume.from("v", image(10, 10, 5), labels(), TrainingVolume.allLabels(), 20,
                slices -> {
                    for (float[] s : slices) java.util.Arrays.fill(s, 0.25f);
                    return slices;
                });
        assertEquals(0.25f, v.image(2)[17], 0f);
    }

    @Test
    void mismatchedLabelsAreAUserError() {
        UserException e = assertThrows(UserException.class, () -> TrainingVolume.from("scan.nii.gz",
                image(10, 10, 4), labels(), TrainingVolume.allLabels(), 20));
        assertTrue(e.getMessage().startsWith("scan.nii.gz:"), e.getMessage());
    }

    @Test
    void maskMarksExactlyTheLabelPixels() {
        TrainingVolume v = TrainingVolume.from("v", image(10, 10, 5), labels(), TrainingVolume.allLabels(), 20);
        float[] m = v.mask(2, 2);
        for (int i = 0; i < m.length; i++) assertEquals(i >= 50 && i < 80 ? 1f : 0f, m[i], 0f);
    }
}
