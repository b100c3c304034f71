package org.cycleprop.fiji;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ColorProcessor;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.type.numeric.RealType;
import org.cycleprop.util.UserException;
import org.cycleprop.volume.Axis;
import org.cycleprop.volume.SliceStack;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The zero-copy view of ImageJ stacks: shared arrays, values along every axis, refusals. */
class ImagePlusImgTest {

    @Test
    void planesAreTheStacksOwnArraysForEveryBitDepth() {
        for (int bits : new int[] {8, 16, 32}) {
            ImagePlus imp = TestImages.ramp(bits, 5, 4, 3);
            PlanarImg<? extends RealType<?>, ?> img = ImagePlusImg.wrap(imp);
            assertArrayEquals(new long[] {5, 4, 3}, img.dimensionsAsLongArray());
            for (int z = 0; z < 3; z++) {
                assertSame(imp.getStack().getPixels(z + 1), img.getPlane(z).getCurrentStorageArray(), bits + "-bit plane " + z);
            }
            var ra = img.randomAccess();
            assertEquals(3 + 10 * 2 + 100 * 1, ra.setPositionAndGet(3, 2, 1).getRealDouble(), bits + "-bit value");
            // a write through ImageJ is seen by the view, and one through the view by ImageJ
            imp.getStack().getProcessor(3).setf(4, 3, 77);
            assertEquals(77, ra.setPositionAndGet(4, 3, 2).getRealDouble());
            ra.setPositionAndGet(0, 0, 0).setReal(42);
            assertEquals(42, imp.getStack().getProcessor(1).getf(0, 0));
        }
    }

    @Test
    void slicesAlongXAndYReadTheRightPixels() {
        ImagePlus imp = TestImages.ramp(16, 5, 4, 3);
        SliceStack x = ImagePlusImg.slices(imp, Axis.X);
        assertEquals(5, x.depth());
        assertEquals(4, x.width()); // u = y
        assertEquals(3, x.height()); // v = z
        float[] slice = x.floats(2); // x = 2
        for (int z = 0; z < 3; z++) {
            for (int y = 0; y < 4; y++) assertEquals(2 + 10 * y + 100 * z, slice[y + z * 4]);
        }
        SliceStack y = ImagePlusImg.slices(imp, Axis.Y);
        assertEquals(4, y.depth());
        float[] ys = y.floats(3); // y = 3, u = x, v = z
        for (int z = 0; z < 3; z++) {
            for (int xx = 0; xx < 5; xx++) assertEquals(xx + 30 + 100 * z, ys[xx + z * 5]);
        }
        float[] zs = ImagePlusImg.slices(imp, Axis.Z).floats(1);
        assertEquals(3 + 10 * 2 + 100, zs[3 + 2 * 5]);
    }

    @Test
    void aSingleChannelHyperstackWithZSlicesIsAVolume() {
        ImagePlus imp = ij.IJ.createImage("hyper", "16-bit black", 5, 4, 1, 3, 1);
        imp.setOpenAsHyperStack(true);
        imp.getStack().getProcessor(imp.getStackIndex(1, 2, 1)).setf(1, 1, 9);
        assertEquals(3, imp.getNSlices());
        assertEquals(9, ImagePlusImg.wrap(imp).randomAccess().setPositionAndGet(1, 1, 1).getRealDouble());
    }

    @Test
    void refusesWhatIsNotOneGreyscaleVolume() {
        ImageStack rgb = new ImageStack(4, 4);
        rgb.addSlice(new ColorProcessor(4, 4));
        rgb.addSlice(new ColorProcessor(4, 4));
        assertMessage(new ImagePlus("colour", rgb), "'colour' is an RGB image");
        assertMessage(new ImagePlus("flat", new ij.process.ByteProcessor(4, 4)), "'flat' is a single 2D image");
        ImagePlus channels = TestImages.ramp(8, 4, 4, 6);
        channels.setTitle("two");
        channels.setDimensions(2, 3, 1);
        assertMessage(channels, "'two' has 2 channels");
        ImagePlus frames = TestImages.ramp(8, 4, 4, 6);
        frames.setTitle("movie");
        frames.setDimensions(1, 2, 3);
        assertMessage(frames, "'movie' has 3 time frames");
    }

    private static void assertMessage(ImagePlus imp, String start) {
        UserException e = assertThrows(UserException.class, () -> ImagePlusImg.wrap(imp));
        assertTrue(e.getMessage().startsWith(start), e.getMessage());
    }
}
