package org.cycleprop.volume;

import org.cycleprop.util.UserException;
import org.junit.jupiter.api.Test;

import java.nio.ByteOrder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NiftiHeaderTest {

    private static void assertFieldsOfCrafted(NiftiHeader h, ByteOrder order) {
        assertEquals(order, h.byteOrder());
        assertArrayEquals(new int[] {3, 2, 3, 4, 1, 1, 1, 1}, h.dim());
        assertEquals(4, h.datatype());
        assertEquals(16, h.bitpix());
        assertArrayEquals(new float[] {1, 0.5f, 0.75f, 2f, 0, 0, 0, 0}, h.pixdim());
        assertEquals(352f, h.voxOffset());
        assertEquals(1, h.qformCode());
        assertEquals(2, h.sformCode());
        assertArrayEquals(new float[] {0, 0, 1}, h.quatern());
        assertArrayEquals(new float[] {10, 20, 30}, h.qoffset());
        assertArrayEquals(new float[] {-0.5f, 0, 0, 1}, h.srowX());
        assertArrayEquals(new float[] {0, 0.75f, 0, 2}, h.srowY());
        assertArrayEquals(new float[] {0, 0, 2, 3}, h.srowZ());
        assertEquals(10, h.xyztUnits());
        assertEquals("crafted", h.descrip());
        assertEquals("n+1", h.magic());
    }

    @Test
    void parsesEveryFieldLittleEndian() {
        CraftedNifti c = new CraftedNifti();
        c.sclSlope = 2.5f;
        c.sclInter = -4f;
        NiftiHeader h = NiftiHeader.parse(c.header(), "t.nii");
        assertFieldsOfCrafted(h, ByteOrder.LITTLE_ENDIAN);
        assertEquals(2.5f, h.sclSlope());
        assertEquals(-4f, h.sclInter());
        assertArrayEquals(c.header(), h.rawBytes());
    }

    @Test
    void detectsBigEndianFromSizeofHdr() {
        CraftedNifti c = new CraftedNifti();
        c.order = ByteOrder.BIG_ENDIAN;
        NiftiHeader h = NiftiHeader.parse(c.header(), "t.nii");
        assertFieldsOfCrafted(h, ByteOrder.BIG_ENDIAN);
    }

    @Test
    void keepsExtensionBytes() {
        byte[] ext = {1, 0, 0, 0, 32, 0, 0, 0, 4, 0, 0, 0, 'a', 'b', 'c', 'd'};
        NiftiHeader h = NiftiHeader.parse(new CraftedNifti().header(), "t.nii").withExtension(ext);
        assertArrayEquals(ext, h.extensionBytes());
    }

    @Test
    void refusesPairsWrongMagicAndOtherFormats() {
        CraftedNifti pair = new CraftedNifti();
        pair.magic = "ni1\0";
        UserException e = assertThrows(UserException.class, () -> NiftiHeader.parse(pair.header(), "x.hdr"));
        assertTrue(e.getMessage().startsWith("x.hdr: ") && e.getMessage().contains("pairs are not supported"),
                e.getMessage());

        CraftedNifti wrong = new CraftedNifti();
        wrong.magic = "abc\0";
        e = assertThrows(UserException.class, () -> NiftiHeader.parse(wrong.header(), "w.nii"));
        assertTrue(e.getMessage().startsWith("w.nii: not a NIfTI-1 file"), e.getMessage());

        CraftedNifti two = new CraftedNifti();
        two.sizeofHdr = 540;
        e = assertThrows(UserException.class, () -> NiftiHeader.parse(two.header(), "n2.nii"));
        assertTrue(e.getMessage().contains("NIfTI-2"), e.getMessage());

        e = assertThrows(UserException.class, () -> NiftiHeader.parse(new byte[100], "short.nii"));
        assertTrue(e.getMessage().startsWith("short.nii: too short"), e.getMessage());
    }

    @Test
    void qformMatrixFollowsTheQuaternion() {
        // (b, c, d) = (0, 0, 1): a = 0, a rotation of 180 degrees about z, R = diag(-1, -1, 1).
        NiftiHeader h = NiftiHeader.parse(new CraftedNifti().header(), "t.nii");
        double[][] q = h.qformMatrix();
        assertArrayEquals(new double[] {-0.5, 0, 0, 10}, q[0], 1e-6);
        assertArrayEquals(new double[] {0, -0.75, 0, 20}, q[1], 1e-6);
        assertArrayEquals(new double[] {0, 0, 2, 30}, q[2], 1e-6);

        // qfac = pixdim[0] = -1 flips the third column.
        CraftedNifti flipped = new CraftedNifti();
        flipped.pixdim[0] = -1;
        assertArrayEquals(new double[] {0, 0, -2, 30}, NiftiHeader.parse(flipped.header(), "t.nii").qformMatrix()[2],
                1e-6);

        // (b, c, d) = (0, 0, sin 45°): 90 degrees about z, x' = -j*dy, y' = i*dx.
        CraftedNifti turned = new CraftedNifti();
        turned.quatern[2] = (float) Math.sqrt(0.5);
        double[][] t = NiftiHeader.parse(turned.header(), "t.nii").qformMatrix();
        assertArrayEquals(new double[] {0, -0.75, 0, 10}, t[0], 1e-6);
        assertArrayEquals(new double[] {0.5, 0, 0, 20}, t[1], 1e-6);
    }

    @Test
    void builderRegridKeepsWorldPositions() {
        NiftiHeader old = NiftiHeader.parse(new CraftedNifti().header(), "t.nii");
        double[] origin = {3.5, 1.5, 2.5};
        double[] factor = {2, 2, 2};
        NiftiHeader moved = NiftiHeaderBuilder.from(old).regrid(origin, factor).build();
        // New voxel (1, 0, 0) is old voxel (5.5, 1.5, 2.5): sform x = -0.5 * 5.5 + 1 = -1.75, y = 0.75 * 1.5 + 2,
        // z = 2 * 2.5 + 3; qform x = -0.5 * 5.5 + 10, y = -0.75 * 1.5 + 20, z = 2 * 2.5 + 30.
        assertArrayEquals(new double[] {-1.75, 3.125, 8}, apply(moved.sformMatrix(), 1, 0, 0), 1e-5);
        assertArrayEquals(new double[] {7.25, 18.875, 35}, apply(moved.qformMatrix(), 1, 0, 0), 1e-5);
        for (int[] v : new int[][] {{0, 0, 0}, {3, 1, 2}, {7, 5, 9}}) {
            double[] o = {origin[0] + 2 * v[0], origin[1] + 2 * v[1], origin[2] + 2 * v[2]};
            assertArrayEquals(apply(old.sformMatrix(), o[0], o[1], o[2]), apply(moved.sformMatrix(), v[0], v[1], v[2]),
                    1e-4);
            assertArrayEquals(apply(old.qformMatrix(), o[0], o[1], o[2]), apply(moved.qformMatrix(), v[0], v[1], v[2]),
                    1e-4);
        }
        assertArrayEquals(new float[] {1, 1, 1.5f, 4}, java.util.Arrays.copyOf(moved.pixdim(), 4));
        assertArrayEquals(old.quatern(), moved.quatern());
        assertEquals(old.descrip(), moved.descrip());
    }

    @Test
    void freshHeaderIsSane() {
        NiftiHeader h = NiftiHeaderBuilder.fresh(new long[] {5, 6, 7}, NiftiDatatype.FLOAT32, new double[] {1, 2, 3})
                .build();
        NiftiHeader reparsed = NiftiHeader.parse(h.rawBytes(), "fresh");
        assertArrayEquals(new int[] {3, 5, 6, 7, 1, 1, 1, 1}, reparsed.dim());
        assertEquals(16, reparsed.datatype());
        assertEquals(32, reparsed.bitpix());
        assertEquals(352f, reparsed.voxOffset());
        assertEquals(1f, reparsed.sclSlope());
        assertEquals(0, reparsed.qformCode());
        assertEquals(0, reparsed.sformCode());
        assertArrayEquals(new float[] {0, 2, 0, 0}, reparsed.srowY());
        assertEquals(2, reparsed.xyztUnits());
        assertEquals(4, h.extensionBytes().length);
    }

    private static double[] apply(double[][] m, double i, double j, double k) {
        double[] out = new double[3];
        for (int r = 0; r < 3; r++) out[r] = m[r][0] * i + m[r][1] * j + m[r][2] * k + m[r][3];
        return out;
    }
}
