package org.cycleprop.fiji;

import ij.ImagePlus;
import ij.gui.Line;
import ij.gui.OvalRoi;
import ij.gui.Roi;
import org.cycleprop.util.UserException;
import org.cycleprop.volume.Axis;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Seeds from ROIs: names and groups make objects, positions make slices, and every bad input is named. */
class RoiSeedsTest {
    private final ImagePlus imp = TestImages.ramp(8, 20, 16, 10);

    private static Roi rect(String name, int x, int y, int w, int h, int slice) {
        Roi r = new Roi(x, y, w, h);
        r.setName(name);
        r.setPosition(slice);
        return r;
    }

    @Test
    void sameNameIsOneObjectAndPositionsAreSlices() {
        SeedSlices s = RoiSeeds.fromRois(imp, List.of(rect("liver", 1, 1, 3, 2, 3), rect("kidney", 10, 10, 2, 2, 3),
                rect("liver", 5, 5, 2, 2, 7)), null);
        assertEquals(Axis.Z, s.axis());
        assertEquals(Set.of(2, 6), s.slices().keySet(), "slices 3 and 7, 0-based");
        short[] z2 = s.slices().get(2);
        assertEquals(1, z2[1 + 1 * 20]);
        assertEquals(1, z2[3 + 2 * 20]);
        assertEquals(0, z2[4 + 1 * 20], "outside the 3x2 rectangle");
        assertEquals(2, z2[11 + 11 * 20], "the second name is object 2");
        assertEquals(6 + 4, count(z2), "3x2 + 2x2 pixels");
        short[] z6 = s.slices().get(6);
        assertEquals(1, z6[6 + 6 * 20], "the same name on another slice is the same object");
        assertEquals(4, count(z6));
        assertEquals(Map.of(1, "liver", 2, "kidney"), s.names());
    }

    @Test
    void aGroupIsOneObjectWhateverTheNames() {
        Roi a = rect("0003-0001-0001", 0, 0, 2, 2, 3);
        Roi b = rect("0005-0004-0004", 4, 4, 2, 2, 5);
        Roi c = rect("other", 8, 8, 2, 2, 5);
        a.setGroup(4);
        b.setGroup(4);
        SeedSlices s = RoiSeeds.fromRois(imp, List.of(c, a, b), null);
        assertEquals(1, s.slices().get(4)[8 + 8 * 20], "first in order is object 1");
        assertEquals(2, s.slices().get(2)[0]);
        assertEquals(2, s.slices().get(4)[4 + 4 * 20], "same group, other name: same object");
    }

    @Test
    void hyperstackPositionsGiveTheZSliceAndOvalsTheirMask() {
        ImagePlus hyper = ij.IJ.createImage("hyper", "8-bit black", 20, 16, 1, 6, 1);
        Roi oval = new OvalRoi(2, 2, 9, 9);
        oval.setName("o");
        oval.setPosition(1, 4, 1);
        short[] z = RoiSeeds.fromRois(hyper, List.of(oval), null).slices().get(3);
        assertEquals(1, z[6 + 6 * 20], "centre");
        assertEquals(0, z[2 + 2 * 20], "corner of the bounding box is outside the oval");
        int inside = count(z);
        assertTrue(inside > 50 && inside < 81, "about pi*4.5^2 pixels: " + inside);
    }

    @Test
    void selectionIsASeedOnTheCurrentSlice() {
        imp.setSlice(6);
        imp.setRoi(new Roi(2, 3, 4, 5));
        SeedSlices s = RoiSeeds.fromSelection(imp, null);
        assertEquals(Set.of(5), s.slices().keySet());
        assertEquals(20, count(s.slices().get(5)));
        imp.deleteRoi();
        assertMessage(() -> RoiSeeds.fromSelection(imp, null), "no selection on 'ramp8'");
    }

    @Test
    void badRoisAreRefusedWithTheirName() {
        assertMessage(() -> RoiSeeds.fromRois(imp, List.of(), null), "no ROI");
        assertMessage(() -> RoiSeeds.fromRois(imp, List.of(rect("loose", 1, 1, 2, 2, 0)), null),
                "ROI 'loose' is not on a slice (position 0)");
        assertMessage(() -> RoiSeeds.fromRois(imp, List.of(rect("deep", 1, 1, 2, 2, 11)), null),
                "ROI 'deep' is on slice 11 but 'ramp8' has 10 slices");
        assertMessage(() -> RoiSeeds.fromRois(imp, List.of(rect("away", 30, 1, 5, 5, 2)), null),
                "ROI 'away' on slice 2 lies outside 'ramp8' (20x16)");
        Roi line = new Line(1, 1, 5, 5);
        line.setName("cut");
        line.setPosition(2);
        assertMessage(() -> RoiSeeds.fromRois(imp, List.of(line), null), "ROI 'cut' on slice 2 is a straight line selection");
        ImagePlus flat = new ImagePlus("flat", new ij.process.ByteProcessor(5, 5));
        assertMessage(() -> RoiSeeds.fromRois(flat, List.of(rect("a", 0, 0, 1, 1, 1)), null), "'flat' is a single 2D image");
    }

    @Test
    void aRoiPartlyOutsideIsClipped() {
        short[] z = RoiSeeds.fromRois(imp, List.of(rect("edge", 18, 14, 5, 5, 1)), null).slices().get(0);
        assertEquals(4, count(z));
    }

    static int count(short[] s) {
        int n = 0;
        for (short v : s) if (v != 0) n++;
        return n;
    }

    static void assertMessage(org.junit.jupiter.api.function.Executable run, String start) {
        UserException e = assertThrows(UserException.class, run);
        assertTrue(e.getMessage().startsWith(start), e.getMessage());
    }
}
