package org.cycleprop.volume;

import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.NativeType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
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

    /**
     * Writes a label stack cut along {@code axis} back into an (x, y, z) image of {@code dims}: 8-bit when
     * every label fits, else 16-bit. {@code valueOf} maps a stack label (1..K) to the value to store.
     */
    public static RandomAccessibleInterval<? extends RealType<?>> toImage(LabelStack stack, Axis axis, long[] dims,
                                                                          java.util.function.IntUnaryOperator valueOf) {
        int max = 0;
        for (int z = 0; z < stack.depth(); z++) {
            short[] s = stack.slice(z);
            if (s == null) continue;
            for (short v : s) if (v != 0) max = Math.max(max, valueOf.applyAsInt(Short.toUnsignedInt(v)));
        }
        if (max > 255) {
            ArrayImg<UnsignedShortType, ?> img = ArrayImgs.unsignedShorts(dims);
            fill(img, stack, axis, valueOf);
            return img;
        }
        ArrayImg<UnsignedByteType, ?> img = ArrayImgs.unsignedBytes(dims);
        fill(img, stack, axis, valueOf);
        return img;
    }

    private static <T extends RealType<T> & NativeType<T>> void fill(RandomAccessibleInterval<T> img, LabelStack stack,
                                                                      Axis axis, java.util.function.IntUnaryOperator valueOf) {
        for (int z = 0; z < stack.depth(); z++) {
            short[] s = stack.slice(z);
            if (s == null) continue;
            Cursor<T> c = Views.flatIterable(Views.hyperSlice(img, axis.dimension, z)).cursor();
            int i = 0;
            while (c.hasNext()) {
                T t = c.next();
                int v = Short.toUnsignedInt(s[i++]);
                if (v != 0) t.setReal(valueOf.applyAsInt(v));
            }
        }
    }
}
