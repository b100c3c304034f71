package org.cycleprop.propagation;

import org.cycleprop.util.UserException;

import java.util.Locale;

/**
 * How many object-centred windows a windowed propagation uses ({@link SeedParts}).
 */
public enum WindowParts {
    /** One window around all objects and pieces, all objects in one pass (STCN's multi-object inference). */
    ONE,
    /**
     * The default: a single object drawn as distant pieces on one slice (a bilateral structure) gets a window per
     * group of pieces; several objects still share one window and one pass.
     */
    PIECES,
    /** Every object, and every group of distant pieces of one, in a window of its own: one pass per part. */
    EACH;

    /** {@code one}, {@code pieces} or {@code each}; anything else is refused with the choices. */
    public static WindowParts parse(String s) {
        for (WindowParts w : values()) {
            if (w.name().equalsIgnoreCase(s == null ? "" : s.trim())) return w;
        }
        throw new UserException("windows: '" + s + "' is not one of one, pieces, each");
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
