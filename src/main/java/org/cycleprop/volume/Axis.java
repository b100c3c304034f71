package org.cycleprop.volume;

import java.util.Locale;

/** The axis along which a volume is cut into slices; a slice is the plane of the two other axes. */
public enum Axis {
    X(0), Y(1), Z(2);

    /** Dimension index of this axis in an (x, y, z) image. */
    public final int dimension;

    Axis(int dimension) {
        this.dimension = dimension;
    }

    public static Axis parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new org.cycleprop.util.UserException("unknown axis '" + text + "': use x, y or z");
        }
    }
}
