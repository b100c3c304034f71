package org.cycleprop.propagation;

import org.cycleprop.util.UserException;
import org.cycleprop.volume.SliceStack;

/** Checks shared by the propagators: seeds exist, fit the slices and lie inside the stack. */
final class SeedCheck {
    private SeedCheck() {
    }

    static void check(SliceStack image, Seeds seeds) {
        if (seeds.isEmpty()) {
            throw new UserException("no annotated slice: draw the object on at least one slice");
        }
        if (seeds.width() != image.width() || seeds.height() != image.height()) {
            throw new UserException("annotation slices are " + seeds.width() + "x" + seeds.height()
                    + " but image slices along " + image.axis() + " are " + image.width() + "x" + image.height());
        }
        int first = seeds.slices().firstKey();
        int last = seeds.slices().lastKey();
        if (first < 0 || last >= image.depth()) {
            throw new UserException("annotated slice " + (first < 0 ? first : last) + " is outside the image (slices 0.."
                    + (image.depth() - 1) + " along " + image.axis() + ")");
        }
    }
}
