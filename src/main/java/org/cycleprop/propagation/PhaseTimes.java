package org.cycleprop.propagation;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Wall time spent in each phase of a propagation step, summed over the slices (a profiling aid for the speed
 * command). PyTorch runs CPU operations synchronously, so a phase's time is what its operations cost. Phases are
 * reported in the order they were first seen.
 */
public final class PhaseTimes {
    private final Map<String, long[]> nanos = new LinkedHashMap<>();
    private long last = System.nanoTime();

    /** Starts timing from now (the time since the previous mark is dropped). */
    public void start() {
        last = System.nanoTime();
    }

    /** Charges the time since the previous mark (or {@link #start}) to {@code phase}. */
    public void mark(String phase) {
        long now = System.nanoTime();
        nanos.computeIfAbsent(phase, p -> new long[2]);
        long[] entry = nanos.get(phase);
        entry[0] += now - last;
        entry[1]++;
        last = now;
    }

    public void clear() {
        nanos.clear();
    }

    /** Total milliseconds charged to {@code phase} (0 if never seen). */
    public double millis(String phase) {
        long[] entry = nanos.get(phase);
        return entry == null ? 0 : entry[0] / 1e6;
    }

    /** "phase ms/slice (share %)" for every phase, per {@code slices} slices. */
    public String summary(int slices) {
        long total = nanos.values().stream().mapToLong(e -> e[0]).sum();
        StringJoiner j = new StringJoiner(", ");
        for (Map.Entry<String, long[]> e : nanos.entrySet()) {
            j.add(String.format(Locale.ROOT, "%s %.1f ms (%.0f %%)", e.getKey(), e.getValue()[0] / 1e6 / slices,
                    total == 0 ? 0.0 : 100.0 * e.getValue()[0] / total));
        }
        return j.toString();
    }
}
