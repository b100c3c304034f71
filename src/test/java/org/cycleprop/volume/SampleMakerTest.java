package org.cycleprop.volume;

import org.cycleprop.util.UserException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.cycleprop.volume.NiftiRoundTripTest.valuesOf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** SampleMaker on a small hand-made pair of files, so the derivation is checked without the shared data. */
class SampleMakerTest {
    private static final int NX = 20;
    private static final int NY = 18;
    private static final int NZ = 16;

    @TempDir
    Path dir;

    private void writeSources(Path mricron) throws Exception {
        Files.createDirectories(mricron);
        byte[] image = new byte[NX * NY * NZ];
        byte[] labels = new byte[image.length];
        for (int z = 0; z < NZ; z++) {
            for (int y = 0; y < NY; y++) {
                for (int x = 0; x < NX; x++) {
                    int i = x + NX * (y + NY * z);
                    image[i] = (byte) (x + 2 * y + 3 * z);
                    boolean inBox = x >= 8 && x <= 10 && y >= 7 && y <= 9 && z >= 6 && z <= 8;
                    labels[i] = (byte) (inBox ? 7 : 0);
                }
            }
        }
        for (String name : new String[] {"ch2.nii.gz", "brodmann.nii.gz"}) {
            CraftedNifti c = new CraftedNifti();
            c.dim = new short[] {3, NX, NY, NZ, 1, 1, 1, 1};
            c.datatype = 2;
            c.bitpix = 8;
            c.pixdim = new float[] {1, 1, 1, 1, 0, 0, 0, 0};
            c.sformCode = 4;
            c.srow = new float[] {1, 0, 0, -10, 0, 1, 0, -20, 0, 0, 1, -30};
            c.quatern = new float[] {0, 0, 0, -10, -20, -30};
            c.data = name.startsWith("ch2") ? image : labels;
            c.write(mricron.resolve(name));
        }
    }

    @Test
    void cropsToTheLabelsAndHalvesTheResolution() throws Exception {
        Path mricron = dir.resolve("mricron");
        Path out = dir.resolve("sample");
        writeSources(mricron);
        SampleMaker.make(mricron, out, false);

        // Labels span x 8..10, y 7..9, z 6..8; plus 4 voxels that is x 4..14 (11 wide, grown to 4..15),
        // y 3..13 (to 3..14), z 2..12 (to 2..13): 12 voxels each, 6 after halving.
        Volume image = NiftiReader.read(out.resolve(SampleMaker.IMAGE_NAME));
        Volume labels = NiftiReader.read(out.resolve(SampleMaker.LABELS_NAME));
        assertArrayEquals(new long[] {6, 6, 6}, image.dimensions());
        assertArrayEquals(new long[] {6, 6, 6}, labels.dimensions());
        assertArrayEquals(new double[] {2, 2, 2}, image.spacing(), 0.0);

        double[] v = valuesOf(image.stored());
        double[] l = valuesOf(labels.stored());
        for (int k = 0; k < 6; k++) {
            for (int j = 0; j < 6; j++) {
                for (int i = 0; i < 6; i++) {
                    int n = i + 6 * (j + 6 * k);
                    // Block mean of x + 2y + 3z at block centre (4.5 + 2i, 3.5 + 2j, 2.5 + 2k).
                    assertEquals(19 + 2 * i + 4 * j + 6 * k, v[n]);
                    // Label of the block's first voxel (4 + 2i, 3 + 2j, 2 + 2k).
                    boolean in = i >= 2 && i <= 3 && j >= 2 && j <= 3 && k >= 2 && k <= 3;
                    assertEquals(in ? 7 : 0, l[n]);
                }
            }
        }
        // Voxel (0, 0, 0) sits at the first block's centre: old voxel (4.5, 3.5, 2.5).
        for (Volume vol : new Volume[] {image, labels}) {
            assertArrayEquals(new float[] {2, 0, 0, -5.5f}, vol.header().srowX());
            assertArrayEquals(new float[] {0, 2, 0, -16.5f}, vol.header().srowY());
            assertArrayEquals(new float[] {0, 0, 2, -27.5f}, vol.header().srowZ());
            assertArrayEquals(new float[] {-5.5f, -16.5f, -27.5f}, vol.header().qoffset());
            assertEquals(2f, vol.header().pixdim()[1]);
        }
        assertEquals(List.of("7 BA7"), Files.readAllLines(out.resolve(SampleMaker.NAMES_NAME)));

        UserException e = assertThrows(UserException.class, () -> SampleMaker.make(mricron, out, false));
        assertEquals(true, e.getMessage().contains("already exists"), e.getMessage());
        SampleMaker.make(mricron, out, true);
    }
}
