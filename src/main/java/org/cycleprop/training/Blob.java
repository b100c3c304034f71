package org.cycleprop.training;

import java.util.SplittableRandom;

/**
 * A random smooth region, the stand-in for an organ in synthetic sequences: either a union of 2–4 ellipses
 * around a centre, or a rotated superellipse whose radius is perturbed by a few low-frequency harmonics.
 * Its extent stays within 2 × {@code radius} of the centre.
 */
final class Blob {
    /** Angular resolution of the superellipse boundary table. */
    private static final int ANGLES = 1024;

    private final double cx;
    private final double cy;
    private final double radius;
    // ellipse union: per ellipse {cx, cy, 1/a, 1/b, cos angle, sin angle}
    private final double[][] ellipses;
    // superellipse: boundary radius per angle (in the blob's rotated frame), and its extremes for quick tests
    private final double[] boundary;
    private final double cos;
    private final double sin;
    private final double innerSquared;
    private final double outerSquared;

    private Blob(double cx, double cy, double radius, double[][] ellipses, double[] boundary, double angle) {
        this.cx = cx;
        this.cy = cy;
        this.radius = radius;
        this.ellipses = ellipses;
        this.boundary = boundary;
        this.cos = Math.cos(angle);
        this.sin = Math.sin(angle);
        double inner = Double.POSITIVE_INFINITY;
        double outer = 0;
        if (boundary != null) {
            for (double b : boundary) {
                inner = Math.min(inner, b);
                outer = Math.max(outer, b);
            }
        }
        // the table is interpolated linearly, so stay a little inside and outside of its extremes
        this.innerSquared = boundary == null ? 0 : Math.pow(0.99 * inner, 2);
        this.outerSquared = boundary == null ? 0 : Math.pow(1.01 * outer, 2);
    }

    static Blob random(SplittableRandom random, double cx, double cy, double radius) {
        if (random.nextBoolean()) {
            int count = 2 + random.nextInt(3);
            double[][] ellipses = new double[count][];
            double a0 = radius * uniform(random, 0.6, 1.0);
            double b0 = radius * uniform(random, 0.4, 1.0);
            double t0 = random.nextDouble() * Math.PI;
            ellipses[0] = ellipse(cx, cy, a0, b0, t0);
            for (int i = 1; i < count; i++) {
                // centred somewhere inside the first ellipse so that the union stays connected
                double phi = random.nextDouble() * 2 * Math.PI;
                double rho = 0.8 * Math.sqrt(random.nextDouble());
                double ex = rho * a0 * Math.cos(phi);
                double ey = rho * b0 * Math.sin(phi);
                double x = cx + ex * Math.cos(t0) - ey * Math.sin(t0);
                double y = cy + ex * Math.sin(t0) + ey * Math.cos(t0);
                ellipses[i] = ellipse(x, y, radius * uniform(random, 0.3, 0.7), radius * uniform(random, 0.2, 0.6),
                        random.nextDouble() * Math.PI);
            }
            return new Blob(cx, cy, radius, ellipses, null, 0);
        }
        double a = radius * uniform(random, 0.6, 1.0);
        double b = radius * uniform(random, 0.5, 1.0);
        double exponent = uniform(random, 1.5, 4.0);
        double angle = random.nextDouble() * Math.PI;
        double[][] harmonics = new double[4][];
        for (int k = 0; k < harmonics.length; k++) {
            harmonics[k] = new double[] {uniform(random, 0, 0.1), random.nextDouble() * 2 * Math.PI};
        }
        double[] boundary = new double[ANGLES + 1];
        for (int i = 0; i <= ANGLES; i++) {
            double phi = -Math.PI + 2 * Math.PI * i / ANGLES;
            double r = Math.pow(Math.pow(Math.abs(Math.cos(phi) / a), exponent)
                    + Math.pow(Math.abs(Math.sin(phi) / b), exponent), -1 / exponent);
            double perturbation = 1;
            for (int k = 0; k < harmonics.length; k++) {
                perturbation += harmonics[k][0] * Math.cos((k + 2) * phi + harmonics[k][1]);
            }
            boundary[i] = r * perturbation;
        }
        return new Blob(cx, cy, radius, null, boundary, angle);
    }

    private static double[] ellipse(double x, double y, double a, double b, double angle) {
        return new double[] {x, y, 1 / a, 1 / b, Math.cos(angle), Math.sin(angle)};
    }

    double centreX() {
        return cx;
    }

    double centreY() {
        return cy;
    }

    double radius() {
        return radius;
    }

    boolean contains(double x, double y) {
        if (ellipses != null) {
            for (double[] e : ellipses) {
                double dx = x - e[0];
                double dy = y - e[1];
                double u = (e[4] * dx + e[5] * dy) * e[2];
                double v = (-e[5] * dx + e[4] * dy) * e[3];
                if (u * u + v * v <= 1) return true;
            }
            return false;
        }
        double dx = x - cx;
        double dy = y - cy;
        double rho2 = dx * dx + dy * dy;
        if (rho2 <= innerSquared) return true;
        if (rho2 > outerSquared) return false;
        double u = cos * dx + sin * dy;
        double v = -sin * dx + cos * dy;
        double t = (Math.atan2(v, u) + Math.PI) / (2 * Math.PI) * ANGLES;
        int i = Math.min(ANGLES - 1, (int) t);
        double f = t - i;
        double limit = boundary[i] * (1 - f) + boundary[i + 1] * f;
        return rho2 <= limit * limit;
    }

    /** The blob as a 0/1 mask on a w×h grid (pixel centres at integer coordinates). */
    float[] raster(int w, int h) {
        float[] out = new float[w * h];
        int x0 = Math.max(0, (int) Math.floor(cx - 2 * radius));
        int x1 = Math.min(w - 1, (int) Math.ceil(cx + 2 * radius));
        int y0 = Math.max(0, (int) Math.floor(cy - 2 * radius));
        int y1 = Math.min(h - 1, (int) Math.ceil(cy + 2 * radius));
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) if (contains(x, y)) out[x + y * w] = 1f;
        }
        return out;
    }

    private static double uniform(SplittableRandom random, double low, double high) {
        return low + (high - low) * random.nextDouble();
    }
}
