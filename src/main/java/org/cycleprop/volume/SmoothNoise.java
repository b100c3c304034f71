package org.cycleprop.volume;

import java.util.SplittableRandom;

/**
 * Smooth 3D value noise in [-1, 1]: random values on a coarse lattice, interpolated with a smoothstep
 * so that the field and its gradient are continuous. Deterministic for a given seed.
 */
final class SmoothNoise {
    private final int nx;
    private final int ny;
    private final int nz;
    private final double cell;
    private final float[] lattice;

    /** Noise over a box of {@code width × height × depth} voxels with features about {@code cell} voxels wide. */
    SmoothNoise(int width, int height, int depth, double cell, SplittableRandom random) {
        this.cell = cell;
        this.nx = (int) Math.ceil(width / cell) + 2;
        this.ny = (int) Math.ceil(height / cell) + 2;
        this.nz = (int) Math.ceil(depth / cell) + 2;
        this.lattice = new float[nx * ny * nz];
        for (int i = 0; i < lattice.length; i++) lattice[i] = (float) (2 * random.nextDouble() - 1);
    }

    double at(double x, double y, double z) {
        double gx = clamp(x / cell, nx - 1.001);
        double gy = clamp(y / cell, ny - 1.001);
        double gz = clamp(z / cell, nz - 1.001);
        int ix = (int) gx;
        int iy = (int) gy;
        int iz = (int) gz;
        double fx = smooth(gx - ix);
        double fy = smooth(gy - iy);
        double fz = smooth(gz - iz);
        double v = 0;
        for (int dz = 0; dz < 2; dz++) {
            for (int dy = 0; dy < 2; dy++) {
                for (int dx = 0; dx < 2; dx++) {
                    double w = (dx == 0 ? 1 - fx : fx) * (dy == 0 ? 1 - fy : fy) * (dz == 0 ? 1 - fz : fz);
                    v += w * lattice[(ix + dx) + nx * ((iy + dy) + ny * (iz + dz))];
                }
            }
        }
        return v;
    }

    private static double clamp(double g, double max) {
        return Math.max(0, Math.min(max, g));
    }

    private static double smooth(double t) {
        return t * t * (3 - 2 * t);
    }
}
