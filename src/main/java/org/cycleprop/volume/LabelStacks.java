package org.cycleprop.volume;

import net.imglib2.Cursor;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;
import org.cycleprop.util.UserException;

/** Conversions between label volumes and {@link LabelStack}s along an axis. */
public final class LabelStacks {
    private LabelStacks() {
    }

    /**
     * Reads the stored values of a label volume, slice by slice along {@code axis}. Labels must be whole
     * numbers in 0..65535 (the range of an ImageJ label image); anything else is refused with a message
     * naming the volume's source.
     */
    public static LabelStack fromVolume(Volume labels, Axis axis) {
        SliceStack slices = new SliceStack(labels.stored(), axis);
        LabelStack out = new LabelStack(slices.width(), slices.height(), slices.depth());
        for (int z = 0; z < slices.depth(); z++) {
            short[] s = null;
            Cursor<? extends RealType<?>> c = Views.flatIterable(slices.view(z)).cursor();
            int i = 0;
            while (c.hasNext()) {
                double v = c.next().getRealDouble();
                if (v != 0) {
                    if (v < 0 || v > 65535 || v != Math.rint(v)) {
                        throw new UserException(labels.source() + ": not a label map: it holds the value " + v
                                + " (labels must be whole numbers from 0 to 65535)");
                    }
                    if (s == null) s = new short[slices.width() * slices.height()];
                    s[i] = (short) v;
                }
                i++;
            }
            out.setSlice(z, s);
        }
        return out;
    }
}
