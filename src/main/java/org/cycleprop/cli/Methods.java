package org.cycleprop.cli;

import org.cycleprop.evaluation.SeedPolicy;
import org.cycleprop.propagation.CopyPropagator;
import org.cycleprop.propagation.WindowParts;
import org.cycleprop.propagation.InterpolatePropagator;
import org.cycleprop.propagation.PropagationOptions;
import org.cycleprop.propagation.Propagator;
import org.cycleprop.propagation.StcnPropagator;
import org.cycleprop.propagation.WarmModel;
import org.cycleprop.util.UserException;

import java.nio.file.Path;

/** Turns a {@code --method} value into a propagator and the seeds the benchmark gives it. */
final class Methods {
    static final String HELP = "copy | interpolate | model:PATH | model:PATH:whole (a trained model, in its "
            + "object-centred window or on whole slices)";

    private Methods() {
    }

    /** @param settings the model propagation's settings as run (the model's own locality resolved), or "" */
    record Method(Propagator propagator, SeedPolicy seedPolicy, String settings) {
        Method(Propagator propagator, SeedPolicy seedPolicy) {
            this(propagator, seedPolicy, "");
        }
    }

    /** The help of --windows, shared by propagate and benchmark. */
    static final String WINDOWS_HELP = "pieces (default): a single object drawn as distant pieces on a slice "
            + "(a bilateral structure) gets a window per group of pieces; each: every object too, one propagation per part; one: one window around "
            + "everything.";

    /** The help of --locality, shared by propagate and benchmark. */
    static final String LOCALITY_HELP = "Locality prior on the memory readout, in key-grid cells (16 network pixels): "
            + "memory far from a position counts less, as adjacent slices move little; model (default) = the model's "
            + "own setting (its metadata's inference.locality, none if it has none); 0 = none.";

    /** A --locality value: {@code model} or a width >= 0, refused with a one-line message otherwise. */
    static double locality(String text) {
        try {
            return PropagationOptions.parseLocality(text);
        } catch (UserException e) {
            throw new UserException("--" + e.getMessage());
        }
    }

    static Method parse(String spec, String device) {
        return parse(spec, device, PropagationOptions.MODEL_LOCALITY, 0, WindowParts.PIECES);
    }

    /**
     * @param locality the model's locality prior width in key-grid cells, 0 = none, {@link PropagationOptions#MODEL_LOCALITY}
     *                 = the model's own
     * @param endBelow an object ends below this fraction of its seed area, 0 = never
     * @param windows  how many windows: one, one per group of distant pieces of a single object, or one per part
     */
    static Method parse(String spec, String device, double locality, double endBelow, WindowParts windows) {
        if (!(endBelow >= 0 && endBelow < 1)) throw new UserException("--end-below: a fraction in [0, 1), got " + endBelow);
        if (!(locality >= 0 || locality == PropagationOptions.MODEL_LOCALITY)) {
            throw new UserException("--locality: must be >= 0 (0 = none), got " + locality);
        }
        if (spec.startsWith("model:")) {
            String path = spec.substring("model:".length());
            boolean whole = path.endsWith(":whole");
            if (whole) path = path.substring(0, path.length() - ":whole".length());
            if (path.isEmpty()) throw new UserException("--method: model: needs a model file, e.g. model:models/x.json");
            PropagationOptions options = PropagationOptions.defaults().withWindowed(!whole).withLocality(locality)
                    .withEndBelow(endBelow).withWindowParts(windows);
            StcnPropagator propagator = WarmModel.get(Path.of(path), device).propagator(options);
            PropagationOptions o = propagator.options();
            String settings = String.format(java.util.Locale.ROOT, "%s, windows %s, locality %s%s, end below %s",
                    o.windowed() ? "object-centred windows" : "whole slices", o.windowParts().key(),
                    o.localitySigma() > 0 ? o.localitySigma() : "none",
                    locality == PropagationOptions.MODEL_LOCALITY ? " (the model's own)" : "",
                    o.endBelow() > 0 ? o.endBelow() : "never");
            return new Method(propagator, SeedPolicy.LARGEST_SLICE, settings);
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
