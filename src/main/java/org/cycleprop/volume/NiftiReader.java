package org.cycleprop.volume;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import org.cycleprop.util.UserException;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads a single-file NIfTI-1 volume ({@code .nii}, or gzip-compressed, recognised by its magic bytes) into a
 * {@link Volume} whose stored image is an imglib2 {@code ArrayImg} over the one primitive array the voxels
 * were decoded into. The file is only read; every problem becomes a {@link UserException} starting with
 * the file path.
 */
public final class NiftiReader {
    /** At most one Java array of voxels. */
    static final long MAX_VOXELS = Integer.MAX_VALUE - 8;
    /** Extensions larger than this are taken as a corrupt {@code vox_offset}. */
    static final long MAX_EXTENSION_BYTES = 64L << 20;
    /** After the voxels, at most this much of a gzip stream is read to reach (and check) its CRC trailer. */
    private static final int MAX_TRAILING_BYTES = 1 << 20;
    private static final int CHUNK_BYTES = 1 << 20;

    private NiftiReader() {
    }

    /** Reads the volume at {@code path}. */
    public static Volume read(Path path) {
        String source = path.toString();
        checkIsFile(path);
        try (Input input = open(path)) {
            NiftiHeader header = readHeader(input.stream, source);
            long[] dims = volumeDimensions(header, source);
            NiftiDatatype type = datatype(header, source);
            long voxels = dims[0] * dims[1] * dims[2];
            long dataBytes = voxels * type.bytesPerVoxel();
            checkSize(path, input.gzip, header, voxels, dataBytes);
            Object array = type.allocate((int) voxels);
            readVoxels(input.stream, type, header.byteOrder(), array, dataBytes, source);
            if (input.gzip) readTrailer(input.stream);
            RandomAccessibleInterval<? extends RealType<?>> stored = type.wrap(array, dims);
            double slope = header.sclSlope();
            boolean scaled = slope != 0 && Double.isFinite(slope);
            double intercept = scaled && Float.isFinite(header.sclInter()) ? header.sclInter() : 0;
            return new Volume(stored, spacing(header), scaled ? slope : 1, intercept, header, source);
        } catch (EOFException e) {
            throw new UserException(source + ": gzip data is truncated (the file ends too early)", e);
        } catch (ZipException e) {
            throw new UserException(source + ": gzip data is corrupt (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw readError(path, e);
        }
    }

    /** Reads only the header (and extensions) of the file at {@code path}. */
    public static NiftiHeader readHeader(Path path) {
        String source = path.toString();
        checkIsFile(path);
        try (Input input = open(path)) {
            return readHeader(input.stream, source);
        } catch (EOFException e) {
            throw new UserException(source + ": gzip data is truncated (the file ends too early)", e);
        } catch (ZipException e) {
            throw new UserException(source + ": gzip data is corrupt (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw readError(path, e);
        }
    }

    /** An open file stream, decompressed if the file starts with the gzip magic bytes. */
    private static final class Input implements AutoCloseable {
        final InputStream stream;
        final boolean gzip;

        Input(InputStream stream, boolean gzip) {
            this.stream = stream;
            this.gzip = gzip;
        }

        @Override
        public void close() throws IOException {
            stream.close();
        }
    }

    private static Input open(Path path) throws IOException {
        BufferedInputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
        try {
            in.mark(2);
            int b0 = in.read();
            int b1 = in.read();
            in.reset();
            boolean gzip = b0 == 0x1f && b1 == 0x8b;
            return new Input(gzip ? new GZIPInputStream(in, 1 << 16) : in, gzip);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    private static void checkIsFile(Path path) {
        if (Files.isDirectory(path)) throw new UserException(path + ": is a folder, not a file");
    }

    private static UserException readError(Path path, IOException e) {
        if (e instanceof NoSuchFileException) return new UserException(path + ": file not found", e);
        if (e instanceof AccessDeniedException) {
            return new UserException(path + ": cannot be read (permission denied)", e);
        }
        return new UserException(path + ": cannot be read (" + e.getMessage() + ")", e);
    }

    private static NiftiHeader readHeader(InputStream in, String source) throws IOException {
        byte[] bytes = in.readNBytes(NiftiHeader.SIZE);
        NiftiHeader header = NiftiHeader.parse(bytes, source);
        float offset = header.voxOffset();
        if (!(offset >= NiftiHeader.SIZE && offset <= NiftiHeader.SIZE + MAX_EXTENSION_BYTES)
                || offset != Math.rint(offset)) {
            throw new UserException(source + ": invalid vox_offset " + offset + " (expected a whole number from "
                    + NiftiHeader.SIZE + " to " + (NiftiHeader.SIZE + MAX_EXTENSION_BYTES) + ")");
        }
        int extensionLength = (int) offset - NiftiHeader.SIZE;
        byte[] extension = in.readNBytes(extensionLength);
        if (extension.length < extensionLength) {
            throw new UserException(source + ": file is truncated: it ends inside the header extensions");
        }
        return header.withExtension(extension);
    }

    /** dim[1..3], after checking that the file holds one 3D volume. */
    private static long[] volumeDimensions(NiftiHeader header, String source) {
        int[] dim = header.dim();
        int n = dim[0];
        if (n < 1 || n > 7) {
            throw new UserException(source + ": invalid dim[0] = " + n + " (number of dimensions must be 1 to 7)");
        }
        if (n < 3 || n > 4) {
            throw new UserException(source + ": has " + n + " dimensions (dim = " + Arrays.toString(dim)
                    + "); only 3D volumes (or 4D with a single volume) are supported");
        }
        if (n == 4 && dim[4] != 1) {
            throw new UserException(source + ": is a 4D series of " + dim[4]
                    + " volumes; only a single 3D volume is supported");
        }
        long[] dims = new long[3];
        for (int d = 0; d < 3; d++) {
            if (dim[d + 1] < 1) {
                throw new UserException(source + ": invalid size " + dim[d + 1] + " in dimension " + (d + 1)
                        + " (dim = " + Arrays.toString(dim) + ")");
            }
            dims[d] = dim[d + 1];
        }
        return dims;
    }

    private static NiftiDatatype datatype(NiftiHeader header, String source) {
        NiftiDatatype type = NiftiDatatype.ofCode(header.datatype());
        if (type == null) {
            throw new UserException(source + ": unsupported datatype " + NiftiDatatype.describeCode(header.datatype())
                    + "; supported: " + NiftiDatatype.supportedList());
        }
        return type;
    }

    /** Refuses sizes that cannot fit one array or the heap, and plain files shorter than the header promises. */
    private static void checkSize(Path path, boolean gzip, NiftiHeader header, long voxels, long dataBytes)
            throws IOException {
        if (voxels > MAX_VOXELS) {
            throw new UserException(path + ": has " + voxels + " voxels; at most " + MAX_VOXELS + " are supported");
        }
        long heap = Runtime.getRuntime().maxMemory();
        if (dataBytes > heap) {
            throw new UserException(path + ": needs " + (dataBytes >> 20) + " MB of memory but the Java heap is at most "
                    + (heap >> 20) + " MB");
        }
        if (!gzip) {
            long needed = (long) header.voxOffset() + dataBytes;
            long size = Files.size(path);
            if (size < needed) {
                throw new UserException(path + ": file is truncated: the header promises " + needed
                        + " bytes (header and voxel data) but the file has " + size);
            }
        }
    }

    /** Decodes {@code dataBytes} bytes into {@code array} chunk by chunk, so no second full-size buffer exists. */
    private static void readVoxels(InputStream in, NiftiDatatype type, ByteOrder order, Object array, long dataBytes,
                                   String source) throws IOException {
        byte[] chunk = new byte[CHUNK_BYTES];
        ByteBuffer buffer = ByteBuffer.wrap(chunk).order(order);
        int bytesPerVoxel = type.bytesPerVoxel();
        long done = 0;
        while (done < dataBytes) {
            int want = (int) Math.min(CHUNK_BYTES, dataBytes - done);
            int got = in.readNBytes(chunk, 0, want);
            if (got < want) {
                throw new UserException(source + ": file is truncated: the header promises " + dataBytes
                        + " bytes of voxel data but only " + (done + got) + " are present");
            }
            buffer.clear().limit(got);
            type.decode(buffer, array, (int) (done / bytesPerVoxel), got / bytesPerVoxel);
            done += got;
        }
    }

    /** Reads what follows the voxels in a gzip stream so that its CRC is checked; trailing data is ignored. */
    private static void readTrailer(InputStream in) throws IOException {
        byte[] sink = new byte[8192];
        long left = MAX_TRAILING_BYTES;
        int n;
        while (left > 0 && (n = in.read(sink, 0, (int) Math.min(sink.length, left))) >= 0) left -= n;
    }

    /** Voxel size from |pixdim[1..3]|; a missing (0 or non-finite) size reads as 1. */
    private static double[] spacing(NiftiHeader header) {
        float[] p = header.pixdim();
        double[] s = new double[3];
        for (int d = 0; d < 3; d++) {
            double v = Math.abs(p[d + 1]);
            s[d] = v > 0 && Double.isFinite(v) ? v : 1;
        }
        return s;
    }
}
