package org.cycleprop.fiji;

import ij.ImagePlus;
import ij.ImageStack;
import net.imglib2.img.basictypeaccess.array.ArrayDataAccess;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.img.basictypeaccess.array.ShortArray;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.type.NativeType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.FloatType;
import org.cycleprop.util.UserException;
import org.cycleprop.volume.Axis;
import org.cycleprop.volume.SliceStack;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * An ImageJ stack seen as a 3D imglib2 image (x, y, z) without copying: ImageJ keeps one primitive array per
 * slice, and a {@link PlanarImg} is made of exactly such per-plane arrays, so each plane of the result is the
 * stack's own {@code byte[]}, {@code short[]} or {@code float[]}. Writes through either side are seen by the
 * other. Propagation along X or Y then comes from {@link SliceStack} views of this image, again without copies.
 * A virtual stack has no arrays to share; its slices are read once into memory.
 */
public final class ImagePlusImg {
    private ImagePlusImg() {
    }

    /** The stack of {@code imp} as an (x, y, z) image in its own pixel type (8-bit, 16-bit unsigned, float). */
    public static PlanarImg<? extends RealType<?>, ?> wrap(ImagePlus imp) {
        check(imp);
        ImageStack stack = imp.getStack();
        long[] dims = {stack.getWidth(), stack.getHeight(), stack.getSize()};
        switch (imp.getBitDepth()) {
            case 8: {
                PlanarImg<UnsignedByteType, ByteArray> img = planar(stack, dims, a -> new ByteArray((byte[]) a));
                img.setLinkedType(new UnsignedByteType(img));
                return img;
            }
            case 16: {
                PlanarImg<UnsignedShortType, ShortArray> img = planar(stack, dims, a -> new ShortArray((short[]) a));
                img.setLinkedType(new UnsignedShortType(img));
                return img;
            }
            default: {
                PlanarImg<FloatType, FloatArray> img = planar(stack, dims, a -> new FloatArray((float[]) a));
                img.setLinkedType(new FloatType(img));
                return img;
            }
        }
    }

    /** Slices of {@code imp} along {@code axis}, as views of {@link #wrap}. */
    public static SliceStack slices(ImagePlus imp, Axis axis) {
        return new SliceStack(wrap(imp), axis);
    }

    /**
     * Refuses what is not one greyscale 3D volume, with a message naming the image and what to do:
     * RGB, a single 2D slice, several channels or several time frames.
     */
    public static void check(ImagePlus imp) {
        if (imp == null) throw new UserException("no image: open a 3D image first");
        String title = "'" + imp.getTitle() + "'";
        int bits = imp.getBitDepth();
        if (bits == 24) {
            throw new UserException(title + " is an RGB image: convert it to 8-bit, 16-bit or 32-bit first (Image > Type)");
        }
        if (bits != 8 && bits != 16 && bits != 32) {
            throw new UserException(title + " has " + bits + "-bit pixels; only 8-bit, 16-bit and 32-bit images are supported");
        }
        if (imp.getNChannels() > 1) {
            throw new UserException(title + " has " + imp.getNChannels() + " channels: propagation needs a single "
                    + "channel (Image > Color > Split Channels, or Image > Duplicate one channel)");
        }
        if (imp.getNFrames() > 1) {
            throw new UserException(title + " has " + imp.getNFrames() + " time frames: propagation needs one 3D "
                    + "volume (if the frames are really slices, swap them in Image > Properties)");
        }
        if (imp.getStackSize() < 2) {
            throw new UserException(title + " is a single 2D image: propagation needs a stack of slices");
        }
    }

    private static <T extends NativeType<T>, A extends ArrayDataAccess<A>> PlanarImg<T, A> planar(
            ImageStack stack, long[] dims, Function<Object, A> access) {
        List<A> planes = new ArrayList<>(stack.getSize());
        for (int z = 1; z <= stack.getSize(); z++) {
            // a virtual stack builds a fresh array on every call, so each slice is read exactly once here
            Object pixels = stack.isVirtual() ? stack.getProcessor(z).getPixels() : stack.getPixels(z);
            planes.add(access.apply(pixels));
        }
        return new PlanarImg<>(planes, dims, new net.imglib2.util.Fraction());
    }
}
