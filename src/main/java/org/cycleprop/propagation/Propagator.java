package org.cycleprop.propagation;

import org.cycleprop.util.Progress;
import org.cycleprop.volume.LabelStack;
import org.cycleprop.volume.SliceStack;

/**
 * Turns a few annotated slices into a label for every slice of a stack. Every method (baselines and
 * networks) implements this, so the benchmark and the front ends treat them alike.
 */
public interface Propagator {
    /**
     * Propagates {@code seeds} through {@code image} (slices along the propagation axis, intensities as
     * stored) and returns one label slice per image slice, seed slices included (they keep their seed).
     * Implementations check {@link Progress#checkCancelled()} once per slice.
     */
    LabelStack propagate(SliceStack image, Seeds seeds, Progress progress);

    /** A short name for tables, e.g. {@code copy}. */
    String name();
}
