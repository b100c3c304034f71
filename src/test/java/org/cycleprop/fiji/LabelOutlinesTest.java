package org.cycleprop.fiji;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.Overlay;
import ij.gui.Roi;
import org.junit.jupiter.api.Test;

import java.awt.Rectangle;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Outlines of a label image: one ROI per object and slice, and an overlay that copies the existing one. */
class LabelOutlinesTest {

    @Test
    void oneOutlinePerObjectAndSliceInTheObjectsColour() {
        ImagePlus labels = IJ.createImage("labels", "16-bit black", 20, 16, 3);
        for (int y = 2; y < 5; y++) for (int x = 2; x < 6; x++) labels.getStack().getProcessor(2).set(x, y, 1);
        for (int y = 10; y < 13; y++) for (int x = 10; x < 13; x++) labels.getStack().getProcessor(2).set(x, y, 2);
        labels.getStack().getProcessor(3).set(0, 0, 1);
        labels.setProp(PreviousResult.OBJECTS, "1=liver\t2=kidney");
        List<Roi> rois = LabelOutlines.perSlice(labels);
        assertEquals(3, rois.size());
        assertEquals(new Rectangle(2, 2, 4, 3), rois.get(0).getBounds());
        assertEquals(2, rois.get(0).getPosition());
        assertEquals("liver z2", rois.get(0).getName());
        assertEquals(new Rectangle(10, 10, 3, 3), rois.get(1).getBounds());
        assertEquals("kidney z2", rois.get(1).getName());
        assertEquals(GlasbeyLut.colour(2), rois.get(1).getStrokeColor());
        assertNotEquals(GlasbeyLut.colour(1), GlasbeyLut.colour(2));
        assertEquals(3, rois.get(2).getPosition());
        assertEquals(new Rectangle(0, 0, 1, 1), rois.get(2).getBounds());
    }

    @Test
    void theOverlayIsACopyOfTheImagesOwn() {
        ImagePlus source = TestImages.ramp(8, 20, 16, 3);
        Overlay own = new Overlay(new Roi(1, 1, 2, 2));
        source.setOverlay(own);
        ImagePlus labels = IJ.createImage("labels", "16-bit black", 20, 16, 3);
        labels.getStack().getProcessor(1).set(5, 5, 4);
        Overlay overlay = LabelOutlines.overlay(source, labels);
        assertEquals(2, overlay.size());
        assertEquals(1, own.size(), "the image's own overlay is not changed");
        assertSame(own, source.getOverlay());
    }
}
