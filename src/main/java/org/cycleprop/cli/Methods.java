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

    /** The help of --window-margin, shared by propagate and benchmark. */
    static final String MARGIN_HELP = "Side of the object-centred window as a multiple of the object's bounding box "
            + "on the previous slice (default: " + PropagationOptions.DEFAULT_MARGIN + "; training crops span 1.5-4).";

    /** The help of --working-size, shared by propagate and benchmark. */
    static final String WORKING_SIZE_HELP = "Side in pixels of the square a window (or slice) is resampled to before "
            + "the network sees it, a multiple of 16 from 32 to 1024; larger runs slower, and the shipped models measured "
            + "best at the size they were trained at (default: 0 = the model's own, 160 for the small preset).";

    /**
     * The propagation options of the shared command-line flags, each checked with a one-line message naming it.
     *
     * @param locality    {@code model} or a prior width in key-grid cells, 0 = none
     * @param endBelow    an object ends below this fraction of its seed area, 0 = never
     * @param windows     how many windows: one, one per group of distant pieces of a single object, or one per part
     * @param margin      window side over the object's bounding-box side
     * @param workingSize side of the network's input square, 0 = the model preset's
     */
    static PropagationOptions options(String locality, double endBelow, String windows, double margin,
                                      int workingSize) {
        double sigma;
        try {
            sigma = PropagationOptions.parseLocality(locality);
        } catch (UserException e) {
            throw new UserException("--" + e.getMessage());
        }
        if (!(endBelow >= 0 && endBelow < 1)) throw new UserException("--end-below: a fraction in [0, 1), got " + endBelow);
        if (!(margin >= 1 && margin <= 10)) throw new UserException("--window-margin: between 1 and 10, got " + margin);
        if (workingSize != 0 && (workingSize < 32 || workingSize > 1024 || workingSize % 16 != 0)) {
            throw new UserException("--working-size: a multiple of 16 from 32 to 1024 (or 0 = the model's), got "
                    + workingSize);
        }
        return PropagationOptions.defaults().withLocality(sigma).withEndBelow(endBelow)
                .withWindowParts(WindowParts.parse(windows)).withWindowMargin(margin).withWorkingSize(workingSize);
    }

    /**
     * The method of {@code spec}; model methods run with {@code options} (windowed unless the spec ends in
     * {@code :whole}).
     */
    static Method parse(String spec, String device, PropagationOptions options) {
        if (spec.startsWith("model:")) {
            String path = spec.substring("model:".length());
            boolean whole = path.endsWith(":whole");
            if (whole) path = path.substring(0, path.length() - ":whole".length());
            if (path.isEmpty()) throw new UserException("--method: model: needs a model file, e.g. model:models/x.json");
            StcnPropagator propagator = WarmModel.get(Path.of(path), device).propagator(options.withWindowed(!whole));
            PropagationOptions o = propagator.options();
            String settings = String.format(java.util.Locale.ROOT, "%s, working size %s, windows %s, locality %s%s, "
                            + "end below %s",
                    o.windowed() ? "object-centred windows (margin " + o.windowMargin() + ")" : "whole slices",
                    o.workingSize() > 0 ? o.workingSize() : "of the model",
                    o.windowParts().key(), o.localitySigma() > 0 ? o.localitySigma() : "none",
                    options.localitySigma() == PropagationOptions.MODEL_LOCALITY ? " (the model's own)" : "",
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
