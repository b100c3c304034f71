package org.cycleprop.evaluation;

import java.util.List;

/** Which slices of a structure a benchmark hands to a propagator as seeds. */
public enum SeedPolicy {
    /** The paper's protocol: the one slice with the largest area. */
    LARGEST_SLICE,
    /** Two seeds at 1/4 and 3/4 of the structure's extent (for interpolation, which needs two). */
    QUARTERS;

    /** The seed slices of a structure. */
    public List<Integer> seedSlices(StructureIndex index, int label) {
        if (this == LARGEST_SLICE) return List.of(index.largestSlice(label));
        int first = index.firstSlice(label);
        int last = index.lastSlice(label);
        long[] areas = index.areas(label);
        int a = nearestNonEmpty(areas, first + (int) Math.round((last - first) * 0.25));
        int b = nearestNonEmpty(areas, first + (int) Math.round((last - first) * 0.75));
        return a == b ? List.of(a) : List.of(a, b);
    }

    /** Structures may have gaps; a seed must show the object, so take the closest slice that does. */
    private static int nearestNonEmpty(long[] areas, int z) {
        for (int d = 0; d < areas.length; d++) {
            if (z - d >= 0 && areas[z - d] > 0) return z - d;
            if (z + d < areas.length && areas[z + d] > 0) return z + d;
        }
        throw new IllegalStateException("structure has no slice");
    }
}
