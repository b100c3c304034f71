package org.cycleprop.propagation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

import java.util.ArrayList;
import java.util.List;

/**
 * STCN's memory for one propagation run: keys [1, Ck, h·w] and values [K, Cv, h·w] of
 * <ul>
 *   <li>the seed frame(s), kept for the whole run (permanent);</li>
 *   <li>every {@code memEvery}-th propagated frame, the oldest dropped once more than {@code maxPeriodic}
 *       are held (bounds memory on very long volumes);</li>
 *   <li>the last propagated frame as temporary memory, replaced at every step ({@code include_last}).</li>
 * </ul>
 * Entries are attached to the run's manager, so they outlive the per-slice scopes that computed them and are
 * freed with the run (or as soon as they are dropped).
 */
public final class MemoryBank implements AutoCloseable {
    /** One memory frame, with the window it was seen through. */
    public record Entry(int slice, NDArray key, NDArray value, Window window) {
    }

    private final NDManager manager;
    private final int maxPeriodic;
    private final List<Entry> permanent = new ArrayList<>();
    private final List<Entry> periodic = new ArrayList<>();
    private Entry temporary;
    private NDArray cachedKeys;
    private NDArray cachedValues;

    /** @param maxPeriodic most periodic frames held at once (≤ 0: unbounded) */
    public MemoryBank(NDManager runManager, int maxPeriodic) {
        this.manager = runManager.newSubManager();
        this.maxPeriodic = maxPeriodic;
    }

    /**
     * Adds a seed frame: key [1, Ck, h, w] or [1, Ck, h·w], value [K, Cv, h, w] or [K, Cv, h·w], seen through
     * {@code window}.
     */
    public void addPermanent(int slice, NDArray key, NDArray value, Window window) {
        permanent.add(keep(slice, key, value, window));
        invalidate();
    }

    /** Adds a periodic frame, dropping the oldest periodic frame beyond the bound. */
    public void addPeriodic(int slice, NDArray key, NDArray value, Window window) {
        periodic.add(keep(slice, key, value, window));
        if (maxPeriodic > 0 && periodic.size() > maxPeriodic) release(periodic.remove(0));
        invalidate();
    }

    /** Replaces the temporary (last-frame) entry. */
    public void setTemporary(int slice, NDArray key, NDArray value, Window window) {
        if (temporary != null) release(temporary);
        temporary = keep(slice, key, value, window);
        invalidate();
    }

    /** Slices in memory, in the order their entries are concatenated: permanent, periodic, temporary. */
    public List<Integer> slices() {
        List<Integer> s = new ArrayList<>();
        for (Entry e : entries()) s.add(e.slice());
        return s;
    }

    /** The windows of the memory frames, in the order of {@link #keys()}. */
    public List<Window> windows() {
        List<Window> w = new ArrayList<>();
        for (Entry e : entries()) w.add(e.window());
        return w;
    }

    public List<Integer> permanentSlices() {
        List<Integer> s = new ArrayList<>();
        for (Entry e : permanent) s.add(e.slice());
        return s;
    }

    public Integer temporarySlice() {
        return temporary == null ? null : temporary.slice();
    }

    /** All keys [1, Ck, N], N = frames · h·w. Computed once per change of the memory. */
    public NDArray keys() {
        if (cachedKeys == null) cachedKeys = concat(true);
        return cachedKeys;
    }

    /** All values [K, Cv, N], in the order of {@link #keys()}. */
    public NDArray values() {
        if (cachedValues == null) cachedValues = concat(false);
        return cachedValues;
    }

    private List<Entry> entries() {
        List<Entry> all = new ArrayList<>(permanent);
        all.addAll(periodic);
        if (temporary != null) all.add(temporary);
        return all;
    }

    private NDArray concat(boolean keys) {
        List<Entry> all = entries();
        if (all.isEmpty()) throw new IllegalStateException("the memory is empty");
        NDList parts = new NDList();
        for (Entry e : all) parts.add(keys ? e.key() : e.value());
        NDArray out = parts.size() == 1 ? parts.get(0).duplicate() : NDArrays.concat(parts, 2);
        out.attach(manager);
        return out;
    }

    private Entry keep(int slice, NDArray key, NDArray value, Window window) {
        NDArray k = flatten(key);
        NDArray v = flatten(value);
        k.attach(manager);
        v.attach(manager);
        return new Entry(slice, k, v, window);
    }

    /** [B, C, h, w] → [B, C, h·w]; already flat arrays pass through. */
    private static NDArray flatten(NDArray x) {
        if (x.getShape().dimension() == 3) return x;
        long[] s = x.getShape().getShape();
        return x.reshape(s[0], s[1], s[2] * s[3]);
    }

    private void release(Entry e) {
        e.key().close();
        e.value().close();
    }

    private void invalidate() {
        if (cachedKeys != null) cachedKeys.close();
        if (cachedValues != null) cachedValues.close();
        cachedKeys = null;
        cachedValues = null;
    }

    @Override
    public void close() {
        manager.close();
    }
}
