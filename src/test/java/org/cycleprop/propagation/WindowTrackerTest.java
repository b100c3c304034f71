package org.cycleprop.propagation;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WindowTrackerTest {
    private static final int W = 200;
    private static final int H = 160;

    private static boolean[] square(int x0, int y0, int side) {
        boolean[] m = new boolean[W * H];
        for (int y = y0; y < y0 + side; y++) for (int x = x0; x < x0 + side; x++) m[x + y * W] = true;
        return m;
    }

    @Test
    void followsTheObjectAndShrinksWithItDownToTheMinimumWindow() {
        WindowTracker t = new WindowTracker(PropagationOptions.defaults(), W, H, square(40, 30, 20));
        assertEquals(new Window(50 - 25, 40 - 25, 50), t.current(), "2.5 x the seed's side, centred on it");
        t.move(square(100, 80, 4));
        assertEquals(PropagationOptions.DEFAULT_MIN_WINDOW, t.current().size(), 1e-9);
        assertEquals(102 - 16, t.current().x0(), 1e-9);
        Window before = t.current();
        t.move(new boolean[W * H]);
        assertEquals(before, t.current(), "an empty prediction leaves the window where it was");
    }

    @Test
    void withoutWindowingTheWholeSliceIsUsed() {
        WindowTracker t = new WindowTracker(PropagationOptions.defaults().withWindowed(false), W, H, square(40, 30, 20));
        assertEquals(Window.wholeSlice(W, H), t.current());
        t.move(square(100, 80, 4));
        assertEquals(Window.wholeSlice(W, H), t.current());
    }
}
