package org.cycleprop.volume;

import org.cycleprop.util.UserException;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A NIfTI-1 header exactly as read: the raw 348 bytes in the file's byte order, plus the bytes between the
 * header and the voxel data (extensions), so that a writer can reproduce every field it does not have to
 * change. Immutable; typed getters decode the fields on demand. {@link NiftiHeaderBuilder} makes modified
 * copies.
 */
public final class NiftiHeader {
    /** Size of a NIfTI-1 header in bytes (the value of {@code sizeof_hdr}). */
    public static final int SIZE = 348;

    // Byte offsets of the fields (nifti1.h).
    static final int SIZEOF_HDR = 0;
    static final int DIM = 40;
    static final int DATATYPE = 70;
    static final int BITPIX = 72;
    static final int PIXDIM = 76;
    static final int VOX_OFFSET = 108;
    static final int SCL_SLOPE = 112;
    static final int SCL_INTER = 116;
    static final int XYZT_UNITS = 123;
    static final int DESCRIP = 148;
    static final int DESCRIP_LENGTH = 80;
    static final int QFORM_CODE = 252;
    static final int SFORM_CODE = 254;
    static final int QUATERN_B = 256;
    static final int QOFFSET_X = 268;
    static final int SROW_X = 280;
    static final int SROW_Y = 296;
    static final int SROW_Z = 312;
    static final int MAGIC = 344;

    private final byte[] raw;
    private final byte[] extension;
    private final ByteOrder order;

    NiftiHeader(byte[] raw, byte[] extension, ByteOrder order) {
        this.raw = raw.clone();
        this.extension = extension.clone();
        this.order = order;
    }

    /**
     * Parses the first {@value #SIZE} bytes of a single-file NIfTI-1 image. The byte order is the one in
     * which {@code sizeof_hdr} reads 348. {@code source} names the file in error messages.
     *
     * @throws UserException if the bytes are not a NIfTI-1 single-file header
     */
    public static NiftiHeader parse(byte[] bytes, String source) {
        if (bytes.length < SIZE) {
            throw new UserException(source + ": too short for a NIfTI-1 header (" + bytes.length + " of "
                    + SIZE + " bytes)");
        }
        ByteOrder order = detectOrder(bytes, source);
        byte[] raw = java.util.Arrays.copyOf(bytes, SIZE);
        String magic = new String(raw, MAGIC, 4, StandardCharsets.ISO_8859_1);
        if (magic.equals("ni1\0")) {
            throw new UserException(source + ": is the header of a NIfTI .hdr/.img pair; pairs are not supported,"
                    + " convert it to a single .nii or .nii.gz file");
        }
        if (!magic.equals("n+1\0")) {
            throw new UserException(source + ": not a NIfTI-1 file (magic is '" + printable(magic)
                    + "', expected 'n+1')");
        }
        return new NiftiHeader(raw, new byte[0], order);
    }

    private static ByteOrder detectOrder(byte[] bytes, String source) {
        ByteBuffer b = ByteBuffer.wrap(bytes, SIZEOF_HDR, 4);
        int little = b.order(ByteOrder.LITTLE_ENDIAN).getInt(SIZEOF_HDR);
        int big = b.order(ByteOrder.BIG_ENDIAN).getInt(SIZEOF_HDR);
        if (little == SIZE) return ByteOrder.LITTLE_ENDIAN;
        if (big == SIZE) return ByteOrder.BIG_ENDIAN;
        if (little == 540 || big == 540) {
            throw new UserException(source + ": is a NIfTI-2 file; only NIfTI-1 is supported");
        }
        throw new UserException(source + ": not a NIfTI-1 file (header size field is " + little + ", expected "
                + SIZE + ")");
    }

