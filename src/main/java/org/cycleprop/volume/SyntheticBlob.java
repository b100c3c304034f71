package org.cycleprop.volume;

import java.util.SplittableRandom;

/**
 * One object of a {@link SyntheticVolume}: on each slice z of its range a rotated superellipse whose
 * boundary carries a low-frequency ripple. Centre, semi-axes, rotation, exponent and ripple phases are
 * smooth (sinusoidal) functions of z, and the size tapers towards both ends of the range, so the object
 * grows in, drifts and deforms slice by slice, then shrinks out. It also carries its own intensity and
 * striped texture.
 */
final class SyntheticBlob {
    private static final int RIPPLES = 3;

    final int firstSlice;
    final int lastSlice;
    final double intensity;
    private final double cx0;
    private final double cy0;
    private final double driftX;
    private final double driftY;
    private final double radiusA;
    private final double radiusB;
    private final double angle0;
    /** Steady rotation in radians per slice, so that the outline changes on every slice. */
    private final double spin;
    private final double[] period = new double[5];
    private final double[] phase = new double[5];
    private final double[] rippleAmp = new double[RIPPLES];
    private final double[] ripplePhase = new double[RIPPLES];
    private final double[] rippleSpeed = new double[RIPPLES];
    private final double stripeFreqX;
    private final double stripeFreqY;
    private final double stripePhase;
    private final double textureAmp;

    /** Shape of one slice: centre, semi-axes, rotation, exponent and ripple phases at that z. */
    static final class Section {
        final double cx;
        final double cy;
        final double a;
        final double b;
        final double cos;
        final double sin;
        final double exponent;
        final double[] ripplePhase;
        final double[] rippleAmp;

        private Section(double cx, double cy, double a, double b, double angle, double exponent,
                        double[] rippleAmp, double[] ripplePhase) {
            this.cx = cx;
            this.cy = cy;
            this.a = a;
            this.b = b;
            this.cos = Math.cos(angle);
            this.sin = Math.sin(angle);
            this.exponent = exponent;
            this.rippleAmp = rippleAmp;
            this.ripplePhase = ripplePhase;
        }

        /** Largest distance of the boundary from the centre, in pixels (for a bounding box). */
        double reach() {
            double ripple = 0;
            for (double r : rippleAmp) ripple += r;
            // A superellipse with exponent >= 1 stays inside its bounding rectangle, whose half-diagonal bounds it.
            return Math.hypot(a, b) * (1 + ripple);
        }

        /**
         * Signed distance-like margin of pixel (x, y) in pixels: positive inside, about the distance to the
         * boundary near it.
         */
        double margin(double x, double y) {
            double dx = x - cx;
            double dy = y - cy;
            double u = (dx * cos + dy * sin) / a;
            double v = (-dx * sin + dy * cos) / b;
            double rho = Math.pow(Math.pow(Math.abs(u), exponent) + Math.pow(Math.abs(v), exponent), 1 / exponent);
            double theta = Math.atan2(v, u);
            double boundary = 1;
            for (int m = 0; m < rippleAmp.length; m++) {
                boundary += rippleAmp[m] * Math.sin((m + 2) * theta + ripplePhase[m]);
            }
            return (boundary - rho) * Math.min(a, b);
        }
    }

    SyntheticBlob(int index, int count, int width, int height, int depth, SplittableRandom r) {
        int length = Math.max(Math.min(depth, 3), (int) Math.round(depth * (0.45 + 0.35 * r.nextDouble())));
        firstSlice = r.nextInt(depth - length + 1);
        lastSlice = firstSlice + length - 1;
        double side = Math.min(width, height);
        // Centres on a ring, one sector per object, so that objects rarely overlap.
        double sector = 2 * Math.PI * (index + 0.2 + 0.6 * r.nextDouble()) / count;
        double ring = side * (0.2 + 0.08 * r.nextDouble());
        cx0 = width / 2.0 + ring * Math.cos(sector);
        cy0 = height / 2.0 + ring * Math.sin(sector);
        driftX = side * (0.03 + 0.04 * r.nextDouble());
        driftY = side * (0.03 + 0.04 * r.nextDouble());
        double size = side * Math.min(0.14, 0.55 / Math.max(2, count));
        radiusA = size * (0.75 + 0.25 * r.nextDouble());
        radiusB = radiusA * (0.55 + 0.25 * r.nextDouble()); // elongated, so that the spin below shows
        angle0 = Math.PI * r.nextDouble();
        spin = (r.nextBoolean() ? 1 : -1) * (0.03 + 0.03 * r.nextDouble());
        for (int i = 0; i < period.length; i++) {
            period[i] = depth * (1.0 + 1.5 * r.nextDouble());
            phase[i] = 2 * Math.PI * r.nextDouble();
        }
        for (int m = 0; m < RIPPLES; m++) {
            rippleAmp[m] = 0.02 + 0.05 * r.nextDouble() / (m + 1);
            ripplePhase[m] = 2 * Math.PI * r.nextDouble();
            rippleSpeed[m] = (r.nextBoolean() ? 1 : -1) * 2 * Math.PI * (0.5 + r.nextDouble()) / depth;
        }
        boolean bright = index % 2 == 0;
        intensity = bright ? 0.72 + 0.2 * r.nextDouble() : 0.08 + 0.12 * r.nextDouble();
        double stripeAngle = Math.PI * r.nextDouble();
        double frequency = 2 * Math.PI * (0.08 + 0.12 * r.nextDouble());
        stripeFreqX = frequency * Math.cos(stripeAngle);
        stripeFreqY = frequency * Math.sin(stripeAngle);
        stripePhase = 2 * Math.PI * r.nextDouble();
        textureAmp = 0.03 + 0.05 * r.nextDouble();
    }

    boolean presentOn(int z) {
        return z >= firstSlice && z <= lastSlice;
    }

    /** The shape on slice {@code z} (only meaningful where {@link #presentOn} holds). */
    Section section(int z) {
        double t = (z - firstSlice + 0.5) / (lastSlice - firstSlice + 1);
        double taper = 0.45 + 0.55 * Math.sin(Math.PI * t);
        double cx = cx0 + driftX * Math.sin(wave(0, z));
        double cy = cy0 + driftY * Math.sin(wave(1, z));
        double breathing = 1 + 0.12 * Math.sin(wave(2, z));
        double angle = angle0 + spin * z + 0.3 * Math.sin(wave(3, z));
        double exponent = 2.4 + 0.9 * Math.sin(wave(4, z));
        double[] phases = new double[RIPPLES];
        for (int m = 0; m < RIPPLES; m++) phases[m] = ripplePhase[m] + rippleSpeed[m] * z;
        return new Section(cx, cy, radiusA * taper * breathing, radiusB * taper / breathing, angle, exponent,
                rippleAmp, phases);
    }

    /** Texture offset of this object at (x, y, z): oblique stripes drifting with z. */
    double texture(double x, double y, int z) {
        return textureAmp * Math.sin(stripeFreqX * x + stripeFreqY * y + stripePhase + 0.2 * z);
    }

    private double wave(int i, int z) {
        return 2 * Math.PI * z / period[i] + phase[i];
    }
}
