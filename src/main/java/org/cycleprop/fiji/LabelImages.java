package org.cycleprop.fiji;

import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.Calibration;
import net.imglib2.Cursor;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;
import org.cycleprop.util.UserException;
import org.cycleprop.volume.Axis;
import org.cycleprop.volume.LabelStack;
import org.cycleprop.volume.LabelStacks;
import org.cycleprop.volume.Volume;

/**
 * Label images in ImageJ: 16-bit stacks (0 = background, 1.. = objects) with the source's spatial calibration
 * and the {@link GlasbeyLut}, written from and read into {@link LabelStack}s cut along any axis through the
 * zero-copy {@link ImagePlusImg} view.
 */
public final class LabelImages {
    private LabelImages() {
    }

    /** A new label image on the grid of {@code source} holding {@code labels} (slices along {@code axis}). */
    public static ImagePlus create(String title, ImagePlus source, LabelStack labels, Axis axis) {
        int width = source.getWidth();
        int height = source.getHeight();
        int depth = source.getStackSize();
        ImageStack stack = new ImageStack(width, height);
        for (int z = 0; z < depth; z++) stack.addSlice(null, new short[width * height]);
        ImagePlus out = new ImagePlus(title, stack);
        out.setDimensions(1, depth, 1);
        write(labels, axis, out);
        Calibration cal = source.getCalibration().copy();
        cal.disableDensityCalibration(); // labels are counts, whatever the source's intensity calibration was
        out.setCalibration(cal);
        out.setLut(GlasbeyLut.get());
        out.setDisplayRange(0, 255); // one LUT colour per label value
        return out;
    }

    /** Writes {@code labels} (slices along {@code axis}) into the stack of {@code target}, pixel for pixel. */
    static void write(LabelStack labels, Axis axis, ImagePlus target) {
        var img = ImagePlusImg.wrap(target);
        for (int z = 0; z < labels.depth(); z++) {
            short[] s = labels.slice(z);
            Cursor<? extends RealType<?>> c = Views.flatIterable(Views.hyperSlice(img, axis.dimension, z)).cursor();
            int i = 0;
            while (c.hasNext()) c.next().setReal(s == null ? 0 : Short.toUnsignedInt(s[i++]));
        }
    }

    /** The label values of {@code labels} cut along {@code axis}; non-integer or negative values are refused. */
    public static LabelStack read(ImagePlus labels, Axis axis) {
        ImagePlusImg.check(labels);
        Calibration cal = labels.getCalibration();
        Volume v = Volume.of(ImagePlusImg.wrap(labels), new double[] {cal.pixelWidth, cal.pixelHeight, cal.pixelDepth},
                "'" + labels.getTitle() + "'");
        return LabelStacks.fromVolume(v, axis);
    }

    /** Refuses a label image whose grid differs from the image's. */
    static void checkSameSize(ImagePlus labels, ImagePlus image) {
        if (labels.getWidth() != image.getWidth() || labels.getHeight() != image.getHeight()
                || labels.getStackSize() != image.getStackSize()) {
            throw new UserException("'" + labels.getTitle() + "' is " + size(labels) + " but '" + image.getTitle()
                    + "' is " + size(image) + "; the label image must have the same size");
        }
    }

    static String size(ImagePlus imp) {
        return imp.getWidth() + "x" + imp.getHeight() + "x" + imp.getStackSize();
    }
}
