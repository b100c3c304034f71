package org.cycleprop.evaluation;

import org.cycleprop.volume.LabelStack;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The structures of a label stack and their area on every slice, found in one pass. */
public final class StructureIndex {
    private final Map<Integer, long[]> areas = new TreeMap<>();
    private final int depth;

    public StructureIndex(LabelStack labels) {
        this.depth = labels.depth();
        for (int z = 0; z < depth; z++) {
            short[] s = labels.slice(z);
            if (s == null) continue;
            for (short v : s) {
                int label = Short.toUnsignedInt(v);
                if (label == 0) continue;
                areas.computeIfAbsent(label, k -> new long[depth])[z]++;
            }
        }
    }

    /** Labels present, ascending. */
    public List<Integer> labels() {
        return Collections.unmodifiableList(new ArrayList<>(areas.keySet()));
    }

    public boolean contains(int label) {
        return areas.containsKey(label);
    }

    /** Pixels of {@code label} on each slice. */
    public long[] areas(int label) {
        long[] a = areas.get(label);
        return a == null ? new long[depth] : a.clone();
    }

    /** The slice where {@code label} has its largest area (the lowest such slice on ties): the paper's seed. */
    public int largestSlice(int label) {
        long[] a = areas.get(label);
        int best = 0;
        for (int z = 1; z < depth; z++) if (a[z] > a[best]) best = z;
        return best;
    }

    /** First slice holding {@code label}. */
    public int firstSlice(int label) {
        long[] a = areas.get(label);
        for (int z = 0; z < depth; z++) if (a[z] > 0) return z;
        return -1;
    }

    /** Last slice holding {@code label}. */
    public int lastSlice(int label) {
        long[] a = areas.get(label);
        for (int z = depth - 1; z >= 0; z--) if (a[z] > 0) return z;
        return -1;
    }

    /** Number of slices on which {@code label} appears. */
    public int sliceCount(int label) {
        int n = 0;
        for (long v : areas.get(label)) if (v > 0) n++;
        return n;
    }
}
