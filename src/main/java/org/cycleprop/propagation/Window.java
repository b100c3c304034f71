package org.cycleprop.propagation;

/**
 * A square region of a slice, in pixel units of the original grid ({@code x0, y0} is the outer corner of
 * the first pixel), that the network sees resampled to its working resolution. It may reach outside the
 * slice; outside pixels read as zero.
 */
public record Window(double x0, double y0, double size) {

    /** The whole slice, as a square anchored at the origin (the part beyond the slice is padding). */
    public static Window wholeSlice(int width, int height) {
        return new Window(0, 0, Math.max(width, height));
    }

    /**
     * A window centred on the bounding box of {@code mask}, its side {@code margin} times the box's longer
     * side but at least {@code minSize} pixels; null if the mask is empty.
     */
    public static Window around(boolean[] mask, int width, int height, double margin, double minSize) {
        int minX = Integer.MAX_VALUE;
        int minY = Integer.MAX_VALUE;
        int maxX = -1;
        int maxY = -1;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (!mask[x + y * width]) continue;
                if (x < minX) minX = x;
                if (x > maxX) maxX = x;
                if (y < minY) minY = y;
                if (y > maxY) maxY = y;
            }
        }
        if (maxX < 0) return null;
        double side = Math.max(maxX - minX + 1, maxY - minY + 1) * margin;
        side = Math.max(side, minSize);
        double cx = (minX + maxX + 1) / 2.0;
        double cy = (minY + maxY + 1) / 2.0;
        return new Window(cx - side / 2, cy - side / 2, side);
    }
}
