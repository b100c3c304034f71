package org.cycleprop.volume;

import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.util.Util;
import net.imglib2.view.Views;
import org.cycleprop.util.AtomicOutputFile;
import org.cycleprop.util.UserException;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a {@link Volume} as a single-file NIfTI-1 image ({@code .nii}, or gzip-compressed for
 * {@code .nii.gz}). The stored values are written in their own type, so label maps stay exact. A volume
 * read from NIfTI keeps its whole header (orientation, pixdim, description, units, extensions, byte order);
 * only dim, datatype, bitpix, vox_offset and the scaling are set from the volume (and pixdim[1..3] if the
 * volume's spacing differs from it). A volume without a header gets a fresh one (see
 * {@link NiftiHeaderBuilder#fresh}).
 */
public final class NiftiWriter {
    private static final int CHUNK_BYTES = 1 << 20;

    private NiftiWriter() {
    }

    /** Writes {@code volume} to {@code path}; an existing file is replaced only if {@code force}. */
    public static void write(Volume volume, Path path, boolean force) {
        boolean gzip = gzipFor(path);
        AtomicOutputFile.checkWritable(path, force);
        NiftiDatatype type = datatypeOf(volume, path);
        NiftiHeader header = headerFor(volume, type, path);
        AtomicOutputFile.write(path, force, out -> {
            if (gzip) {
                GZIPOutputStream z = new GZIPOutputStream(out, 1 << 16);
                writeTo(z, header, type, volume.stored());
                z.finish();
            } else {
                writeTo(out, header, type, volume.stored());
            }
        });
    }

    /** True for {@code .nii.gz}, false for {@code .nii}; anything else is refused. */
    static boolean gzipFor(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".nii.gz")) return true;
        if (name.endsWith(".nii")) return false;
        throw new UserException(path + ": a NIfTI file name must end in .nii or .nii.gz");
    }

    private static NiftiDatatype datatypeOf(Volume volume, Path path) {
        RealType<?> pixel = Util.getTypeFromInterval(volume.stored());
        NiftiDatatype type = NiftiDatatype.of(pixel);
        if (type == null) {
            throw new UserException(path + ": cannot write pixels of type " + pixel.getClass().getSimpleName()
                    + " as NIfTI; supported: " + NiftiDatatype.supportedList());
        }
        return type;
    }

    /** The volume's own header with the fields that describe the new data replaced, or a fresh one. */
    static NiftiHeader headerFor(Volume volume, NiftiDatatype type, Path path) {
        long[] dims = volume.dimensions();
        for (long d : dims) {
            if (d > Short.MAX_VALUE) {
                throw new UserException(path + ": a NIfTI-1 dimension is at most " + Short.MAX_VALUE + ", got " + d);
            }
        }
        double[] spacing = volume.spacing();
        NiftiHeaderBuilder b;
        if (volume.header() == null) {
            b = NiftiHeaderBuilder.fresh(dims, type, spacing);
        } else {
            b = NiftiHeaderBuilder.from(volume.header()).dims(dims).datatype(type);
            float[] pixdim = volume.header().pixdim();
            for (int d = 0; d < 3; d++) {
                // Keep pixdim (and its sign) unless the volume's spacing says otherwise.
                if (Math.abs(pixdim[d + 1]) != (float) spacing[d]) b.pixdim(d + 1, spacing[d]);
            }
        }
        return b.scaling(volume.slope(), volume.intercept()).build();
    }

    private static void writeTo(OutputStream out, NiftiHeader header, NiftiDatatype type,
                                RandomAccessibleInterval<? extends RealType<?>> stored) throws IOException {
        out.write(header.rawBytes());
        out.write(header.extensionBytes());
        ByteBuffer buffer = ByteBuffer.allocate(CHUNK_BYTES).order(header.byteOrder());
        // Flat iteration is x fastest, then y, then z: NIfTI's voxel order, for any kind of image or view.
        Cursor<? extends RealType<?>> c = Views.flatIterable(stored).cursor();
        while (c.hasNext()) {
            if (buffer.remaining() < type.bytesPerVoxel()) flush(buffer, out);
            type.encode(c.next().getRealDouble(), buffer);
        }
        flush(buffer, out);
    }

    private static void flush(ByteBuffer buffer, OutputStream out) throws IOException {
        out.write(buffer.array(), 0, buffer.position());
        buffer.clear();
    }
}
