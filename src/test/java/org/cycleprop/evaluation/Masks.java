package org.cycleprop.evaluation;

/** Small mask builders for the tests. */
final class Masks {
    private Masks() {
    }

    /** A width × height mask with the pixels (u, v) given as pairs set. */
    static boolean[] pixels(int width, int height, int... uv) {
        boolean[] m = new boolean[width * height];
        for (int k = 0; k < uv.length; k += 2) m[uv[k] + uv[k + 1] * width] = true;
        return m;
    }

    /** A mask with the rectangle u in [u0, u1], v in [v0, v1] (inclusive) set. */
    static boolean[] rectangle(int width, int height, int u0, int v0, int u1, int v1) {
        boolean[] m = new boolean[width * height];
        for (int v = v0; v <= v1; v++) for (int u = u0; u <= u1; u++) m[u + v * width] = true;
        return m;
    }

    static int count(boolean[] m) {
        int n = 0;
        for (boolean b : m) if (b) n++;
        return n;
    }
}
