package org.cycleprop.propagation;

import org.cycleprop.util.UserException;

/**
 * How a network propagation runs.
 *
 * @param windowed          propagate inside a square window that follows the object (true) or on whole slices
 * @param windowMargin      window side = this × the longer side of the object's bounding box
 * @param minWindow         smallest window side in pixels
 * @param memEvery          every this many propagated slices become permanent memory for the run
 * @param includeLast       keep the last propagated slice as temporary memory
 * @param topK              memory entries per query position in the readout (0 = all)
 * @param maxPeriodicFrames most periodic memory frames per run (≤ 0: no bound); the oldest go first
 * @param firstSlice        first slice to propagate to (inclusive), -1 = the first of the stack
 * @param lastSlice         last slice to propagate to (inclusive), -1 = the last of the stack
 * @param workingSize       side of the square the network sees, a multiple of 16; 0 = the preset's
 * @param localitySigma     width, in key-grid cells (16 working pixels), of a Gaussian prior on the affinity that
 *                          favours memory entries near the query's position; 0 = none (STCN's plain readout);
 *                          {@link #MODEL_LOCALITY} = the model's own setting (the default, resolved by {@link WarmModel})
 * @param endBelow          an object ends, for the rest of a run, on the first slice where its predicted area is
 *                          below this fraction of its seed-slice area (see {@link ObjectEnds}); 0 = never
 * @param windowParts       (windowed) one window for everything, one per group of distant pieces of a single
 *                          object (the default), or one per object and group ({@link WindowParts}, {@link SeedParts})
 */
public record PropagationOptions(boolean windowed, double windowMargin, int minWindow, int memEvery,
                                 boolean includeLast, int topK, int maxPeriodicFrames, int firstSlice,
                                 int lastSlice, int workingSize, double localitySigma,
                                 double endBelow, WindowParts windowParts) {

    public PropagationOptions {
        if (windowParts == null) throw new IllegalArgumentException("windowParts must be given");
        if (workingSize < 0 || workingSize % 16 != 0) {
            throw new IllegalArgumentException("working size must be a positive multiple of 16, got " + workingSize);
        }
        if (memEvery < 1) throw new IllegalArgumentException("memEvery must be at least 1, got " + memEvery);
        if (!(endBelow >= 0 && endBelow < 1)) {
            throw new IllegalArgumentException("end fraction must be in [0, 1), got " + endBelow);
        }
        if (!(localitySigma >= 0 || localitySigma == MODEL_LOCALITY)) {
            throw new IllegalArgumentException("locality sigma must be >= 0 (0 = off), got " + localitySigma);
        }
    }

    /** The locality value that stands for "the model's own setting" (its metadata's inference.locality, else none). */
    public static final double MODEL_LOCALITY = -1;

    /**
     * A locality as users write it: {@code model} (or nothing) for the model's own setting, else a width in key-grid
     * cells, 0 = none.
     */
    public static double parseLocality(String text) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty() || t.equalsIgnoreCase("model")) return MODEL_LOCALITY;
        try {
            double sigma = Double.parseDouble(t);
            if (sigma >= 0 && Double.isFinite(sigma)) return sigma;
        } catch (NumberFormatException ignored) {
            // the message below says what is expected
        }
        throw new UserException("locality: '" + text + "' is neither 'model' (the model's own setting) nor a width >= 0 "
                + "(0 = none)");
    }

    public static final double DEFAULT_MARGIN = 2.5;
    public static final int DEFAULT_MIN_WINDOW = 32;

    /**
     * STCN's defaults (top-20 readout, memory every 5th frame, last frame kept), windowed; distant pieces of a
     * single object in windows of their own.
     */
    public static PropagationOptions defaults() {
        return new PropagationOptions(true, DEFAULT_MARGIN, DEFAULT_MIN_WINDOW, 5, true, 20, 0, -1, -1, 0, MODEL_LOCALITY, 0,
                WindowParts.PIECES);
    }

    public PropagationOptions withWindowed(boolean w) {
        return new PropagationOptions(w, windowMargin, minWindow, memEvery, includeLast, topK, maxPeriodicFrames,
                firstSlice, lastSlice, workingSize, localitySigma, endBelow, windowParts);
    }

    public PropagationOptions withRange(int first, int last) {
        return new PropagationOptions(windowed, windowMargin, minWindow, memEvery, includeLast, topK,
                maxPeriodicFrames, first, last, workingSize, localitySigma, endBelow, windowParts);
    }

    public PropagationOptions withMemory(int every, boolean last, int maxPeriodic) {
        return new PropagationOptions(windowed, windowMargin, minWindow, every, last, topK, maxPeriodic, firstSlice,
                lastSlice, workingSize, localitySigma, endBelow, windowParts);
    }

    public PropagationOptions withWorkingSize(int size) {
        return new PropagationOptions(windowed, windowMargin, minWindow, memEvery, includeLast, topK, maxPeriodicFrames,
                firstSlice, lastSlice, size, localitySigma, endBelow, windowParts);
    }

    public PropagationOptions withTopK(int k) {
        return new PropagationOptions(windowed, windowMargin, minWindow, memEvery, includeLast, k, maxPeriodicFrames,
                firstSlice, lastSlice, workingSize, localitySigma, endBelow, windowParts);
    }

    public PropagationOptions withWindowMargin(double margin) {
        return new PropagationOptions(windowed, margin, minWindow, memEvery, includeLast, topK, maxPeriodicFrames,
                firstSlice, lastSlice, workingSize, localitySigma, endBelow, windowParts);
    }

    public PropagationOptions withLocality(double sigma) {
        return new PropagationOptions(windowed, windowMargin, minWindow, memEvery, includeLast, topK, maxPeriodicFrames,
                firstSlice, lastSlice, workingSize, sigma, endBelow, windowParts);
    }

    public PropagationOptions withEndBelow(double fraction) {
        return new PropagationOptions(windowed, windowMargin, minWindow, memEvery, includeLast, topK, maxPeriodicFrames,
                firstSlice, lastSlice, workingSize, localitySigma, fraction, windowParts);
    }

    public PropagationOptions withWindowParts(WindowParts parts) {
        return new PropagationOptions(windowed, windowMargin, minWindow, memEvery, includeLast, topK, maxPeriodicFrames,
                firstSlice, lastSlice, workingSize, localitySigma, endBelow, parts);
    }
}
