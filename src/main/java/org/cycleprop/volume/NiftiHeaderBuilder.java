package org.cycleprop.volume;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Makes a {@link NiftiHeader}: either a modified copy of an existing one (every field not set here keeps
 * its bytes, in the original byte order) or a fresh little-endian header. {@link #build()} sets
 * {@code vox_offset} from the extension length, so it always matches what a writer puts in the file.
 */
public final class NiftiHeaderBuilder {
    /** NIfTI {@code xyzt_units} code for millimetres. */
    public static final int UNITS_MM = 2;

    private final ByteBuffer buffer;
    private byte[] extension;

    private NiftiHeaderBuilder(byte[] raw, byte[] extension, ByteOrder order) {
        this.buffer = ByteBuffer.wrap(raw.clone()).order(order);
        this.extension = extension.clone();
    }

    /** Starts from a copy of {@code header}. */
    public static NiftiHeaderBuilder from(NiftiHeader header) {
        return new NiftiHeaderBuilder(header.rawBytes(), header.extensionBytes(), header.byteOrder());
    }

    /**
     * A fresh header for a volume made in memory: no orientation (qform and sform codes 0, with a scaled
     * identity sform as a hint), millimetre units, no scaling, no extensions.
     */
    public static NiftiHeaderBuilder fresh(long[] dims, NiftiDatatype datatype, double[] spacing) {
        NiftiHeaderBuilder b = new NiftiHeaderBuilder(new byte[NiftiHeader.SIZE], new byte[4],
                ByteOrder.LITTLE_ENDIAN);
        b.buffer.putInt(NiftiHeader.SIZEOF_HDR, NiftiHeader.SIZE);
        b.buffer.put(NiftiHeader.MAGIC, "n+1\0".getBytes(StandardCharsets.ISO_8859_1));
        b.buffer.put(38, (byte) 'r'); // "regular", as the spec asks for compatibility with Analyze readers
        b.dims(dims).datatype(datatype).scaling(1, 0).xyztUnits(UNITS_MM);
        b.pixdim(0, 1); // qfac
        for (int d = 0; d < 3; d++) {
            b.pixdim(d + 1, spacing[d]);
            double[] row = new double[4];
            row[d] = spacing[d];
            b.srow(d, row);
        }
        return b;
    }

    /** Sets dim[0] = 3 and dim[1..3] = {@code dims}, dim[4..7] = 1. */
    public NiftiHeaderBuilder dims(long[] dims) {
        if (dims.length != 3) throw new IllegalArgumentException("a volume has 3 dimensions");
        short[] d = {3, 1, 1, 1, 1, 1, 1, 1};
        for (int i = 0; i < 3; i++) {
            if (dims[i] < 1 || dims[i] > Short.MAX_VALUE) {
                throw new IllegalArgumentException("dimension " + dims[i] + " does not fit a NIfTI-1 header");
            }
            d[i + 1] = (short) dims[i];
        }
        for (int i = 0; i < 8; i++) buffer.putShort(NiftiHeader.DIM + 2 * i, d[i]);
        return this;
    }

    /** Sets datatype and bitpix. */
    public NiftiHeaderBuilder datatype(NiftiDatatype datatype) {
        buffer.putShort(NiftiHeader.DATATYPE, (short) datatype.code());
        buffer.putShort(NiftiHeader.BITPIX, (short) datatype.bitpix());
        return this;
    }

    public NiftiHeaderBuilder pixdim(int index, double value) {
        buffer.putFloat(NiftiHeader.PIXDIM + 4 * index, (float) value);
        return this;
    }

    public NiftiHeaderBuilder scaling(double slope, double intercept) {
        buffer.putFloat(NiftiHeader.SCL_SLOPE, (float) slope);
        buffer.putFloat(NiftiHeader.SCL_INTER, (float) intercept);
        return this;
    }

    public NiftiHeaderBuilder qformCode(int code) {
        buffer.putShort(NiftiHeader.QFORM_CODE, (short) code);
        return this;
    }

    public NiftiHeaderBuilder sformCode(int code) {
        buffer.putShort(NiftiHeader.SFORM_CODE, (short) code);
        return this;
    }

    /** Sets quatern_b, quatern_c, quatern_d. */
    public NiftiHeaderBuilder quatern(double b, double c, double d) {
        putFloats(NiftiHeader.QUATERN_B, b, c, d);
        return this;
    }

    /** Sets qoffset_x, qoffset_y, qoffset_z. */
    public NiftiHeaderBuilder qoffset(double x, double y, double z) {
        putFloats(NiftiHeader.QOFFSET_X, x, y, z);
        return this;
    }

    /** Sets srow_x (row 0), srow_y (1) or srow_z (2). */
    public NiftiHeaderBuilder srow(int row, double[] values) {
        int offset = new int[] {NiftiHeader.SROW_X, NiftiHeader.SROW_Y, NiftiHeader.SROW_Z}[row];
        putFloats(offset, values);
        return this;
    }

    public NiftiHeaderBuilder xyztUnits(int units) {
        buffer.put(NiftiHeader.XYZT_UNITS, (byte) units);
        return this;
    }

    /** Sets the description (ASCII, cut to 79 characters so that it stays NUL-terminated). */
    public NiftiHeaderBuilder descrip(String text) {
        byte[] field = new byte[NiftiHeader.DESCRIP_LENGTH];
        byte[] t = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(t, 0, field, 0, Math.min(t.length, field.length - 1));
        buffer.put(NiftiHeader.DESCRIP, field);
        return this;
    }

    /** Sets the bytes between header and voxel data; fewer than 4 become the 4-byte "no extension" flag. */
    public NiftiHeaderBuilder extension(byte[] bytes) {
        extension = bytes.length < 4 ? new byte[4] : bytes.clone();
        return this;
    }

    /**
     * Re-grids the header for a new voxel lattice whose voxel (i, j, k) sits at old voxel coordinates
     * {@code origin + factor ⊙ (i, j, k)} (a crop and/or a resampling). Updates sform rows, qoffset and
     * pixdim[1..3] so that both transforms map the new voxels to the same world points as before; the
     * quaternion (a pure rotation) is unchanged.
     */
    public NiftiHeaderBuilder regrid(double[] origin, double[] factor) {
        NiftiHeader old = build();
        double[][] s = old.sformMatrix();
        for (int row = 0; row < 3; row++) {
            double[] r = new double[4];
            r[3] = s[row][3];
            for (int col = 0; col < 3; col++) {
                r[col] = s[row][col] * factor[col];
                r[3] += s[row][col] * origin[col];
            }
            srow(row, r);
        }
        double[][] q = old.qformMatrix();
        double[] offset = new double[3];
        for (int row = 0; row < 3; row++) {
            offset[row] = q[row][3];
            for (int col = 0; col < 3; col++) offset[row] += q[row][col] * origin[col];
        }
        qoffset(offset[0], offset[1], offset[2]);
        float[] p = old.pixdim();
        for (int d = 0; d < 3; d++) pixdim(d + 1, p[d + 1] * factor[d]);
        return this;
    }

    /** The header, with {@code vox_offset} = 348 + extension length. */
    public NiftiHeader build() {
        byte[] ext = extension.length < 4 ? new byte[4] : extension;
        buffer.putFloat(NiftiHeader.VOX_OFFSET, NiftiHeader.SIZE + ext.length);
        return new NiftiHeader(Arrays.copyOf(buffer.array(), NiftiHeader.SIZE), ext, buffer.order());
    }

    private void putFloats(int offset, double... values) {
        for (int i = 0; i < values.length; i++) buffer.putFloat(offset + 4 * i, (float) values[i]);
    }
}
