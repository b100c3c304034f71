package org.cycleprop.util;

/**
 * Progress and cancellation of long work, owned by the core; each front end adapts it (terminal bar,
 * {@code IJ.showProgress}). Implementations must be cheap: they are called once per slice or iteration.
 */
public interface Progress {
    /** Reports that {@code done} of {@code total} steps are finished; {@code message} may be null. */
    void update(long done, long total, String message);

    /** True once the user asked to stop; long loops check it and throw {@link Cancelled}. */
    default boolean isCancelled() {
        return false;
    }

    /** Throws {@link Cancelled} if the user asked to stop. */
    default void checkCancelled() {
        if (isCancelled()) throw new Cancelled();
    }

    Progress NONE = (done, total, message) -> { };

    /** Thrown when work stops because the user cancelled it; nothing half-made is kept. */
    final class Cancelled extends RuntimeException {
        public Cancelled() {
            super("cancelled");
        }
    }
}