    private static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c >= 32 && c < 127) sb.append(c);
            else sb.append(String.format("\\x%02x", (int) c));
        }
        return sb.toString();
    }

    /** A copy of this header with {@code extension} as the bytes between the header and the voxel data. */
    public NiftiHeader withExtension(byte[] extension) {
        return new NiftiHeader(raw, extension, order);
    }

    private ByteBuffer buffer() {
        return ByteBuffer.wrap(raw).order(order);
    }

    public ByteOrder byteOrder() {
        return order;
    }

    /** The 348 header bytes as in the file (a copy). */
    public byte[] rawBytes() {
        return raw.clone();
    }

    /** The bytes between the header and {@code vox_offset} (extension flag and extensions; a copy). */
    public byte[] extensionBytes() {
        return extension.clone();
    }

    /** {@code dim[0..7]}: dim[0] is the number of dimensions, dim[1..] the sizes. */
    public int[] dim() {
        ByteBuffer b = buffer();
        int[] d = new int[8];
        for (int i = 0; i < 8; i++) d[i] = b.getShort(DIM + 2 * i);
        return d;
    }

    public int datatype() {
        return buffer().getShort(DATATYPE);
    }

    public int bitpix() {
        return buffer().getShort(BITPIX);
    }

    /** {@code pixdim[0..7]}: pixdim[0] is qfac, pixdim[1..3] the voxel size. */
    public float[] pixdim() {
        return floats(PIXDIM, 8);
    }

    public float voxOffset() {
        return buffer().getFloat(VOX_OFFSET);
    }

    /** Raw {@code scl_slope}; 0 means "no scaling". */
    public float sclSlope() {
        return buffer().getFloat(SCL_SLOPE);
    }

    public float sclInter() {
        return buffer().getFloat(SCL_INTER);
    }

    public int qformCode() {
        return buffer().getShort(QFORM_CODE);
    }

    public int sformCode() {
        return buffer().getShort(SFORM_CODE);
    }

    /** {@code quatern_b, quatern_c, quatern_d}. */
    public float[] quatern() {
        return floats(QUATERN_B, 3);
    }

    /** {@code qoffset_x, qoffset_y, qoffset_z}. */
    public float[] qoffset() {
        return floats(QOFFSET_X, 3);
    }

    public float[] srowX() {
        return floats(SROW_X, 4);
    }

    public float[] srowY() {
        return floats(SROW_Y, 4);
    }

    public float[] srowZ() {
        return floats(SROW_Z, 4);
    }

    /** Spatial and temporal units (bits 0-2 space: 1 m, 2 mm, 3 µm; bits 3-5 time). */
    public int xyztUnits() {
        return raw[XYZT_UNITS] & 0xff;
    }

    /** The description text, up to the first NUL. */
    public String descrip() {
        int end = DESCRIP;
        while (end < DESCRIP + DESCRIP_LENGTH && raw[end] != 0) end++;
        return new String(raw, DESCRIP, end - DESCRIP, StandardCharsets.ISO_8859_1);
    }

    public String magic() {
        int end = MAGIC;
        while (end < MAGIC + 4 && raw[end] != 0) end++;
        return new String(raw, MAGIC, end - MAGIC, StandardCharsets.ISO_8859_1);
    }

    /** The sform affine rows (3×4, voxel index → world mm), as stored. */
    public double[][] sformMatrix() {
        return new double[][] {toDouble(srowX()), toDouble(srowY()), toDouble(srowZ())};
    }

    /**
     * The qform affine (3×4, voxel index → world mm) from the quaternion, pixdim and qoffset, following
     * method 2 of nifti1.h.
     */
    public double[][] qformMatrix() {
        double[][] r = qformRotation();
        float[] p = pixdim();
        double qfac = p[0] < 0 ? -1 : 1;
        double[] scale = {p[1], p[2], qfac * p[3]};
        float[] o = qoffset();
        double[][] m = new double[3][4];
        for (int row = 0; row < 3; row++) {
            for (int col = 0; col < 3; col++) m[row][col] = r[row][col] * scale[col];
            m[row][3] = o[row];
        }
        return m;
    }

    /** The rotation matrix encoded by the quaternion (b, c, d), a = sqrt(1 - b² - c² - d²). */
    double[][] qformRotation() {
        float[] q = quatern();
        double b = q[0];
        double c = q[1];
        double d = q[2];
        double aa = 1 - (b * b + c * c + d * d);
        double a;
        if (aa < 1e-7) {
            // b, c, d are (nearly) a unit vector: a 180° rotation; renormalise as nifti1_io does.
            double n = Math.sqrt(b * b + c * c + d * d);
            a = 0;
            b /= n;
            c /= n;
            d /= n;
        } else {
            a = Math.sqrt(aa);
        }
        return new double[][] {
                {a * a + b * b - c * c - d * d, 2 * (b * c - a * d), 2 * (b * d + a * c)},
                {2 * (b * c + a * d), a * a + c * c - b * b - d * d, 2 * (c * d - a * b)},
                {2 * (b * d - a * c), 2 * (c * d + a * b), a * a + d * d - c * c - b * b}};
    }

    private float[] floats(int offset, int n) {
        ByteBuffer b = buffer();
        float[] out = new float[n];
        for (int i = 0; i < n; i++) out[i] = b.getFloat(offset + 4 * i);
        return out;
    }

    private static double[] toDouble(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) d[i] = f[i];
        return d;
    }
}
