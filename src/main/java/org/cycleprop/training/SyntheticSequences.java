package org.cycleprop.training;

import org.cycleprop.volume.Affine2D;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Label-free pre-training triplets, the analogue of STCN's static-image stage: a still image (a patch of a real
 * normalised slice, or a procedural texture) with a random smooth region as the target, seen through three
 * smooth random deformations that grow from frame to frame (translation, rotation, zoom, a smooth displacement
 * field and a local growth or shrinkage around the region), so the target moves and deforms as organs do from
 * slice to slice. In some samples the region gets its own intensity shift or texture, in others none, so the
 * network must learn to follow image content rather than contrast edges. Optionally a second region next to
 * the first becomes the "others" mask. Deterministic for a given seed.
 * <p>
 * Provenance in the triplets: volume {@code "synthetic texture"} with axis null and slices {−1, −1, −1}, or
 * {@code "synthetic from <volume>"} with its axis and the source slice three times; label 1, other label 2.
 */
public final class SyntheticSequences {
    private final List<TrainingVolume> sources;
    private final int resolution;
    private final int canvas;
    private final Options options;
    private SplittableRandom random;

    /**
     * Generation knobs: the chance to start from a real slice (when sources are given), to add a second
     * region, to give a region its own appearance; {@code deformation} scales every motion amplitude (1 = the
     * defaults: per frame up to ±6° rotation, ±7 % zoom, ±4 % translation of R, a displacement field of up to
     * 2.5 % of R and ±15 % local growth); {@code noise} adds independent Gaussian noise to each frame.
     */
    public record Options(double realSliceProbability, double secondObjectProbability,
                          double regionAppearanceProbability, double deformation, boolean noise) {
        public static Options defaults() {
            return new Options(0.5, 0.5, 0.6, 1.0, true);
        }
    }

    public SyntheticSequences(List<TrainingVolume> sources, int resolution, long seed) {
        this(sources, resolution, seed, Options.defaults());
    }

    /** @param sources volumes whose slices may serve as images (may be empty: textures only) */
    public SyntheticSequences(List<TrainingVolume> sources, int resolution, long seed, Options options) {
        if (resolution < 16 || resolution % 16 != 0) {
            throw new IllegalArgumentException("resolution must be a positive multiple of 16, got " + resolution);
        }
        this.sources = List.copyOf(sources);
        this.resolution = resolution;
        // twice the window, so that warps of the window never reach the edge of the still image
        this.canvas = 2 * resolution;
        this.options = options;
        this.random = new SplittableRandom(seed);
    }

    public int resolution() {
        return resolution;
    }

    public Batch nextBatch(int size) {
        List<Triplet> list = new ArrayList<>(size);
        for (int i = 0; i < size; i++) list.add(next());
        return Batch.of(list);
    }

    public Triplet next() {
        int c = canvas;
        double centre = (c - 1) / 2.0;
        String name = "synthetic texture";
        TrainingVolume volume = null;
        int slice = -1;
        float[] image = null;
        Blob target = null;
        float[] targetMask = null;
        boolean real = !sources.isEmpty() && random.nextDouble() < options.realSliceProbability();
        // a region lying mostly in the black outside of a body teaches nothing: try a few patches, then give up
        for (int attempt = 0; real && image == null && attempt < 5; attempt++) {
            TrainingVolume v = sources.get(random.nextInt(sources.size()));
            int z = contentSlice(v);
            float[] patch = realPatch(v, z);
            Blob blob = randomTarget();
            float[] mask = blob.raster(c, c);
            if (brightFractionInside(patch, mask) >= 0.5) {
                volume = v;
                slice = z;
                image = patch;
                target = blob;
                targetMask = mask;
                name = "synthetic from " + v.name();
            }
        }
        if (image == null) {
            image = texture();
            target = randomTarget();
            targetMask = target.raster(c, c);
        }
        double r1 = target.radius();
        if (random.nextDouble() < options.regionAppearanceProbability()) giveAppearance(image, targetMask);

        float[] otherMask = null;
        if (random.nextDouble() < options.secondObjectProbability()) {
            double r2 = resolution * uniform(0.08, 0.25);
            double phi = random.nextDouble() * 2 * Math.PI;
            double distance = r1 * uniform(0.8, 1.6) + r2 * uniform(0.5, 1.2);
            Blob other = Blob.random(random, target.centreX() + distance * Math.cos(phi),
                    target.centreY() + distance * Math.sin(phi), r2);
            otherMask = other.raster(c, c);
            for (int i = 0; i < otherMask.length; i++) if (targetMask[i] > 0) otherMask[i] = 0;
            if (random.nextDouble() < options.regionAppearanceProbability()) giveAppearance(image, otherMask);
        }

        Motion motion = new Motion(target);
        Plane still = new Plane(image, c, c);
        Plane targetPlane = new Plane(targetMask, c, c);
        Plane otherPlane = otherMask == null ? null : new Plane(otherMask, c, c);
        double noise = options.noise() ? uniform(0, 0.03) : 0;
        int n = resolution * resolution;
        float[][] images = new float[Triplet.FRAMES][n];
        float[][] masks = new float[Triplet.FRAMES][n];
        float[][] others = new float[Triplet.FRAMES][n];
        for (int f = 0; f < Triplet.FRAMES; f++) {
            double[][] points = motion.frame(f);
            for (int i = 0; i < n; i++) {
                double x = points[0][i];
                double y = points[1][i];
                images[f][i] = still.clamped(x, y);
                masks[f][i] = targetPlane.zeroOutside(x, y) > 0.5f ? 1f : 0f;
                if (otherPlane != null) others[f][i] = otherPlane.zeroOutside(x, y) > 0.5f ? 1f : 0f;
            }
            if (noise > 0) {
                for (int i = 0; i < n; i++) images[f][i] += (float) (noise * random.nextGaussian());
            }
            IntensityJitter.DEFAULT.apply(images[f], random);
        }
        boolean hasOthers = otherPlane != null && !AffineResampler.isEmpty(others[0]);
        if (!hasOthers) others = new float[Triplet.FRAMES][n];
        return new Triplet(resolution, images, masks, others, hasOthers, name,
                volume == null ? null : volume.axis(), 1, hasOthers ? 2 : 0, new int[] {slice, slice, slice});
    }

