package org.cycleprop.training;

import org.cycleprop.volume.Axis;

import java.util.SplittableRandom;

/**
 * A labelled test volume made in memory, for previews and tests: a body ellipse (intensity ≈ 0.3, wavy, noisy,
 * black outside) holding three objects that drift and change size from slice to slice — label 1, a large bright
 * ellipse (0.85); label 2, a medium ellipse beside it (0.6); label 3, a small disc (0.7). Each object covers a
 * sub-range of the slices, so some slices lack some objects. Values are already in [0, 1].
 */
public final class PhantomVolume {
    public static final float BACKGROUND = 0.3f;
    public static final float[] OBJECT_INTENSITY = {0, 0.85f, 0.6f, 0.7f};

    private PhantomVolume() {
    }

    public static TrainingVolume create(String name, int width, int height, int depth, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[][] images = new float[depth][width * height];
        short[][] labels = new short[depth][width * height];
        for (int z = 0; z < depth; z++) {
            double t = depth > 1 ? z / (depth - 1.0) : 0.5; // 0..1 through the volume
            double body = Math.sqrt(Math.max(0, 1 - Math.pow((t - 0.5) / 0.65, 2)));
            // {centre x, centre y, radius x, radius y} per label, radius 0 where the object is absent
            double[][] objects = {
                    null,
                    {0.40 * width + 0.06 * width * Math.sin(z / 6.0), 0.45 * height,
                            0.14 * width * profile(t, 0.1, 0.9), 0.09 * height * profile(t, 0.1, 0.9)},
                    {0.64 * width, 0.50 * height + 0.05 * height * Math.cos(z / 7.0),
                            0.07 * width * profile(t, 0.25, 0.8), 0.11 * height * profile(t, 0.25, 0.8)},
                    {0.50 * width + 0.04 * width * t, 0.72 * height,
                            0.045 * width * profile(t, 0.3, 0.6), 0.045 * width * profile(t, 0.3, 0.6)},
            };
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    int i = x + y * width;
                    double bx = (x - 0.5 * width) / (0.45 * width * body + 1e-9);
                    double by = (y - 0.5 * height) / (0.42 * height * body + 1e-9);
                    if (bx * bx + by * by > 1) continue;
                    double value = BACKGROUND + 0.08 * Math.sin(x / 6.0 + z / 10.0) * Math.cos(y / 8.0 - z / 12.0);
                    for (int label = 1; label < objects.length; label++) {
                        double[] o = objects[label];
                        if (o[2] <= 0 || o[3] <= 0) continue;
                        double dx = (x - o[0]) / o[2];
                        double dy = (y - o[1]) / o[3];
                        if (dx * dx + dy * dy <= 1) {
                            labels[z][i] = (short) label;
                            value = OBJECT_INTENSITY[label];
                        }
                    }
                    value += 0.02 * random.nextGaussian();
                    images[z][i] = (float) Math.max(0, Math.min(1, value));
                }
            }
        }
        return TrainingVolume.of(name, Axis.Z, width, height, images, labels, TrainingVolume.allLabels(),
                TrainingVolume.DEFAULT_MIN_PIXELS);
    }

    /** 1 in the middle of [from, to] falling to 0 at its ends (a sphere-like size profile), 0 outside. */
    private static double profile(double t, double from, double to) {
        if (t <= from || t >= to) return 0;
        double u = (t - from) / (to - from) * 2 - 1;
        return Math.sqrt(1 - u * u);
    }
}
