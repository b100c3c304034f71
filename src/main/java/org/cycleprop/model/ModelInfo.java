package org.cycleprop.model;

import java.util.Map;

/**
 * The description stored as {@code NAME.json} beside the weights {@code NAME.params} of a trained network.
 *
 * @param format         file format tag, {@value #FORMAT}
 * @param presetName     name of the preset (repeated from {@code preset} for readers of the file)
 * @param preset         the full architecture
 * @param normalisation  how slice intensities were normalised before entering the network (the recipe the
 *                       propagation must repeat), e.g. {@code {"method": "percentile", "low": 0.5, "high": 99.5}}
 * @param training       training recipe (loss, learning rate, crop size, data …)
 * @param inference      propagation settings this model runs with unless told otherwise, chosen with it (on
 *                       held-out structures, or the prior it was trained with), e.g. {@code {"locality": 1.0}}
 * @param iterations     training iterations done
 * @param seed           random seed of the training
 * @param scores         evaluation scores, e.g. {@code {"dice_val": 0.81}}
 * @param paramsFile     file name of the weights, in the same folder (set when saving)
 * @param paramsSha256   SHA-256 of the weights file, lower-case hex (set when saving)
 * @param parameterCount trainable parameters (set when saving)
 */
public record ModelInfo(
        String format,
        String presetName,
        Preset preset,
        Map<String, Object> normalisation,
        Map<String, Object> training,
        Map<String, Object> inference,
        long iterations,
        long seed,
        Map<String, Double> scores,
        String paramsFile,
        String paramsSha256,
        long parameterCount) {

    public static final String FORMAT = "cycleprop-stcn-1";
    /** Key of the locality prior in the training recipe (trained with) and the inference settings (runs with). */
    public static final String LOCALITY_KEY = "locality";

    public ModelInfo {
        normalisation = normalisation == null ? Map.of() : Map.copyOf(normalisation);
        training = training == null ? Map.of() : Map.copyOf(training);
        inference = inference == null ? Map.of() : Map.copyOf(inference);
        scores = scores == null ? Map.of() : Map.copyOf(scores);
    }

    /** A description to hand to {@link ModelFile#save}; the file fields are filled in when saving. */
    public static ModelInfo of(Preset preset, Map<String, Object> normalisation, Map<String, Object> training,
            Map<String, Object> inference, long iterations, long seed, Map<String, Double> scores) {
        return new ModelInfo(FORMAT, preset.name(), preset, normalisation, training, inference, iterations, seed,
                scores, null, null, 0);
    }

    ModelInfo withFile(String file, String sha256, long count) {
        return new ModelInfo(FORMAT, preset.name(), preset, normalisation, training, inference, iterations, seed, scores,
                file, sha256, count);
    }

    /** Width of the locality prior propagation uses with this model unless told otherwise, key-grid cells; 0 = none. */
    public double defaultLocality() {
        Object v = inference.get(LOCALITY_KEY);
        return v instanceof Number n ? n.doubleValue() : 0;
    }
}
