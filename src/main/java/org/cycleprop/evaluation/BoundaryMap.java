package org.cycleprop.evaluation;

/**
 * The one-pixel-wide boundary of a binary slice, by D. Martin's {@code seg2bmap} rule as used by the DAVIS
 * evaluation: a pixel is a boundary pixel when it differs from its east, south or south-east neighbour.
 * The boundary therefore lies half a pixel towards the origin of the true object edge. Pixels outside the
 * slice count as background, except that the last row only compares with the east neighbour, the last
 * column only with the south neighbour, and the bottom-right pixel is never a boundary pixel.
 */
public final class BoundaryMap {
    private final boolean[] pixels;
    private final int[] indices;
    private final int width;
    private final int height;

    private BoundaryMap(boolean[] pixels, int[] indices, int width, int height) {
        this.pixels = pixels;
        this.indices = indices;
        this.width = width;
        this.height = height;
    }

    /** The boundary map of {@code mask} (row-major, index {@code u + v * width}). */
    public static BoundaryMap of(boolean[] mask, int width, int height) {
        if (mask.length != width * height) {
            throw new IllegalArgumentException("mask has " + mask.length + " pixels, expected " + width * height);
        }
        boolean[] b = new boolean[mask.length];
        // boundary pixels lie within the mask's bounding box grown by one pixel up and left
        int uMin = width;
        int uMax = -1;
        int vMin = height;
        int vMax = -1;
        for (int v = 0; v < height; v++) {
            int row = v * width;
            for (int u = 0; u < width; u++) {
                if (mask[row + u]) {
                    if (u < uMin) uMin = u;
                    if (u > uMax) uMax = u;
                    if (v < vMin) vMin = v;
                    vMax = v;
                }
            }
        }
        if (uMax < 0) return new BoundaryMap(b, new int[0], width, height);
        int[] found = new int[64];
        int count = 0;
        int lastRow = height - 1;
        int lastCol = width - 1;
        for (int v = Math.max(0, vMin - 1); v <= vMax; v++) {
            int row = v * width;
            for (int u = Math.max(0, uMin - 1); u <= uMax; u++) {
                int i = row + u;
                boolean a = mask[i];
                boolean edge;
                if (v < lastRow && u < lastCol) {
                    edge = a != mask[i + 1] || a != mask[i + width] || a != mask[i + width + 1];
                } else if (v == lastRow && u < lastCol) {
                    edge = a != mask[i + 1];
                } else if (u == lastCol && v < lastRow) {
                    edge = a != mask[i + width];
                } else {
                    edge = false; // bottom-right pixel
                }
                if (edge) {
                    b[i] = true;
                    if (count == found.length) found = java.util.Arrays.copyOf(found, 2 * count);
                    found[count++] = i;
                }
            }
        }
        int[] indices = java.util.Arrays.copyOf(found, count);
        return new BoundaryMap(b, indices, width, height);
    }

    /** The map, row-major; true on boundary pixels. A copy. */
    public boolean[] pixels() {
        return pixels.clone();
    }

    public boolean contains(int u, int v) {
        return pixels[u + v * width];
    }

    /** Number of boundary pixels. */
    public int count() {
        return indices.length;
    }

    public boolean isEmpty() {
        return indices.length == 0;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /**
     * Number of this map's boundary pixels that have a boundary pixel of {@code other} within the disk
     * {@code offsets}, i.e. |this ∩ dilate(other)|, computed by scanning only this map's boundary pixels.
     */
    int countMatchedIn(BoundaryMap other, Disk disk) {
        int[] dx = disk.dx();
        int[] dy = disk.dy();
        int matched = 0;
        for (int i : indices) {
            int u = i % width;
            int v = i / width;
            for (int k = 0; k < dx.length; k++) {
                int x = u + dx[k];
                int y = v + dy[k];
                if (x >= 0 && x < width && y >= 0 && y < height && other.pixels[x + y * width]) {
                    matched++;
                    break;
                }
            }
        }
        return matched;
    }
}
