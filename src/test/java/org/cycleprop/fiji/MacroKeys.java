package org.cycleprop.fiji;

import java.util.List;

/** The macro option keys of each command: the GenericDialog fields' keys, and the SciJava parameter names. */
final class MacroKeys {
    static final List<String> PROPAGATE = List.of("method", "model", "seeds", "seed_image", "axis", "first_slice",
            "last_slice", "device", "whole_slices", "locality", "windows", "refine", "overlay", "add_rois");
    static final List<String> EVALUATE = List.of("prediction", "ground_truth", "axis");
    static final List<String> TRAIN = List.of("image", "labels", "axes", "preset", "initial_model", "cycle_weight",
            "iterations", "batch", "frames", "output", "overwrite");

    private MacroKeys() {
    }
}
