package org.cycleprop.cli;

import org.cycleprop.evaluation.SeedPolicy;
import org.cycleprop.propagation.CopyPropagator;
import org.cycleprop.propagation.InterpolatePropagator;
import org.cycleprop.propagation.Propagator;
import org.cycleprop.util.UserException;

/** Turns a {@code --method} value into a propagator and the seeds the benchmark gives it. */
final class Methods {
    static final String HELP = "copy | interpolate";

    private Methods() {
    }

    record Method(Propagator propagator, SeedPolicy seedPolicy) {
    }

    static Method parse(String spec) {
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
