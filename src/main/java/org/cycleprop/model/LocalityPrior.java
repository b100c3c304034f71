package org.cycleprop.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import java.util.List;

/**
 * A Gaussian prior on the memory readout's affinity logits: −d² / (2σ²), d the distance between a query position
 * and a memory entry's position in query key-grid cells. Adjacent slices of a volume move little, unlike video
 * frames, so an entry far from the query is less likely to be the same tissue even when it looks alike.
 *
 * <p>Each memory frame may have been seen through a different window than the query (propagation's window
 * follows the object), so each has a {@link Placement}: where its key grid lies in the query's. Without
 * placements (training, whole slices) every frame is aligned with the query.
 *
 * @param sigma      width in query key-grid cells, &gt; 0
 * @param placements one per memory frame in memory order, or null when all frames are aligned with the query
 */
public record LocalityPrior(double sigma, List<Placement> placements) {

    /**
     * Memory cell (column c, row r) of a frame lies at query-grid coordinates (scale·c + dx, scale·r + dy).
     */
    public record Placement(double scale, double dx, double dy) {
        public static final Placement ALIGNED = new Placement(1, 0, 0);

        /**
         * The placement of a memory frame seen through a square window (corner {@code mx0, my0}, side
         * {@code mSize}, image pixels) in the grid of a query seen through another, for a square key grid of
         * {@code cells} per side: cell centres are mapped through the image.
         */
        public static Placement between(double mx0, double my0, double mSize, double qx0, double qy0, double qSize,
                                        int cells) {
            double queryCell = qSize / cells;
            double scale = mSize / qSize;
            return new Placement(scale, (mx0 - qx0) / queryCell + 0.5 * (scale - 1),
                    (my0 - qy0) / queryCell + 0.5 * (scale - 1));
        }
    }

    public LocalityPrior {
        if (!(sigma > 0)) throw new IllegalArgumentException("sigma must be > 0, got " + sigma);
        placements = placements == null ? null : List.copyOf(placements);
    }

    /** A prior of width {@code sigma} with every memory frame aligned with the query. */
    public static LocalityPrior aligned(double sigma) {
        return new LocalityPrior(sigma, null);
    }

    /** The same width for memory frames placed as given. */
    public LocalityPrior placed(List<Placement> framePlacements) {
        return new LocalityPrior(sigma, framePlacements);
    }

    /** The bias [1, h·w, frames·h·w] for an h × w key grid and {@code frames} memory frames. */
    public NDArray bias(NDManager manager, int h, int w, int frames) {
        if (placements != null && placements.size() != frames) {
            throw new IllegalArgumentException(placements.size() + " placements for " + frames + " memory frames");
        }
        int hw = h * w;
        float[] bias = new float[hw * hw * frames];
        double scale = 1 / (2 * sigma * sigma);
        for (int t = 0; t < frames; t++) {
            Placement p = placements == null ? Placement.ALIGNED : placements.get(t);
            for (int m = 0; m < hw; m++) {
                double my = p.scale() * (m / w) + p.dy();
                double mx = p.scale() * (m % w) + p.dx();
                for (int q = 0; q < hw; q++) {
                    double dy = my - q / w;
                    double dx = mx - q % w;
                    bias[q * hw * frames + t * hw + m] = (float) (-(dy * dy + dx * dx) * scale);
                }
            }
        }
        return manager.create(bias, new Shape(1, hw, (long) hw * frames));
    }
}
