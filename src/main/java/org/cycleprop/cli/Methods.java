package org.cycleprop.cli;

import org.cycleprop.evaluation.SeedPolicy;
import org.cycleprop.propagation.CopyPropagator;
import org.cycleprop.propagation.WindowParts;
import org.cycleprop.propagation.InterpolatePropagator;
import org.cycleprop.propagation.PropagationOptions;
import org.cycleprop.propagation.Propagator;
import org.cycleprop.propagation.WarmModel;
import org.cycleprop.util.UserException;

import java.nio.file.Path;

/** Turns a {@code --method} value into a propagator and the seeds the benchmark gives it. */
final class Methods {
    static final String HELP = "copy | interpolate | model:PATH | model:PATH:whole (a trained model, in its "
            + "object-centred window or on whole slices)";

    private Methods() {
    }

    record Method(Propagator propagator, SeedPolicy seedPolicy) {
    }

    /** The help of --windows, shared by propagate and benchmark. */
    static final String WINDOWS_HELP = "pieces (default): a single object drawn as distant pieces on a slice "
            + "(a bilateral structure) gets a window per group of pieces; each: every object too, one propagation per part; one: one window around "
            + "everything.";

    static Method parse(String spec, String device) {
        return parse(spec, device, 0, 0, WindowParts.PIECES);
    }

    /**
     * @param locality the model's locality prior width in key-grid cells, 0 = none
     * @param endBelow an object ends below this fraction of its seed area, 0 = never
     * @param windows  how many windows: one, one per group of distant pieces of a single object, or one per part
     */
    static Method parse(String spec, String device, double locality, double endBelow, WindowParts windows) {
        if (!(endBelow >= 0 && endBelow < 1)) throw new UserException("--end-below: a fraction in [0, 1), got " + endBelow);
        if (!(locality >= 0)) throw new UserException("--locality: must be >= 0 (0 = none), got " + locality);
        if (spec.startsWith("model:")) {
            String path = spec.substring("model:".length());
            boolean whole = path.endsWith(":whole");
            if (whole) path = path.substring(0, path.length() - ":whole".length());
            if (path.isEmpty()) throw new UserException("--method: model: needs a model file, e.g. model:models/x.json");
            PropagationOptions options = PropagationOptions.defaults().withWindowed(!whole).withLocality(locality)
                    .withEndBelow(endBelow).withWindowParts(windows);
            return new Method(WarmModel.get(Path.of(path), device).propagator(options), SeedPolicy.LARGEST_SLICE);
        }
        switch (spec) {
            case "copy":
                return new Method(new CopyPropagator(), SeedPolicy.LARGEST_SLICE);
            case "interpolate":
                return new Method(new InterpolatePropagator(), SeedPolicy.QUARTERS);
            default:
                throw new UserException("--method: unknown method '" + spec + "' (use " + HELP + ")");
        }
    }
}
