package org.cycleprop.volume;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.ByteType;
import net.imglib2.type.numeric.integer.IntType;
import net.imglib2.type.numeric.integer.ShortType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.DoubleType;
import net.imglib2.type.numeric.real.FloatType;

import java.nio.ByteBuffer;
import java.util.Map;

/**
 * The NIfTI-1 voxel types CycleProp reads and writes, each tied to the imglib2 type that holds it exactly.
 * Every constant knows how to allocate its primitive array, fill it from file bytes, wrap it as an
 * {@code ArrayImg} without copying, and encode one value back.
 */
public enum NiftiDatatype {
    UINT8(2, 8, UnsignedByteType.class) {
        Object allocate(int n) { return new byte[n]; }
        void decode(ByteBuffer src, Object array, int offset, int count) { src.get((byte[]) array, offset, count); }
        RandomAccessibleInterval<? extends RealType<?>> wrap(Object array, long[] dims) {
            return ArrayImgs.unsignedBytes((byte[]) array, dims);
        }
        void encode(double value, ByteBuffer dst) { dst.put((byte) (int) value); }
    },
    INT8(256, 8, ByteType.class) {
        Object allocate(int n) { return new byte[n]; }
        void decode(ByteBuffer src, Object array, int offset, int count) { src.get((byte[]) array, offset, count); }
        RandomAccessibleInterval<? extends RealType<?>> wrap(Object array, long[] dims) {
            return ArrayImgs.bytes((byte[]) array, dims);
        }
        void encode(double value, ByteBuffer dst) { dst.put((byte) value); }
    },
    INT16(4, 16, ShortType.class) {
        Object allocate(int n) { return new short[n]; }
        void decode(ByteBuffer src, Object array, int offset, int count) {
            src.asShortBuffer().get((short[]) array, offset, count);
        }
        RandomAccessibleInterval<? extends RealType<?>> wrap(Object array, long[] dims) {
            return ArrayImgs.shorts((short[]) array, dims);
        }
        void encode(double value, ByteBuffer dst) { dst.putShort((short) value); }
    },
    UINT16(512, 16, UnsignedShortType.class) {
        Object allocate(int n) { return new short[n]; }
        void decode(ByteBuffer src, Object array, int offset, int count) {
            src.asShortBuffer().get((short[]) array, offset, count);
        }
        RandomAccessibleInterval<? extends RealType<?>> wrap(Object array, long[] dims) {
            return ArrayImgs.unsignedShorts((short[]) array, dims);
        }
        void encode(double value, ByteBuffer dst) { dst.putShort((short) (int) value); }
    },
    INT32(8, 32, IntType.class) {
        Object allocate(int n) { return new int[n]; }
        void decode(ByteBuffer src, Object array, int offset, int count) {
            src.asIntBuffer().get((int[]) array, offset, count);
        }
        RandomAccessibleInterval<? extends RealType<?>> wrap(Object array, long[] dims) {
            return ArrayImgs.ints((int[]) array, dims);
        }
        void encode(double value, ByteBuffer dst) { dst.putInt((int) value); }
    },
    FLOAT32(16, 32, FloatType.class) {
        Object allocate(int n) { return new float[n]; }
        void decode(ByteBuffer src, Object array, int offset, int count) {
            src.asFloatBuffer().get((float[]) array, offset, count);
        }
        RandomAccessibleInterval<? extends RealType<?>> wrap(Object array, long[] dims) {
            return ArrayImgs.floats((float[]) array, dims);
        }
        void encode(double value, ByteBuffer dst) { dst.putFloat((float) value); }
    },
    FLOAT64(64, 64, DoubleType.class) {
        Object allocate(int n) { return new double[n]; }
        void decode(ByteBuffer src, Object array, int offset, int count) {
            src.asDoubleBuffer().get((double[]) array, offset, count);
        }
        RandomAccessibleInterval<? extends RealType<?>> wrap(Object array, long[] dims) {
            return ArrayImgs.doubles((double[]) array, dims);
        }
        void encode(double value, ByteBuffer dst) { dst.putDouble(value); }
    };

    /** Names of the NIfTI-1 codes we do not support, so that an error can say what the file holds. */
    private static final Map<Integer, String> UNSUPPORTED = Map.of(
            1, "binary", 32, "complex64", 128, "RGB24", 768, "uint32", 1024, "int64", 1280, "uint64",
            1536, "float128", 1792, "complex128", 2048, "complex256", 2304, "RGBA32");

    private final int code;
    private final int bitpix;
    private final Class<? extends RealType<?>> type;

    NiftiDatatype(int code, int bitpix, Class<? extends RealType<?>> type) {
        this.code = code;
        this.bitpix = bitpix;
        this.type = type;
    }

    /** The NIfTI {@code datatype} code. */
    public int code() {
        return code;
    }

    /** The NIfTI {@code bitpix} (bits per voxel). */
    public int bitpix() {
        return bitpix;
    }

    public int bytesPerVoxel() {
        return bitpix / 8;
    }

    /** The imglib2 type a volume of this datatype is stored in. */
    public Class<? extends RealType<?>> imglib2Type() {
        return type;
    }

    /** A new primitive array for {@code n} voxels. */
    abstract Object allocate(int n);

    /** Copies {@code count} voxels from {@code src} (whose byte order is set) into {@code array} at {@code offset}. */
    abstract void decode(ByteBuffer src, Object array, int offset, int count);

    /** An {@code ArrayImg} over {@code array} (no copy). */
    abstract RandomAccessibleInterval<? extends RealType<?>> wrap(Object array, long[] dims);

    /** Appends {@code value} (exactly representable in this type) to {@code dst}. */
    abstract void encode(double value, ByteBuffer dst);

    /** The datatype with NIfTI code {@code code}, or null if CycleProp does not support it. */
    public static NiftiDatatype ofCode(int code) {
        for (NiftiDatatype d : values()) {
            if (d.code == code) return d;
        }
        return null;
    }

    /** The datatype that stores {@code pixel}'s imglib2 type exactly, or null if there is none. */
    public static NiftiDatatype of(RealType<?> pixel) {
        for (NiftiDatatype d : values()) {
            if (d.type == pixel.getClass()) return d;
        }
        return null;
    }

    /** "code 128 (RGB24)" for messages. */
    public static String describeCode(int code) {
        NiftiDatatype d = ofCode(code);
        String name = d != null ? d.name().toLowerCase(java.util.Locale.ROOT) : UNSUPPORTED.get(code);
        return "code " + code + (name != null ? " (" + name + ")" : "");
    }

    /** The list of supported types for messages. */
    public static String supportedList() {
        return "uint8, int8, int16, uint16, int32, float32, float64";
    }
}
