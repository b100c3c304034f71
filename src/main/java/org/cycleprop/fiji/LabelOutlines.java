package org.cycleprop.fiji;

import ij.ImagePlus;
import ij.gui.Overlay;
import ij.gui.Roi;
import ij.plugin.filter.ThresholdToSelection;
import ij.process.ByteProcessor;
import ij.process.ImageProcessor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The objects of a label image as ImageJ selections: one ROI per object per Z slice, on its slice, outlined in
 * the object's {@link GlasbeyLut} colour and named after the object and slice. They become an overlay on the
 * source (its existing overlay is copied, never changed, and its pixels are not touched) or ROI Manager entries.
 */
public final class LabelOutlines {
    private LabelOutlines() {
    }

    /** Every object of every slice of {@code labels}, in slice then value order. */
    public static List<Roi> perSlice(ImagePlus labels) {
        Map<Integer, String> names = PreviousResult.objectNames(labels);
        List<Roi> rois = new ArrayList<>();
        for (int z = 1; z <= labels.getStackSize(); z++) {
            ImageProcessor ip = labels.getStack().getProcessor(z);
            TreeSet<Integer> values = new TreeSet<>();
            for (int i = 0; i < ip.getPixelCount(); i++) if (ip.getf(i) != 0) values.add((int) ip.getf(i));
            for (int v : values) {
                ByteProcessor mask = new ByteProcessor(ip.getWidth(), ip.getHeight());
                for (int i = 0; i < ip.getPixelCount(); i++) if ((int) ip.getf(i) == v) mask.set(i, 255);
                mask.setThreshold(255, 255, ImageProcessor.NO_LUT_UPDATE);
                Roi roi = new ThresholdToSelection().convert(mask);
                if (roi == null) continue;
                roi.setPosition(z);
                roi.setStrokeColor(GlasbeyLut.colour(v));
                roi.setName(names.getOrDefault(v, "label " + v) + " z" + z);
                rois.add(roi);
            }
        }
        return rois;
    }

    /** A copy of {@code source}'s overlay (or a new one) with the outlines of {@code labels} added. */
    public static Overlay overlay(ImagePlus source, ImagePlus labels) {
        Overlay overlay = source.getOverlay() == null ? new Overlay() : source.getOverlay().duplicate();
        for (Roi roi : perSlice(labels)) overlay.add(roi);
        return overlay;
    }
}
