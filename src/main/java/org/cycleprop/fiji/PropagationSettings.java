package org.cycleprop.fiji;

import org.cycleprop.propagation.PropagationOptions;
import org.cycleprop.propagation.WindowParts;
import org.cycleprop.util.UserException;
import org.cycleprop.volume.Axis;

import java.nio.file.Path;

/**
 * The choices of one propagation, as the dialog and the macro options give them.
 *
 * @param method     model, copy or interpolate
 * @param model      the model file (NAME or NAME.json) for {@link PropagationMethod#MODEL}, else ignored
 * @param axis       propagation axis; X and Y propagate through views of the same stack
 * @param firstSlice first slice to fill, 1-based along the axis; 0 = from the first
 * @param lastSlice  last slice to fill, 1-based inclusive; 0 = to the last
 * @param device     auto, cpu or gpu
 * @param wholeSlice propagate on whole slices instead of the window that follows the object
 * @param locality   width of the readout's locality prior in key-grid cells (16 network pixels); 0 = none,
 *                   {@link PropagationOptions#MODEL_LOCALITY} = the model's own setting
 * @param windows    one window, one per group of distant pieces of a single object (the default), or one per
 *                   object and group ({@link WindowParts})
 */
public record PropagationSettings(PropagationMethod method, Path model, Axis axis, int firstSlice, int lastSlice,
                                  String device, boolean wholeSlice, double locality, WindowParts windows) {

    public PropagationSettings {
        if (!(locality >= 0 || locality == PropagationOptions.MODEL_LOCALITY)) {
            throw new UserException("locality: must be >= 0 (0 = none), got " + locality);
        }
        if (windows == null) windows = WindowParts.PIECES;
    }

    /** Settings with the model's own locality prior and the default windows. */
    public PropagationSettings(PropagationMethod method, Path model, Axis axis, int firstSlice, int lastSlice,
                               String device, boolean wholeSlice) {
        this(method, model, axis, firstSlice, lastSlice, device, wholeSlice, PropagationOptions.MODEL_LOCALITY,
                WindowParts.PIECES);
    }

    /** The given model along Z over every slice, on the best device, windowed. */
    public static PropagationSettings model(Path model) {
        return new PropagationSettings(PropagationMethod.MODEL, model, Axis.Z, 0, 0, "auto", false);
    }

    public static PropagationSettings baseline(PropagationMethod method, Axis axis) {
        return new PropagationSettings(method, null, axis, 0, 0, "auto", false);
    }

    public PropagationSettings withRange(int first, int last) {
        return new PropagationSettings(method, model, axis, first, last, device, wholeSlice, locality, windows);
    }

    /** The 0-based inclusive slice range within {@code depth} slices. */
    int[] range(int depth) {
        int first = firstSlice <= 0 ? 0 : firstSlice - 1;
        int last = lastSlice <= 0 ? depth - 1 : lastSlice - 1;
        if (first > last || last >= depth) {
            throw new UserException("slices: the range " + (first + 1) + "-" + (last + 1) + " is not within 1-" + depth
                    + " along " + axis);
        }
        return new int[] {first, last};
    }

    PropagationOptions options() {
        return PropagationOptions.defaults().withWindowed(!wholeSlice).withLocality(locality)
                .withWindowParts(windows);
    }
}
