package org.cycleprop.fiji;

import org.cycleprop.propagation.CopyPropagator;
import org.cycleprop.propagation.InterpolatePropagator;
import org.cycleprop.propagation.PropagationOptions;
import org.cycleprop.propagation.Propagator;
import org.cycleprop.model.BundledModel;
import org.cycleprop.propagation.WarmModel;
import org.cycleprop.util.UserException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * How the plugin propagates: a trained model (kept warm between runs by {@link WarmModel}) or one of the two
 * baselines, which need no model and serve for quick checks and tests.
 */
public enum PropagationMethod {
    MODEL("model"), COPY("copy"), INTERPOLATE("interpolate");

    public final String key;

    PropagationMethod(String key) {
        this.key = key;
    }

    public static String[] keys() {
        PropagationMethod[] all = values();
        String[] keys = new String[all.length];
        for (int i = 0; i < all.length; i++) keys[i] = all[i].key;
        return keys;
    }

    public static PropagationMethod parse(String text) {
        for (PropagationMethod m : values()) if (m.key.equals(text.trim().toLowerCase(Locale.ROOT))) return m;
        throw new UserException("method: unknown method '" + text + "' (use model, copy or interpolate)");
    }

    /** A propagator for this method; {@code model} and {@code device} matter only for {@link #MODEL}. */
    public Propagator create(Path model, String device, PropagationOptions options) {
        switch (this) {
            case COPY:
                return new CopyPropagator();
            case INTERPOLATE:
                return new InterpolatePropagator();
            default:
                if (model == null || model.toString().isBlank()) {
                    // no file chosen: the model shipped inside the plugin's jar
                    if (!BundledModel.available()) {
                        throw new UserException("model: no model file chosen (a NAME.json written by training)");
                    }
                    model = BundledModel.path();
                }
                if (!Files.exists(model) && !Files.exists(Path.of(model + ".json"))) {
                    throw new UserException("model: " + model + " does not exist");
                }
                return WarmModel.get(model, device).propagator(options);
        }
    }
}
