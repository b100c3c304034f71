package org.cycleprop.propagation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Splits seeds into parts that are propagated each in its own object-centred window: every object on its own,
 * and an object drawn on a single slice as several separate pieces (a bilateral structure, two cells) into groups
 * of pieces whose windows overlap. One shared window around far-apart pieces covers most of the slice, and at the
 * working resolution each piece becomes a thin sliver the network was never trained on.
 *
 * <p>An object with seeds on several slices stays one part: which piece on one slice continues which piece on
 * another is not known.
 */
final class SeedParts {
    /**
     * One part: object {@code object} (1..K of the original seeds) with these seeds as its object 1; object 0: the
     * original seeds unchanged (nothing split).
     */
    record Part(int object, Seeds seeds) {
    }

    private SeedParts() {
    }

    /**
     * The parts of {@code seeds}: with {@link WindowParts#PIECES} several objects stay one part (one pass, one
     * window) and only a single object is split into groups of pieces; with {@link WindowParts#EACH} every object
     * is split; {@link WindowParts#ONE} keeps everything one part.
     */
    static List<Part> split(Seeds seeds, WindowParts mode, double margin, int minWindow) {
        if (mode == WindowParts.ONE || (mode == WindowParts.PIECES && seeds.objectCount() > 1)) {
            return List.of(new Part(0, seeds));
        }
        int w = seeds.width();
        int h = seeds.height();
        List<Part> parts = new ArrayList<>();
        for (int object = 1; object <= seeds.objectCount(); object++) {
            Map<Integer, boolean[]> masks = new TreeMap<>();
            for (Map.Entry<Integer, short[]> e : seeds.slices().entrySet()) {
                boolean[] m = new boolean[w * h];
                boolean any = false;
                for (int i = 0; i < m.length; i++) {
                    m[i] = Short.toUnsignedInt(e.getValue()[i]) == object;
                    any |= m[i];
                }
                if (any) masks.put(e.getKey(), m);
            }
            if (masks.isEmpty()) continue;
            if (masks.size() > 1) {
                Seeds s = new Seeds(w, h, 1);
                masks.forEach((z, m) -> s.put(z, toLabels(m)));
                parts.add(new Part(object, s));
                continue;
            }
            int z = masks.keySet().iterator().next();
            for (boolean[] group : groups(masks.get(z), w, h, margin, minWindow)) {
                Seeds s = new Seeds(w, h, 1);
                s.put(z, toLabels(group));
                parts.add(new Part(object, s));
            }
        }
        return parts;
    }

    /**
     * The mask's 8-connected pieces, merged while the windows around two groups ({@link Window#around}) overlap,
     * so that nearby fragments of one structure travel together and only distant ones get windows of their own.
     */
    static List<boolean[]> groups(boolean[] mask, int w, int h, double margin, int minWindow) {
        List<boolean[]> groups = components(mask, w, h);
        List<Window> windows = new ArrayList<>(); // windows.get(i) is the window around groups.get(i)
        for (boolean[] g : groups) windows.add(Window.around(g, w, h, margin, minWindow));
        boolean merged = true;
        while (merged && groups.size() > 1) {
            merged = false;
            outer:
            for (int a = 0; a < groups.size(); a++) {
                for (int b = a + 1; b < groups.size(); b++) {
                    if (overlap(windows.get(a), windows.get(b))) {
                        boolean[] union = groups.get(a);
                        boolean[] other = groups.remove(b);
                        windows.remove(b);
                        for (int i = 0; i < union.length; i++) union[i] |= other[i];
                        windows.set(a, Window.around(union, w, h, margin, minWindow));
                        merged = true;
                        break outer;
                    }
                }
            }
        }
        return groups;
    }

    private static boolean overlap(Window a, Window b) {
        return a.x0() < b.x0() + b.size() && b.x0() < a.x0() + a.size()
                && a.y0() < b.y0() + b.size() && b.y0() < a.y0() + a.size();
    }

    /** 8-connected components of a mask, each as a mask of its own. */
    static List<boolean[]> components(boolean[] mask, int w, int h) {
        int[] component = new int[mask.length];
        List<boolean[]> out = new ArrayList<>();
        int[] queue = new int[mask.length];
        for (int start = 0; start < mask.length; start++) {
            if (!mask[start] || component[start] != 0) continue;
            boolean[] piece = new boolean[mask.length];
            int id = out.size() + 1;
            int head = 0;
            int tail = 0;
            queue[tail++] = start;
            component[start] = id;
            while (head < tail) {
                int p = queue[head++];
                piece[p] = true;
                int px = p % w;
                int py = p / w;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int x = px + dx;
                        int y = py + dy;
                        if (x < 0 || y < 0 || x >= w || y >= h) continue;
                        int q = x + y * w;
                        if (mask[q] && component[q] == 0) {
                            component[q] = id;
                            queue[tail++] = q;
                        }
                    }
                }
            }
            out.add(piece);
        }
        return out;
    }

    private static short[] toLabels(boolean[] mask) {
        short[] labels = new short[mask.length];
        for (int i = 0; i < mask.length; i++) labels[i] = (short) (mask[i] ? 1 : 0);
        return labels;
    }
}
