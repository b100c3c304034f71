package org.cycleprop.propagation;

/**
 * Where the network looks on each slice of one propagation run: the whole slice, or (windowed) a square around
 * the object that follows it from slice to slice. The first window is set around the seed mask; each next one
 * around the latest prediction, or stays where it was when the prediction is empty. With a window floor the side
 * never drops below that fraction of the seed window's side.
 */
final class WindowTracker {
    private final PropagationOptions options;
    private final int width;
    private final int height;
    private Window current;
    private double floor;

    /** A tracker for slices of {@code width} × {@code height}, starting around the {@code seed} mask. */
    WindowTracker(PropagationOptions options, int width, int height, boolean[] seed) {
        this.options = options;
        this.width = width;
        this.height = height;
        this.current = Window.wholeSlice(width, height);
        move(seed);
        this.floor = current.size() * options.windowFloor();
    }

    /** The window for the next slice. */
    Window current() {
        return current;
    }

    /** Follows the object to its latest predicted mask. */
    void move(boolean[] objectMask) {
        if (!options.windowed()) return;
        Window around = Window.around(objectMask, width, height, options.windowMargin(),
                Math.max(options.minWindow(), floor));
        if (around != null) current = around;
    }
}
