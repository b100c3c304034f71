package org.cycleprop.training;

import java.util.SplittableRandom;

/**
 * Random intensity change of one frame with values in [0, 1]: v ↦ clamp(gain · v^gamma + offset, 0, 1), gamma
 * drawn log-uniformly so that brightening and darkening are equally likely.
 */
record IntensityJitter(double maxGainChange, double maxOffset, double maxGamma) {

    static final IntensityJitter DEFAULT = new IntensityJitter(0.1, 0.05, 1.25);
    static final IntensityJitter NONE = new IntensityJitter(0, 0, 1);

    void apply(float[] values, SplittableRandom random) {
        double gain = 1 + uniform(random, -maxGainChange, maxGainChange);
        double offset = uniform(random, -maxOffset, maxOffset);
        double logGamma = Math.log(maxGamma);
        double gamma = Math.exp(uniform(random, -logGamma, logGamma));
        for (int i = 0; i < values.length; i++) {
            double v = Math.max(0, values[i]);
            double out = gain * (gamma == 1 ? v : Math.pow(v, gamma)) + offset;
            values[i] = (float) Math.max(0, Math.min(1, out));
        }
    }

    static double uniform(SplittableRandom random, double low, double high) {
        return high > low ? low + (high - low) * random.nextDouble() : low;
    }
}
