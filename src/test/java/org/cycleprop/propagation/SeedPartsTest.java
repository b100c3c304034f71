package org.cycleprop.propagation;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class SeedPartsTest {
    private static final int W = 100, H = 40;

    private static void box(short[] s, int x0, int y0, int side, int label) {
        for (int y = y0; y < y0 + side; y++) for (int x = x0; x < x0 + side; x++) s[x + y * W] = (short) label;
    }

    private static boolean[] mask(short[] s, int label) {
        boolean[] m = new boolean[s.length];
        for (int i = 0; i < s.length; i++) m[i] = s[i] == label;
        return m;
    }

    @Test
    void distantPiecesOfOneObjectGetAWindowEach() {
        short[] s = new short[W * H];
        box(s, 5, 5, 6, 1);
        box(s, 80, 20, 6, 1); // windows of 2.5 × 6 = 15 px: far from each other
        List<SeedParts.Part> parts = SeedParts.split(new Seeds(W, H, 1).put(3, s), WindowParts.PIECES, 2.5, 8);
        assertEquals(2, parts.size());
        short[] first = parts.get(0).seeds().slices().get(3);
        short[] second = parts.get(1).seeds().slices().get(3);
        short[] expectedFirst = new short[W * H];
        box(expectedFirst, 5, 5, 6, 1);
        short[] expectedSecond = new short[W * H];
        box(expectedSecond, 80, 20, 6, 1);
        assertArrayEquals(expectedFirst, first);
        assertArrayEquals(expectedSecond, second);
        assertEquals(1, parts.get(0).object());
        assertEquals(1, parts.get(1).seeds().objectCount());
    }

    @Test
    void nearbyPiecesWhoseWindowsOverlapTravelTogether() {
        short[] s = new short[W * H];
        box(s, 5, 5, 6, 1);
        box(s, 14, 5, 6, 1); // 3 px gap: the 15 px windows overlap
        assertEquals(1, SeedParts.split(new Seeds(W, H, 1).put(3, s), WindowParts.PIECES, 2.5, 8).size());
        // a chain: the windows of a and c are apart, b's overlaps both, so all three are one group
        short[] chain = new short[W * H];
        box(chain, 5, 5, 6, 1);
        box(chain, 17, 5, 6, 1);
        box(chain, 29, 5, 6, 1);
        assertEquals(1, SeedParts.groups(mask(chain, 1), W, H, 2.5, 8).size());
        assertEquals(3, SeedParts.components(mask(chain, 1), W, H).size());
    }

    @Test
    void diagonalNeighboursAreOnePiece() {
        boolean[] m = new boolean[W * H];
        m[10 + 10 * W] = true;
        m[11 + 11 * W] = true;
        m[13 + 13 * W] = true;
        assertEquals(2, SeedParts.components(m, W, H).size());
    }

    @Test
    void everyObjectIsAPartAndSeveralSeedSlicesAreNotSplit() {
        short[] s = new short[W * H];
        box(s, 5, 5, 6, 1);
        box(s, 80, 5, 6, 1);
        box(s, 40, 25, 6, 2);
        short[] later = new short[W * H];
        box(later, 40, 25, 6, 2);
        Seeds seeds = new Seeds(W, H, 2).put(3, s).put(9, later);
        assertEquals(List.of(0), SeedParts.split(seeds, WindowParts.PIECES, 2.5, 8).stream()
                .map(SeedParts.Part::object).toList(), "pieces: several objects stay one pass");
        assertEquals(1, SeedParts.split(seeds, WindowParts.ONE, 2.5, 8).size());
        List<SeedParts.Part> parts = SeedParts.split(seeds, WindowParts.EACH, 2.5, 8);
        // object 1 only on slice 3: two pieces; object 2 on slices 3 and 9: one part with both slices
        assertEquals(3, parts.size());
        assertEquals(List.of(1, 1, 2), parts.stream().map(SeedParts.Part::object).toList());
        SeedParts.Part two = parts.get(2);
        assertEquals(2, two.seeds().slices().size());
        assertArrayEquals(mask(s, 2), mask(two.seeds().slices().get(3), 1));
        assertArrayEquals(mask(later, 2), mask(two.seeds().slices().get(9), 1));
    }
}