    /**
     * The per-sequence deformation: frame k samples the still image at A_k(p) + k·d(p), then grows or shrinks
     * the neighbourhood of the target by λ^k. Frame 0 only has a small jitter of its own.
     */
    private final class Motion {
        final double rotation;
        final double logZoom;
        final double tx;
        final double ty;
        final double displacement;
        final float[] fieldX;
        final float[] fieldY;
        final double logGrowth;
        final Blob target;

        Motion(Blob target) {
            double m = options.deformation();
            this.target = target;
            rotation = Math.toRadians(uniform(-6, 6) * m);
            logZoom = uniform(-0.07, 0.07) * m;
            tx = uniform(-0.04, 0.04) * m;
            ty = uniform(-0.04, 0.04) * m;
            displacement = uniform(0, 0.025) * m;
            // the displacement field on the window's pixel grid (normalised coordinates), the same for every frame
            double[] grid = new double[resolution];
            for (int u = 0; u < resolution; u++) grid[u] = (u + 0.5) / resolution - 0.5;
            fieldX = new SmoothNoise(random, -0.5, -0.5, 1, 1, 0.4).onGrid(grid, grid);
            fieldY = new SmoothNoise(random, -0.5, -0.5, 1, 1, 0.4).onGrid(grid, grid);
            logGrowth = uniform(-0.15, 0.15) * m;
        }

        /** Still-image coordinates {xs, ys} for each output pixel of frame {@code k}. */
        double[][] frame(int k) {
            double jitterRotation = Math.toRadians(uniform(-2, 2) * options.deformation());
            double jx = uniform(-0.01, 0.01) * options.deformation();
            double jy = uniform(-0.01, 0.01) * options.deformation();
            Affine2D affine = Affine2D.translation(k * tx + jx, k * ty + jy)
                    .after(Affine2D.rotation(k * rotation + jitterRotation))
                    .after(Affine2D.scale(Math.exp(-k * logZoom), Math.exp(-k * logZoom)));
            double centre = (canvas - 1) / 2.0;
            double growth = Math.exp(-k * logGrowth) - 1;
            double width = 1.5 * target.radius();
            int n = resolution * resolution;
            double[] xs = new double[n];
            double[] ys = new double[n];
            for (int v = 0; v < resolution; v++) {
                double py = (v + 0.5) / resolution - 0.5;
                for (int u = 0; u < resolution; u++) {
                    double px = (u + 0.5) / resolution - 0.5;
                    int i = u + v * resolution;
                    double qx = affine.x(px, py) + k * displacement * fieldX[i];
                    double qy = affine.y(px, py) + k * displacement * fieldY[i];
                    double x = centre + resolution * qx;
                    double y = centre + resolution * qy;
                    // radial growth around the target that fades out with distance (no folding for |growth| < 0.4)
                    double dx = x - target.centreX();
                    double dy = y - target.centreY();
                    double g = growth * Math.exp(-(dx * dx + dy * dy) / (2 * width * width));
                    xs[i] = target.centreX() + dx * (1 + g);
                    ys[i] = target.centreY() + dy * (1 + g);
                }
            }
            return new double[][] {xs, ys};
        }
    }

    /** Gives the region its own look: an intensity shift, sometimes with a texture, blended at a soft edge. */
    private void giveAppearance(float[] image, float[] mask) {
        float[] alpha = GaussianBlur.blur(mask, canvas, canvas, uniform(0.5, 1.5));
        double shift = (random.nextBoolean() ? 1 : -1) * uniform(0.08, 0.35);
        double textureAmplitude = random.nextBoolean() ? uniform(0.05, 0.25) : 0;
        float[] texture = textureAmplitude > 0
                ? SmoothNoise.octaves(random, canvas, canvas, uniform(4, resolution / 4.0), 3, 0.5) : null;
        for (int i = 0; i < image.length; i++) {
            if (alpha[i] <= 0) continue;
            double change = shift + (texture == null ? 0 : textureAmplitude * (texture[i] - 0.5));
            image[i] = (float) Math.max(0, Math.min(1, image[i] + alpha[i] * change));
        }
    }

