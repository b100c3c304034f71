package org.cycleprop.fiji;

import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.Calibration;
import ij.process.ImageProcessor;
import net.imglib2.Cursor;
import net.imglib2.view.Views;
import org.cycleprop.volume.NiftiReader;
import org.cycleprop.volume.Volume;

import java.nio.file.Path;
import java.security.MessageDigest;

/** Images for the Fiji tests: small made-up stacks, the embedded sample as an ImagePlus, pixel hashes. */
final class TestImages {
    static final Path SAMPLE = Path.of("data/sample/colin27_t1_2mm.nii.gz");

    private TestImages() {
    }

    /** A stack whose pixel (x, y, z) is {@code x + 10 y + 100 z}, of the given bit depth (8, 16 or 32). */
    static ImagePlus ramp(int bits, int width, int height, int depth) {
        ImageStack stack = ImageStack.create(width, height, depth, bits);
        for (int z = 0; z < depth; z++) {
            ImageProcessor ip = stack.getProcessor(z + 1);
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) ip.setf(x, y, bits == 8 ? (x + 10 * y + 100 * z) % 256 : x + 10 * y + 100 * z);
            }
        }
        ImagePlus imp = new ImagePlus("ramp" + bits, stack);
        Calibration cal = imp.getCalibration();
        cal.pixelWidth = 0.5;
        cal.pixelHeight = 0.75;
        cal.pixelDepth = 2;
        cal.setUnit("mm");
        return imp;
    }

    /** A volume read from NIfTI as an ImagePlus (8-bit, 16-bit or float), its spacing as the calibration. */
    static ImagePlus fromVolume(Volume v, String title) {
        int w = (int) v.size(0);
        int h = (int) v.size(1);
        int d = (int) v.size(2);
        Object type = net.imglib2.util.Util.getTypeFromInterval(v.stored());
        int bits = type instanceof net.imglib2.type.numeric.integer.UnsignedByteType ? 8
                : type instanceof net.imglib2.type.numeric.integer.UnsignedShortType ? 16 : 32;
        ImageStack stack = ImageStack.create(w, h, d, bits);
        Cursor<? extends net.imglib2.type.numeric.RealType<?>> c = Views.flatIterable(v.stored()).cursor();
        for (int z = 0; z < d; z++) {
            ImageProcessor ip = stack.getProcessor(z + 1);
            for (int i = 0; i < w * h; i++) ip.setf(i, c.next().getRealFloat());
        }
        ImagePlus imp = new ImagePlus(title, stack);
        Calibration cal = imp.getCalibration();
        double[] s = v.spacing();
        cal.pixelWidth = s[0];
        cal.pixelHeight = s[1];
        cal.pixelDepth = s[2];
        cal.setUnit("mm");
        return imp;
    }

    static ImagePlus sample() {
        return fromVolume(NiftiReader.read(SAMPLE), "colin27_t1_2mm.nii.gz");
    }

    /** SHA-256 over every pixel of every slice. */
    static String pixelHash(ImagePlus imp) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        for (int z = 1; z <= imp.getStackSize(); z++) {
            ImageProcessor ip = imp.getStack().getProcessor(z);
            for (int i = 0; i < ip.getPixelCount(); i++) {
                int bits = Float.floatToIntBits(ip.getf(i));
                md.update(new byte[] {(byte) (bits >> 24), (byte) (bits >> 16), (byte) (bits >> 8), (byte) bits});
            }
        }
        StringBuilder hex = new StringBuilder();
        for (byte b : md.digest()) hex.append(String.format("%02x", b));
        return hex.toString();
    }
}
