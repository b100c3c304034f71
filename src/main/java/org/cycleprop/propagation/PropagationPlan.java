package org.cycleprop.propagation;

import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * The order of work for a propagation from several seed slices within a slice range: one {@link Run} per
 * direction per stretch. A stretch between two seeds is run from both ends and the two predictions are
 * blended with {@link #weightOfLowerSeed}; beyond the outermost seeds there is one run outward.
 */
public final class PropagationPlan {

    /** Propagation from {@code seed} through slices {@code seed+step, …, last} (inclusive), step ±1. */
    public record Run(int seed, int step, int last) {
        public int length() {
            return Math.abs(last - seed);
        }
    }

    private final NavigableSet<Integer> seeds;
    private final int first;
    private final int lastSlice;
    private final List<Run> runs = new ArrayList<>();

    public PropagationPlan(NavigableSet<Integer> seedSlices, int first, int last) {
        if (seedSlices.isEmpty()) throw new IllegalArgumentException("no seed slice");
        if (first > last) throw new IllegalArgumentException("empty slice range " + first + ".." + last);
        this.seeds = new TreeSet<>(seedSlices.subSet(first, true, last, true));
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("no seed slice inside the range " + first + ".." + last);
        }
        this.first = first;
        this.lastSlice = last;
        int lo = seeds.first();
        int hi = seeds.last();
        if (lo > first) runs.add(new Run(lo, -1, first));
        Integer prev = null;
        for (int s : seeds) {
            if (prev != null && s - prev > 1) {
                runs.add(new Run(prev, +1, s - 1));
                runs.add(new Run(s, -1, prev + 1));
            }
            prev = s;
        }
        if (hi < last) runs.add(new Run(hi, +1, last));
    }

    public List<Run> runs() {
        return runs;
    }

    /** Slices that get a prediction (not seeds), for progress reporting: each counted once per run. */
    public int totalSteps() {
        int n = 0;
        for (Run r : runs) n += r.length();
        return n;
    }

    /**
     * Weight of the prediction coming from the lower seed on slice {@code z}: 1 below the lowest seed or on a
     * seed at or below z with no upper seed, linear in distance between two seeds (the nearer seed weighs more),
     * 0 above the highest seed.
     */
    public double weightOfLowerSeed(int z) {
        Integer below = seeds.floor(z);
        Integer above = seeds.ceiling(z);
        if (below == null) return 0;
        if (above == null) return 1;
        if (below.equals(above)) return 1;
        return (above - z) / (double) (above - below);
    }

    public boolean isSeed(int z) {
        return seeds.contains(z);
    }

    public int first() {
        return first;
    }

    public int last() {
        return lastSlice;
    }
}
