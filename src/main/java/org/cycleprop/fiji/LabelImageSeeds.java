package org.cycleprop.fiji;

import ij.ImagePlus;
import org.cycleprop.util.UserException;
import org.cycleprop.volume.Axis;
import org.cycleprop.volume.LabelStack;

/**
 * Seeds from a label image on the grid of the image: its non-empty slices along the propagation axis are the
 * seed slices, and every label value is one object that keeps its value in the result.
 */
public final class LabelImageSeeds {
    private LabelImageSeeds() {
    }

    public static SeedSlices from(ImagePlus labels, ImagePlus image, Axis axis) {
        if (labels == null) throw new UserException("seed image: no label image chosen");
        if (labels == image) throw new UserException("seed image: '" + image.getTitle() + "' is the image itself; "
                + "choose the label image that holds the drawn slices");
        LabelImages.checkSameSize(labels, image);
        LabelStack stack = LabelImages.read(labels, axis);
        SeedSlices seeds = new SeedSlices(axis, stack.width(), stack.height());
        for (int z = 0; z < stack.depth(); z++) {
            short[] s = stack.slice(z);
            if (s != null) seeds.put(z, s.clone());
        }
        if (seeds.slices().isEmpty()) {
            throw new UserException("seed image: '" + labels.getTitle() + "' is empty; draw the objects on at least one slice");
        }
        return seeds;
    }
}