    /** A procedural still image: smooth noise octaves, a few soft shapes, optional grain, random contrast. */
    private float[] texture() {
        int c = canvas;
        float[] image = SmoothNoise.octaves(random, c, c, resolution * uniform(0.25, 1.0), 4 + random.nextInt(3),
                uniform(0.4, 0.7));
        int shapes = random.nextInt(6);
        for (int s = 0; s < shapes; s++) {
            Blob blob = Blob.random(random, random.nextDouble() * c, random.nextDouble() * c,
                    resolution * uniform(0.05, 0.3));
            float[] alpha = GaussianBlur.blur(blob.raster(c, c), c, c, uniform(0.5, 3));
            double value = random.nextDouble();
            double weight = uniform(0.3, 1.0);
            for (int i = 0; i < image.length; i++) {
                double a = weight * alpha[i];
                image[i] = (float) (image[i] * (1 - a) + value * a);
            }
        }
        if (random.nextBoolean()) {
            double grain = uniform(0, 0.15);
            float[] fine = SmoothNoise.octaves(random, c, c, 3, 1, 1);
            for (int i = 0; i < image.length; i++) image[i] += (float) (grain * (fine[i] - 0.5));
        }
        SmoothNoise.rescale(image);
        double low = uniform(0, 0.3);
        double high = uniform(0.6, 1.0);
        for (int i = 0; i < image.length; i++) image[i] = (float) (low + (high - low) * image[i]);
        if (random.nextDouble() < 0.3) {
            // a body outline: black outside, as around a patient
            double centre = (c - 1) / 2.0;
            Blob body = Blob.random(random, centre + resolution * uniform(-0.3, 0.3),
                    centre + resolution * uniform(-0.3, 0.3), resolution * uniform(0.6, 1.0));
            float[] alpha = GaussianBlur.blur(body.raster(c, c), c, c, 2);
            for (int i = 0; i < image.length; i++) image[i] *= alpha[i];
        }
        return image;
    }

    private Blob randomTarget() {
        double centre = (canvas - 1) / 2.0;
        return Blob.random(random, centre + resolution * uniform(-0.1, 0.1), centre + resolution * uniform(-0.1, 0.1),
                resolution * uniform(0.1, 0.3));
    }

    private static double brightFractionInside(float[] image, float[] mask) {
        int inside = 0;
        int bright = 0;
        for (int i = 0; i < mask.length; i++) {
            if (mask[i] > 0) {
                inside++;
                if (image[i] > 0.1f) bright++;
            }
        }
        return inside == 0 ? 0 : bright / (double) inside;
    }

    /** A slice with some bright content, tried a few times at random. */
    private int contentSlice(TrainingVolume volume) {
        int z = random.nextInt(volume.depth());
        for (int attempt = 0; attempt < 5 && brightFraction(volume.image(z)) < 0.05; attempt++) {
            z = random.nextInt(volume.depth());
        }
        return z;
    }

    private static double brightFraction(float[] slice) {
        int bright = 0;
        for (int i = 0; i < slice.length; i += 7) if (slice[i] > 0.1f) bright++;
        return bright / Math.ceil(slice.length / 7.0);
    }

    /** A canvas-sized patch of a slice around a bright pixel, randomly zoomed and flipped; black outside. */
    private float[] realPatch(TrainingVolume volume, int z) {
        Plane slice = new Plane(volume.image(z), volume.width(), volume.height());
        float[] pixels = slice.pixels();
        int pick = random.nextInt(pixels.length);
        for (int attempt = 0; attempt < 30 && pixels[pick] <= 0.1f; attempt++) pick = random.nextInt(pixels.length);
        double cx = pick % slice.width();
        double cy = pick / slice.width();
        double zoom = uniform(0.6, 1.6);
        double flip = random.nextBoolean() ? -1 : 1;
        int c = canvas;
        double centre = (c - 1) / 2.0;
        float[] out = new float[c * c];
        for (int j = 0; j < c; j++) {
            for (int i = 0; i < c; i++) {
                out[i + j * c] = slice.zeroOutside(cx + flip * (i - centre) * zoom, cy + (j - centre) * zoom);
            }
        }
        return out;
    }

    private double uniform(double low, double high) {
        return low + (high - low) * random.nextDouble();
    }

    /**
     * Restarts the random stream from {@code seed}. The trainer reseeds before every batch from (seed, iteration),
     * so that a resumed run draws exactly the batches an uninterrupted one would.
     */
    public void reseed(long seed) {
        random = new SplittableRandom(seed);
    }
}
