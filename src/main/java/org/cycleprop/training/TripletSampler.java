package org.cycleprop.training;

import org.cycleprop.volume.Affine2D;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Draws training triplets from labelled volumes, the way the authors' medical loader does, adapted to the
 * object-centred windows used at inference. For each triplet: a volume (weighted by its usable slices), an
 * object, a seed slice z0 where the object has at least {@code minPixels} pixels, and two more slices
 * z1 = z0 + d·g1, z2 = z1 + d·g2 with gaps g1, g2 in 1..maxJump (more slices, each one gap further, with
 * {@link Options#withFrames}) and a direction d = ±1 (d = −1 with
 * probability {@link Options#reverseProbability()}: the "reversal" of the authors' code, so that the seed still
 * comes first). With probability {@link Options#secondObjectProbability()} a second object present on z0 becomes
 * the "others" input.
 * <p>
 * The window is centred on the object's bounding box on z0 (jittered), with side = longer bbox side ×
 * U(minWindowFactor, maxWindowFactor), at least {@code minWindowPixels}; the same window is used for the three
 * slices, as at inference where the window follows the last known position. All frames share one random affine
 * (rotation, scale, horizontal flip); each frame then gets a small affine of its own and its own intensity
 * jitter. Deterministic for a given seed.
 */
public final class TripletSampler {
    /** How many draws to try before accepting a triplet whose seed mask vanished in the window. */
    private static final int MAX_ATTEMPTS = 10;

    private final List<TrainingVolume> volumes;
    private final int[] cumulativeWeights;
    private final int resolution;
    private final Options options;
    private SplittableRandom random;

    /**
     * Sampling knobs. Angles in degrees; {@code centreJitter} and {@code frameTranslation} are fractions of the
     * window side; scale draws the zoom of the shared affine.
     */
    public record Options(double secondObjectProbability, double reverseProbability, double minWindowFactor,
                          double maxWindowFactor, int minWindowPixels, double centreJitter,
                          double maxRotationDegrees, double minScale, double maxScale, double flipProbability,
                          double frameRotationDegrees, double frameTranslation, boolean intensityJitter,
                          double endProbability, int frames) {

        public Options {
            Triplet.checkFrameCount(frames);
        }

        public static Options defaults() {
            return new Options(0.5, 0.5, 1.5, 4.0, 32, 0.15, 20, 0.9, 1.1, 0.5, 3, 0.02, true, 0, Triplet.FRAMES);
        }

        /**
         * The same options with {@code n} frames per sample instead of three: the seed and n − 1 slices, each
         * 1..maxJump beyond the previous one in the same direction.
         */
        public Options withFrames(int n) {
            return new Options(secondObjectProbability, reverseProbability, minWindowFactor, maxWindowFactor,
                    minWindowPixels, centreJitter, maxRotationDegrees, minScale, maxScale, flipProbability,
                    frameRotationDegrees, frameTranslation, intensityJitter, endProbability, n);
        }

        public Options withSecondObjectProbability(double p) {
            return new Options(p, reverseProbability, minWindowFactor, maxWindowFactor, minWindowPixels,
                    centreJitter, maxRotationDegrees, minScale, maxScale, flipProbability, frameRotationDegrees,
                    frameTranslation, intensityJitter, endProbability, frames);
        }

        /**
         * The same options where a share {@code p} of the triplets starts near an end of the object and heads out
         * of it: z0 is one of the object's last 2·maxJump usable slices in that direction, so z1 and z2 often lie
         * beyond the object, where the target is empty. Without such triplets the network rarely sees an object
         * end and keeps predicting past it.
         */
        public Options withEndProbability(double p) {
            return new Options(secondObjectProbability, reverseProbability, minWindowFactor, maxWindowFactor,
                    minWindowPixels, centreJitter, maxRotationDegrees, minScale, maxScale, flipProbability,
                    frameRotationDegrees, frameTranslation, intensityJitter, p, frames);
        }

        /**
         * The same options with each frame's own affine (rotation and translation on top of the shared one) scaled
         * by {@code scale}: 0 keeps the frames of a sample registered, as the slices of a volume are; 1 = as is.
         * The random draws stay the same, so the same seed gives the same slices and shared geometry.
         */
        public Options withFrameMotion(double scale) {
            if (!(scale >= 0) || Double.isInfinite(scale)) {
                throw new IllegalArgumentException("frame motion scale must be >= 0, got " + scale);
            }
            return new Options(secondObjectProbability, reverseProbability, minWindowFactor, maxWindowFactor,
                    minWindowPixels, centreJitter, maxRotationDegrees, minScale, maxScale, flipProbability,
                    frameRotationDegrees * scale, frameTranslation * scale, intensityJitter, endProbability, frames);
        }

        /** The same options without any geometric or intensity augmentation (window size and jitter kept). */
        public Options withoutAugmentation() {
            return new Options(secondObjectProbability, reverseProbability, minWindowFactor, maxWindowFactor,
                    minWindowPixels, centreJitter, 0, 1, 1, 0, 0, 0, false, endProbability, frames);
        }
    }

    public TripletSampler(List<TrainingVolume> volumes, int resolution, long seed) {
        this(volumes, resolution, seed, Options.defaults());
    }

    /**
     * @throws IllegalArgumentException if {@code resolution} is not a positive multiple of 16 or no volume has
     *                                  an object on at least one slice and 3 or more slices
     */
    public TripletSampler(List<TrainingVolume> volumes, int resolution, long seed, Options options) {
        if (resolution < 16 || resolution % 16 != 0) {
            throw new IllegalArgumentException("resolution must be a positive multiple of 16, got " + resolution);
        }
        List<TrainingVolume> usable = new ArrayList<>();
        for (TrainingVolume v : volumes) {
            if (v.depth() >= options.frames() && v.usableSliceCount() > 0) usable.add(v);
        }
        if (usable.isEmpty()) {
            throw new IllegalArgumentException("none of the " + volumes.size()
                    + " training volumes has an object and at least " + options.frames() + " slices");
        }
        this.volumes = List.copyOf(usable);
        this.cumulativeWeights = new int[usable.size()];
        int sum = 0;
        for (int i = 0; i < usable.size(); i++) {
            sum += usable.get(i).usableSliceCount();
            cumulativeWeights[i] = sum;
        }
        this.resolution = resolution;
        this.options = options;
        this.random = new SplittableRandom(seed);
    }

    public int resolution() {
        return resolution;
    }

    /** The volumes that can be sampled (those with objects and at least 3 slices). */
    public List<TrainingVolume> volumes() {
        return volumes;
    }

    /** The next triplet, with slice gaps in 1..{@code maxJump}. */
    public Triplet next(int maxJump) {
        if (maxJump < 1) throw new IllegalArgumentException("maxJump must be at least 1, got " + maxJump);
        Triplet t = null;
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            t = draw(maxJump);
            if (!AffineResampler.isEmpty(t.masks()[0])) return t;
        }
        return t;
    }

    /** {@code size} triplets packed as a {@link Batch}. */
    public Batch nextBatch(int size, int maxJump) {
        List<Triplet> list = new ArrayList<>(size);
        for (int i = 0; i < size; i++) list.add(next(maxJump));
        return Batch.of(list);
    }

    private Triplet draw(int maxJump) {
        TrainingVolume volume = pickVolume();
        int[] labels = volume.objectLabels();
        int label = labels[random.nextInt(labels.length)];
        int[] slices = pickSlices(volume, label, maxJump);

        Affine2D window = windowFor(volume.boundingBox(slices[0], label));
        int otherLabel = 0;
        if (random.nextDouble() < options.secondObjectProbability()) {
            int[] candidates = othersInWindow(volume, slices[0], label, window);
            if (candidates.length > 0) otherLabel = candidates[random.nextInt(candidates.length)];
        }

        int frames = slices.length;
        float[][] images = new float[frames][];
        float[][] masks = new float[frames][];
        float[][] others = new float[frames][];
        for (int f = 0; f < frames; f++) {
            int z = slices[f];
            double rotation = Math.toRadians(symmetric(options.frameRotationDegrees()));
            double tx = symmetric(options.frameTranslation());
            double ty = symmetric(options.frameTranslation());
            Affine2D map = window.after(Affine2D.translation(tx, ty).after(Affine2D.rotation(rotation)));
            int w = volume.width();
            int h = volume.height();
            images[f] = AffineResampler.resample(new Plane(volume.image(z), w, h), map, resolution);
            if (options.intensityJitter()) IntensityJitter.DEFAULT.apply(images[f], random);
            masks[f] = AffineResampler.threshold(
                    AffineResampler.resample(new Plane(volume.mask(z, label), w, h), map, resolution));
            others[f] = otherLabel == 0 ? new float[resolution * resolution] : AffineResampler.threshold(
                    AffineResampler.resample(new Plane(volume.mask(z, otherLabel), w, h), map, resolution));
        }
        // the second object may fall outside the window: then there is nothing to tell apart
        if (otherLabel != 0 && AffineResampler.isEmpty(others[0])) {
            otherLabel = 0;
            for (int f = 0; f < frames; f++) others[f] = new float[resolution * resolution];
        }
        return new Triplet(resolution, images, masks, others, otherLabel != 0, volume.name(), volume.axis(),
                label, otherLabel, slices);
    }

    /**
     * The usable objects on slice {@code z} other than {@code label} with a few pixels inside the window's
     * bounding box (like the authors' loader, which picks the second object among those visible in the crop).
     */
    private static int[] othersInWindow(TrainingVolume volume, int z, int label, Affine2D window) {
        double minX = Double.POSITIVE_INFINITY, minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
        for (double cx = -0.5; cx <= 0.5; cx += 1) {
            for (double cy = -0.5; cy <= 0.5; cy += 1) {
                minX = Math.min(minX, window.x(cx, cy));
                maxX = Math.max(maxX, window.x(cx, cy));
                minY = Math.min(minY, window.y(cx, cy));
                maxY = Math.max(maxY, window.y(cx, cy));
            }
        }
        int x0 = Math.max(0, (int) Math.ceil(minX)), x1 = Math.min(volume.width() - 1, (int) Math.floor(maxX));
        int y0 = Math.max(0, (int) Math.ceil(minY)), y1 = Math.min(volume.height() - 1, (int) Math.floor(maxY));
        int[] present = volume.objectsOn(z);
        int[] counts = new int[present.length];
        short[] labels = volume.labels(z);
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                int l = Short.toUnsignedInt(labels[x + y * volume.width()]);
                if (l == 0 || l == label) continue;
                int k = Arrays.binarySearch(present, l);
                if (k >= 0) counts[k]++;
            }
        }
        int needed = Math.max(5, volume.minPixels() / 4);
        return IntStream.range(0, present.length).filter(k -> counts[k] >= needed)
                .map(k -> present[k]).toArray();
    }

    private TrainingVolume pickVolume() {
        int r = random.nextInt(cumulativeWeights[cumulativeWeights.length - 1]);
        for (int i = 0; i < cumulativeWeights.length; i++) {
            if (r < cumulativeWeights[i]) return volumes.get(i);
        }
        throw new AssertionError("weights do not cover " + r);
    }

    /**
     * {z0, z1, …}: z0 a usable slice of {@code label}, then frames − 1 steps of 1..maxJump in one direction
     * ({z0, z1, z2} for triplets).
     */
    private int[] pickSlices(TrainingVolume volume, int label, int maxJump) {
        int steps = options.frames() - 1;
        int direction = random.nextDouble() < options.reverseProbability() ? -1 : 1;
        int depth = volume.depth();
        int[] usable = volume.usableSlices(label);
        if (options.endProbability() > 0 && random.nextDouble() < options.endProbability()) {
            usable = nearEnd(usable, direction, steps * maxJump);
        }
        int[] seeds = seedsWithRoom(usable, direction, depth, steps);
        if (seeds.length == 0) {
            // every usable slice is too close to this end of the volume: go the other way
            direction = -direction;
            seeds = seedsWithRoom(volume.usableSlices(label), direction, depth, steps);
        }
        int[] slices = new int[steps + 1];
        slices[0] = seeds[random.nextInt(seeds.length)];
        int room = direction > 0 ? depth - 1 - slices[0] : slices[0];
        for (int s = 1; s <= steps; s++) {
            int reserved = steps - s; // one slice for every later step
            int gap = 1 + random.nextInt(Math.min(maxJump, room - reserved));
            room -= gap;
            slices[s] = slices[s - 1] + direction * gap;
        }
        return slices;
    }

    /** The usable slices (sorted) within {@code reach} of the last one in {@code direction}. */
    private static int[] nearEnd(int[] usable, int direction, int reach) {
        if (usable.length == 0) return usable;
        int end = direction > 0 ? usable[usable.length - 1] : usable[0];
        return Arrays.stream(usable).filter(z -> Math.abs(end - z) < reach).toArray();
    }

    private static int[] seedsWithRoom(int[] usable, int direction, int depth, int steps) {
        return Arrays.stream(usable).filter(z -> z + steps * direction >= 0 && z + steps * direction < depth)
                .toArray();
    }

    /**
     * The map from normalised window coordinates to slice pixels: shared flip, zoom and rotation, then the
     * square window around the (jittered) bounding-box centre.
     */
    private Affine2D windowFor(int[] box) {
        double boxWidth = box[2] - box[0] + 1;
        double boxHeight = box[3] - box[1] + 1;
        double side = Math.max(options.minWindowPixels(), Math.max(boxWidth, boxHeight)
                * IntensityJitter.uniform(random, options.minWindowFactor(), options.maxWindowFactor()));
        double cx = (box[0] + box[2]) / 2.0 + symmetric(options.centreJitter()) * side;
        double cy = (box[1] + box[3]) / 2.0 + symmetric(options.centreJitter()) * side;
        double rotation = Math.toRadians(symmetric(options.maxRotationDegrees()));
        double zoom = IntensityJitter.uniform(random, options.minScale(), options.maxScale());
        double flip = random.nextDouble() < options.flipProbability() ? -1 : 1;
        Affine2D shared = Affine2D.rotation(rotation).after(Affine2D.scale(flip / zoom, 1 / zoom));
        return Affine2D.translation(cx, cy).after(Affine2D.scale(side, side)).after(shared);
    }

    private double symmetric(double max) {
        return IntensityJitter.uniform(random, -max, max);
    }

    /**
     * Restarts the random stream from {@code seed}. The trainer reseeds before every batch from (seed, iteration),
     * so that a resumed run draws exactly the batches an uninterrupted one would.
     */
    public void reseed(long seed) {
        random = new SplittableRandom(seed);
    }
}
