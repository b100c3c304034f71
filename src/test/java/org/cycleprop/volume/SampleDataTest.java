package org.cycleprop.volume;

import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.util.Util;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.cycleprop.volume.NiftiRoundTripTest.valuesOf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The embedded sample in data/sample. Expected values were worked out by hand from the source files
 * (181×217×181, 1 mm, sform origin (-90, -125, -71)): the Brodmann labels span x 18..162, y 20..199,
 * z 22..154; with a 4-voxel margin and an even size the crop starts at (14, 16, 18) and is 154×188×142,
 * so the 2 mm grid is 77×94×71 and its first voxel centre is at -90 + 14.5, -125 + 16.5, -71 + 18.5.
 */
class SampleDataTest {
    private static final Path SAMPLE = Path.of("data", "sample");
    /** The label values of the full 1 mm Brodmann map in MRIcron. */
    private static final Set<Integer> FULL_MAP_LABELS = Set.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 17, 18, 19, 20,
            21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 32, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48);

    @Test
    void sampleImageHasTheExpectedGrid() {
        Volume image = NiftiReader.read(SAMPLE.resolve(SampleMaker.IMAGE_NAME));
        assertArrayEquals(new long[] {77, 94, 71}, image.dimensions());
        assertArrayEquals(new double[] {2, 2, 2}, image.spacing(), 0.0);
        assertInstanceOf(UnsignedByteType.class, Util.getTypeFromInterval(image.stored()));
        assertEquals(4, image.header().sformCode());
        assertArrayEquals(new float[] {2, 0, 0, -75.5f}, image.header().srowX());
        assertArrayEquals(new float[] {0, 2, 0, -108.5f}, image.header().srowY());
        assertArrayEquals(new float[] {0, 0, 2, -52.5f}, image.header().srowZ());
    }

    @Test
    void sampleLabelsAreBrodmannAreasOnTheSameGrid() throws Exception {
        Volume image = NiftiReader.read(SAMPLE.resolve(SampleMaker.IMAGE_NAME));
        Volume labels = NiftiReader.read(SAMPLE.resolve(SampleMaker.LABELS_NAME));
        assertArrayEquals(image.dimensions(), labels.dimensions());
        assertArrayEquals(image.header().sformMatrix(), labels.header().sformMatrix());
        assertInstanceOf(UnsignedByteType.class, Util.getTypeFromInterval(labels.stored()));

        double[] l = valuesOf(labels.stored());
        double[] v = valuesOf(image.stored());
        TreeSet<Integer> present = new TreeSet<>();
        double inside = 0;
        double outside = 0;
        long nInside = 0;
        for (int i = 0; i < l.length; i++) {
            if (l[i] != 0) {
                present.add((int) l[i]);
                inside += v[i];
                nInside++;
            } else {
                outside += v[i];
            }
        }
        assertTrue(present.size() > 10, "labels: " + present);
        assertTrue(FULL_MAP_LABELS.containsAll(present), "labels not in the Brodmann map: " + present);
        // Cortex is brighter on average than the rest of the crop, which is mostly air and white matter.
        assertTrue(inside / nInside > outside / (l.length - nInside));

        List<String> expectedLines = new ArrayList<>();
        for (int value : present) expectedLines.add(value + " BA" + value);
        assertEquals(expectedLines, Files.readAllLines(SAMPLE.resolve(SampleMaker.NAMES_NAME)));
    }

    @Test
    void sampleIsSmall() throws Exception {
        long total = Files.size(SAMPLE.resolve(SampleMaker.IMAGE_NAME)) + Files.size(SAMPLE.resolve(SampleMaker.LABELS_NAME));
        assertTrue(total < 2_000_000, total + " bytes");
    }
}
