package org.cycleprop.volume;

/** A 2D affine map (x, y) → (a·x + b·y + c, d·x + e·y + f). Immutable. */
public record Affine2D(double a, double b, double c, double d, double e, double f) {

    public static final Affine2D IDENTITY = new Affine2D(1, 0, 0, 0, 1, 0);

    public static Affine2D rotation(double radians) {
        double cos = Math.cos(radians);
        double sin = Math.sin(radians);
        return new Affine2D(cos, -sin, 0, sin, cos, 0);
    }

    public static Affine2D scale(double sx, double sy) {
        return new Affine2D(sx, 0, 0, 0, sy, 0);
    }

    public static Affine2D translation(double tx, double ty) {
        return new Affine2D(1, 0, tx, 0, 1, ty);
    }

    /** This map applied after {@code first}: p ↦ this(first(p)). */
    public Affine2D after(Affine2D first) {
        return new Affine2D(
                a * first.a + b * first.d, a * first.b + b * first.e, a * first.c + b * first.f + c,
                d * first.a + e * first.d, d * first.b + e * first.e, d * first.c + e * first.f + f);
    }

    public double x(double px, double py) {
        return a * px + b * py + c;
    }

    public double y(double px, double py) {
        return d * px + e * py + f;
    }

    /** How many source units one unit of input spans (geometric mean of the axis stretches). */
    public double meanStretch() {
        return Math.sqrt(Math.abs(a * e - b * d));
    }
}
