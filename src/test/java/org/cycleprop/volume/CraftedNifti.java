package org.cycleprop.volume;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;

/**
 * Builds NIfTI-1 files byte by byte for tests, following nifti1.h directly rather than the production code,
 * so that the reader is checked against an independent encoding.
 */
final class CraftedNifti {
    ByteOrder order = ByteOrder.LITTLE_ENDIAN;
    int sizeofHdr = 348;
    short[] dim = {3, 2, 3, 4, 1, 1, 1, 1};
    short datatype = 4;
    short bitpix = 16;
    float[] pixdim = {1, 0.5f, 0.75f, 2f, 0, 0, 0, 0};
    float voxOffset = 352;
    float sclSlope = 0;
    float sclInter = 0;
    String magic = "n+1\0";
    String descrip = "crafted";
    short qformCode = 1;
    short sformCode = 2;
    float[] quatern = {0, 0, 1, 10, 20, 30}; // b, c, d (180 degrees about z), qoffset x, y, z
    float[] srow = {-0.5f, 0, 0, 1, 0, 0.75f, 0, 2, 0, 0, 2, 3};
    byte xyztUnits = 10; // mm + s
    byte[] extension = new byte[4];
    byte[] data = new byte[0];

    byte[] header() {
        ByteBuffer b = ByteBuffer.allocate(348).order(order);
        b.putInt(0, sizeofHdr);
        for (int i = 0; i < 8; i++) b.putShort(40 + 2 * i, dim[i]);
        b.putShort(70, datatype);
        b.putShort(72, bitpix);
        for (int i = 0; i < 8; i++) b.putFloat(76 + 4 * i, pixdim[i]);
        b.putFloat(108, voxOffset);
        b.putFloat(112, sclSlope);
        b.putFloat(116, sclInter);
        b.put(123, xyztUnits);
        byte[] d = descrip.getBytes(StandardCharsets.US_ASCII);
        b.put(148, d, 0, Math.min(d.length, 79));
        b.putShort(252, qformCode);
        b.putShort(254, sformCode);
        for (int i = 0; i < 6; i++) b.putFloat(256 + 4 * i, quatern[i]);
        for (int i = 0; i < 12; i++) b.putFloat(280 + 4 * i, srow[i]);
        b.put(344, magic.getBytes(StandardCharsets.ISO_8859_1), 0, 4);
        return b.array();
    }

    /** Voxel bytes for int16 values in this file's byte order. */
    CraftedNifti shorts(short... values) {
        ByteBuffer b = ByteBuffer.allocate(2 * values.length).order(order);
        for (short v : values) b.putShort(v);
        data = b.array();
        return this;
    }

    byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header());
        out.writeBytes(extension);
        out.writeBytes(data);
        return out.toByteArray();
    }

    Path write(Path file) throws IOException {
        byte[] bytes = bytes();
        if (file.getFileName().toString().endsWith(".gz")) bytes = gzip(bytes);
        Files.write(file, bytes);
        return file;
    }

    static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(bytes);
        }
        return out.toByteArray();
    }

    static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
