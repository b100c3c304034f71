package org.cycleprop.volume;

import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileInfo;
import ij.io.FileOpener;
import ij.io.FileSaver;
import ij.io.Opener;
import ij.io.TiffDecoder;
import ij.io.TiffEncoder;
import ij.measure.Calibration;
import ij.process.ByteProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import ij.process.ShortProcessor;
import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
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
import net.imglib2.util.Fraction;
import net.imglib2.util.Util;
import net.imglib2.view.Views;
import org.cycleprop.util.AtomicOutputFile;
import org.cycleprop.util.UserException;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Reads and writes greyscale TIFF stacks (8-bit, 16-bit, 32-bit float) with ImageJ's TIFF codec
 * ({@code ij.io}), without any GUI call. This is the one class of the {@code volume} package that uses ImageJ
 * types; its API speaks only {@link Volume}.
 * <p>
 * Spacing comes from the ImageJ calibration (converted to mm when the unit is known), intensity scaling from
 * a straight-line calibration function (how ImageJ marks signed 16-bit data, and how this class stores a
 * volume's slope and intercept for 8- and 16-bit data). Unsigned 8- and 16-bit and float volumes are written
 * as they are stored; any other pixel type is written as 32-bit float intensities.
 */
public final class TiffStackFile {
    private TiffStackFile() {
    }

    /** Reads the TIFF stack at {@code path}; slices become z. */
    public static Volume read(Path path) {
        checkExtension(path);
        if (Files.isDirectory(path)) throw new UserException(path + ": is a folder, not a file");
        if (!Files.exists(path)) throw new UserException(path + ": file not found");
        if (!Files.isReadable(path)) throw new UserException(path + ": cannot be read (permission denied)");
        File file = path.toAbsolutePath().toFile();
        FileInfo[] info;
        try {
            info = new TiffDecoder(file.getParent() + File.separator, file.getName()).getTiffInfo();
        } catch (IOException | RuntimeException e) {
            throw new UserException(path + ": not a readable TIFF file (" + e.getMessage() + ")", e);
        }
        if (info == null || info.length == 0) throw new UserException(path + ": not a readable TIFF file");
        checkPixelType(path, info[0]);
        checkComplete(path, info, file.length());
        ImagePlus imp = info.length > 1 ? new Opener().openTiffStack(info) : new FileOpener(info[0]).openImage();
        if (imp == null) throw new UserException(path + ": could not be decoded as a TIFF stack");
        if (imp.getNChannels() > 1 || imp.getBitDepth() == 24) {
            throw new UserException(path + ": has colour or several channels; only greyscale stacks are supported");
        }
        return toVolume(imp, path.toString());
    }

    /** Writes {@code volume} as a TIFF stack; an existing file is replaced only if {@code force}. */
    public static void write(Volume volume, Path path, boolean force) {
        checkExtension(path);
        AtomicOutputFile.checkWritable(path, force);
        ImagePlus imp = toImagePlus(volume, path.getFileName().toString());
        AtomicOutputFile.write(path, force, out -> {
            // What FileSaver.saveAsTiffStack does, but into our stream so the write stays atomic and its
            // errors reach us instead of an ImageJ dialog.
            FileInfo fi = imp.getFileInfo();
            fi.description = new FileSaver(imp).getDescriptionString();
            new TiffEncoder(fi).write(out);
        });
    }

    private static void checkExtension(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".tif") && !name.endsWith(".tiff")) {
            throw new UserException(path + ": a TIFF file name must end in .tif or .tiff");
        }
    }

    private static void checkPixelType(Path path, FileInfo fi) {
        switch (fi.fileType) {
            case FileInfo.GRAY8:
            case FileInfo.GRAY16_SIGNED:
            case FileInfo.GRAY16_UNSIGNED:
            case FileInfo.GRAY32_FLOAT:
            case FileInfo.GRAY32_INT:
            case FileInfo.GRAY32_UNSIGNED:
                return;
            default:
                throw new UserException(path + ": unsupported TIFF pixel type (ImageJ file type " + fi.fileType
                        + ", " + fi.getBytesPerPixel() * 8 + " bits per pixel); only 8-, 16- and 32-bit greyscale stacks are supported");
        }
    }

    /** ImageJ fills missing pixels with zeros; an uncompressed file shorter than its strips is an error instead. */
    private static void checkComplete(Path path, FileInfo[] info, long fileSize) {
        for (FileInfo fi : info) {
            if (fi.compression > FileInfo.COMPRESSION_NONE) continue;
            long images = info.length == 1 ? fi.nImages : 1;
            long plane = (long) fi.width * fi.height * fi.getBytesPerPixel();
            long end = fi.getOffset() + images * plane + (images - 1) * fi.gapBetweenImages;
            if (end > fileSize) {
                throw new UserException(path + ": file is truncated: its image data needs " + end
                        + " bytes but the file has " + fileSize);
            }
        }
    }

    private static Volume toVolume(ImagePlus imp, String source) {
        ImageStack stack = imp.getStack();
        long[] dims = {stack.getWidth(), stack.getHeight(), stack.getSize()};
        RandomAccessibleInterval<? extends RealType<?>> stored;
        switch (imp.getBitDepth()) {
            case 8: {
                PlanarImg<UnsignedByteType, ByteArray> img = wrap(stack, dims, a -> new ByteArray((byte[]) a));
                img.setLinkedType(new UnsignedByteType(img));
                stored = img;
                break;
            }
            case 16: {
                PlanarImg<UnsignedShortType, ShortArray> img = wrap(stack, dims, a -> new ShortArray((short[]) a));
                img.setLinkedType(new UnsignedShortType(img));
                stored = img;
                break;
            }
            case 32: {
                PlanarImg<FloatType, FloatArray> img = wrap(stack, dims, a -> new FloatArray((float[]) a));
                img.setLinkedType(new FloatType(img));
                stored = img;
                break;
            }
            default:
                throw new UserException(source + ": unsupported bit depth " + imp.getBitDepth());
        }
        Calibration cal = imp.getCalibration();
        double toMm = millimetresPer(cal.getUnit());
        double[] spacing = {positive(cal.pixelWidth) * toMm, positive(cal.pixelHeight) * toMm,
                positive(cal.pixelDepth) * toMm};
        double slope = 1;
        double intercept = 0;
        double[] c = cal.getCoefficients();
        if (cal.getFunction() == Calibration.STRAIGHT_LINE && c != null && c.length >= 2) {
            intercept = c[0];
            slope = c[1];
        }
        return new Volume(stored, spacing, slope, intercept, null, source);
    }

    /**
     * A PlanarImg over the stack's own slice arrays. ImageJ keeps one primitive array per slice, and a
     * PlanarImg is imglib2's image made of exactly such per-plane arrays, so the volume shares the pixels
     * with the decoded stack instead of copying them into one big array (which would double the memory and
     * could not exceed 2^31 voxels).
     */
    private static <T extends NativeType<T>, A extends ArrayDataAccess<A>> PlanarImg<T, A> wrap(
            ImageStack stack, long[] dims, Function<Object, A> access) {
        List<A> planes = new ArrayList<>(stack.getSize());
        for (int z = 1; z <= stack.getSize(); z++) planes.add(access.apply(stack.getPixels(z)));
        return new PlanarImg<>(planes, dims, new Fraction());
    }

    private static double positive(double v) {
        return v > 0 && Double.isFinite(v) ? v : 1;
    }

    /** Millimetres per calibration unit; unknown units (including "pixel") are taken as millimetres. */
    static double millimetresPer(String unit) {
        switch (unit == null ? "" : unit.trim().toLowerCase(Locale.ROOT)) {
            case "m": case "meter": case "metre": return 1000;
            case "cm": return 10;
            case "µm": case "um": case "micron": case "microns": case "\u03bcm": return 1e-3;
            case "nm": return 1e-6;
            case "inch": case "in": return 25.4;
            default: return 1;
        }
    }

    private static ImagePlus toImagePlus(Volume volume, String title) {
        RandomAccessibleInterval<? extends RealType<?>> stored = volume.stored();
        RealType<?> pixel = Util.getTypeFromInterval(stored);
        boolean identity = volume.slope() == 1 && volume.intercept() == 0;
        int bits;
        RandomAccessibleInterval<? extends RealType<?>> source = stored;
        if (pixel instanceof UnsignedByteType) {
            bits = 8;
        } else if (pixel instanceof UnsignedShortType) {
            bits = 16;
        } else {
            bits = 32;
            if (!(pixel instanceof FloatType) || !identity) source = volume.intensities();
        }
        int w = (int) volume.size(0);
        int h = (int) volume.size(1);
        int depth = (int) volume.size(2);
        ImageStack stack = new ImageStack(w, h);
        for (int z = 0; z < depth; z++) {
            ImageProcessor ip = bits == 8 ? new ByteProcessor(w, h) : bits == 16 ? new ShortProcessor(w, h)
                    : new FloatProcessor(w, h);
            Cursor<? extends RealType<?>> c = Views.flatIterable(Views.hyperSlice(Views.zeroMin(source), 2, z))
                    .cursor();
            for (int i = 0; c.hasNext(); i++) ip.setf(i, c.next().getRealFloat());
            stack.addSlice(ip);
        }
        ImagePlus imp = new ImagePlus(title, stack);
        imp.setDimensions(1, depth, 1);
        Calibration cal = imp.getCalibration();
        double[] spacing = volume.spacing();
        cal.pixelWidth = spacing[0];
        cal.pixelHeight = spacing[1];
        cal.pixelDepth = spacing[2];
        cal.setUnit("mm");
        if (bits != 32 && !identity) {
            cal.setFunction(Calibration.STRAIGHT_LINE, new double[] {volume.intercept(), volume.slope()}, "");
        }
        imp.resetDisplayRange();
        return imp;
    }
}
