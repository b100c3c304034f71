package org.cycleprop.evaluation;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The offsets of a digital disk {dx² + dy² ≤ r²} (the structuring element of scikit-image's {@code disk(r)}),
 * sorted by distance so that a search for a nearby pixel usually stops early. Built once per radius.
 */
final class Disk {
    private static final Map<Integer, Disk> CACHE = new ConcurrentHashMap<>();

    private final int[] dx;
    private final int[] dy;

    private Disk(int radius) {
        int side = 2 * radius + 1;
        int[][] all = new int[side * side][];
        int n = 0;
        for (int y = -radius; y <= radius; y++) {
            for (int x = -radius; x <= radius; x++) {
                if (x * x + y * y <= radius * radius) all[n++] = new int[] {x, y};
            }
        }
        int[][] inside = java.util.Arrays.copyOf(all, n);
        java.util.Arrays.sort(inside, (a, b) -> Integer.compare(a[0] * a[0] + a[1] * a[1], b[0] * b[0] + b[1] * b[1]));
        dx = new int[n];
        dy = new int[n];
        for (int k = 0; k < n; k++) {
            dx[k] = inside[k][0];
            dy[k] = inside[k][1];
        }
    }

    static Disk of(int radius) {
        if (radius < 0) throw new IllegalArgumentException("negative radius " + radius);
        return CACHE.computeIfAbsent(radius, Disk::new);
    }

    int[] dx() {
        return dx;
    }

    int[] dy() {
        return dy;
    }

    int size() {
        return dx.length;
    }
}
