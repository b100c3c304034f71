package org.cycleprop.propagation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Activation;
import org.cycleprop.model.FrameInput;
import org.cycleprop.model.InferenceMode;
import org.cycleprop.model.IntraOpThreads;
import org.cycleprop.model.KeyFeatures;
import org.cycleprop.model.LocalityPrior;
import org.cycleprop.model.StcnNetwork;
import org.cycleprop.util.Progress;
import org.cycleprop.volume.LabelStack;
import org.cycleprop.volume.SliceStack;

import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * Propagation with the STCN memory network (the inference core). For each run of the
 * {@link PropagationPlan} it memorises the seed, then walks slice by slice: encode the slice's key once,
 * read the memory, decode, aggregate the objects, and memorise the slice (every {@code memEvery}-th
 * permanently, the last one temporarily). Between two seeds the runs from both sides are blended by
 * distance. Every native array lives in a per-run or per-slice {@link NDManager} scope that is closed when
 * the run or slice ends, so native memory stays flat however many volumes are propagated.
 */
public final class StcnPropagator implements Propagator {
    private final StcnNetwork network;
    private final NDManager modelManager;
    private final PropagationOptions options;
    private final String name;
    private float[][][] lastProbabilities;
    private boolean keepProbabilities;
    private PhaseTimes phases;

    /** @param modelManager the manager holding the network's parameters (fixes the device) */
    public StcnPropagator(StcnNetwork network, NDManager modelManager, PropagationOptions options, String name) {
        this.network = network;
        this.modelManager = modelManager;
        this.options = options;
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    public PropagationOptions options() {
        return options;
    }

    /** A propagator that also keeps per-object probability volumes, see {@link #lastProbabilities()}. */
    public StcnPropagator keepingProbabilities() {
        StcnPropagator p = new StcnPropagator(network, modelManager, options, name);
        p.keepProbabilities = true;
        return p;
    }

    /** A propagator that charges the time of each step's phases to {@code times} (for the speed command). */
    public StcnPropagator profiledInto(PhaseTimes times) {
        StcnPropagator p = new StcnPropagator(network, modelManager, options, name);
        p.keepProbabilities = keepProbabilities;
        p.phases = times;
        return p;
    }

    /** Per-object probabilities [object][slice][pixel] of the last propagation, when kept. */
    public float[][][] lastProbabilities() {
        return lastProbabilities;
    }

    @Override
    public LabelStack propagate(SliceStack image, Seeds seeds, Progress progress) {
        SeedCheck.check(image, seeds);
        if (options.windowed() && options.windowParts() != WindowParts.ONE) {
            List<SeedParts.Part> parts = SeedParts.split(seeds, options.windowParts(), options.windowMargin(),
                    options.minWindow());
            if (parts.size() > 1) return propagateParts(image, seeds, parts, progress);
        }
        int[] range = sliceRange(image);
        int first = range[0];
        int last = range[1];
        PropagationPlan plan = new PropagationPlan(new TreeSet<>(seeds.slices().keySet()), first, last);
        LabelStack labels = new LabelStack(image.width(), image.height(), image.depth());
        ProbabilityBlender blender = new ProbabilityBlender(labels, seeds.objectCount(), keepProbabilities);
        seeds.slices().forEach((z, s) -> {
            if (z >= first && z <= last) blender.setSeed(z, s);
        });
        SliceSource slices = new SliceSource(image, IntensityNormaliser.fit(image));
        int total = plan.totalSteps();
        int[] done = {0};
        IntraOpThreads.use(IntraOpThreads.forInference(network.preset()));
        try (InferenceMode ignored = InferenceMode.enter()) {
            for (PropagationPlan.Run run : plan.runs()) {
                propagateRun(run, plan, seeds, slices, blender, progress, done, total);
            }
        }
        progress.update(total, total, "done");
        lastProbabilities = blender.probabilities();
        return labels;
    }

    /** The slices to fill, first and last inclusive: the options' range within the stack. */
    private int[] sliceRange(SliceStack image) {
        int first = options.firstSlice() < 0 ? 0 : options.firstSlice();
        int last = options.lastSlice() < 0 ? image.depth() - 1 : Math.min(options.lastSlice(), image.depth() - 1);
        return new int[] {first, last};
    }

    /**
     * Propagates each part in its own window and merges them: an object's probability is the largest of its
     * parts'; a pixel gets the most probable object when that probability is above one half. Seed slices keep
     * their seeds.
     */
    private LabelStack propagateParts(SliceStack image, Seeds seeds, List<SeedParts.Part> parts, Progress progress) {
        StcnPropagator single = new StcnPropagator(network, modelManager, options.withWindowParts(WindowParts.ONE), name);
        single.keepProbabilities = true;
        single.phases = phases;
        int depth = image.depth();
        int pixels = image.width() * image.height();
        float[][][] best = new float[seeds.objectCount()][depth][];
        for (int i = 0; i < parts.size(); i++) {
            long offset = i;
            long count = parts.size();
            single.propagate(image, parts.get(i).seeds(), new Progress() {
                @Override
                public void update(long done, long total, String message) {
                    progress.update(offset * total + done, count * total, "part " + (offset + 1) + "/" + count
                            + (message == null ? "" : ", " + message));
                }

                @Override
                public boolean isCancelled() {
                    return progress.isCancelled();
                }
            });
            float[][] p = single.lastProbabilities()[0];
            float[][] acc = best[parts.get(i).object() - 1];
            for (int z = 0; z < depth; z++) {
                if (p[z] == null) continue;
                if (acc[z] == null) acc[z] = p[z].clone();
                else for (int j = 0; j < pixels; j++) acc[z][j] = Math.max(acc[z][j], p[z][j]);
            }
        }
        // the blender's argmax over [1 - max, P_1..P_K] labels a pixel with the likeliest object above one half
        int[] range = sliceRange(image);
        LabelStack labels = new LabelStack(image.width(), image.height(), depth);
        ProbabilityBlender blender = new ProbabilityBlender(labels, best.length, keepProbabilities);
        for (int z = range[0]; z <= range[1]; z++) {
            short[] seed = seeds.slices().get(z);
            if (seed != null) {
                blender.setSeed(z, seed);
                continue;
            }
            float[][] channels = new float[best.length + 1][];
            float[] background = new float[pixels];
            Arrays.fill(background, 1f);
            boolean any = false;
            for (int o = 0; o < best.length; o++) {
                channels[o + 1] = best[o][z] != null ? best[o][z] : new float[pixels];
                any |= best[o][z] != null;
                for (int j = 0; j < pixels; j++) background[j] = Math.min(background[j], 1 - channels[o + 1][j]);
            }
            channels[0] = background;
            if (any) blender.add(z, channels, 1);
        }
        lastProbabilities = blender.probabilities();
        return labels;
    }

    private void propagateRun(PropagationPlan.Run run, PropagationPlan plan, Seeds seeds, SliceSource slices,
                              ProbabilityBlender blender, Progress progress, int[] done, int total) {
        int w = slices.width();
        int h = slices.height();
        int r = options.workingSize() > 0 ? options.workingSize() : network.preset().workingSize();
        int channels = network.preset().imageChannels();
        int objects = seeds.objectCount();
        short[] seed = seeds.slices().get(run.seed());
        try (NDManager runManager = modelManager.newSubManager();
             MemoryBank memory = new MemoryBank(runManager, options.maxPeriodicFrames())) {
            WindowTracker tracker = new WindowTracker(options, w, h, anyObject(seed));
            Window window = tracker.current();
            try (NDManager step = runManager.newSubManager()) {
                NDArray frame = FrameInput.frames(step, WindowResampler.crop(slices.get(run.seed()), w, h, window, r),
                        1, r, channels);
                NDArray masks = FrameInput.masks(step, cropObjects(seedObjects(seed, objects), w, h, window, r), objects, r);
                KeyFeatures key = network.encodeKey(frame, false);
                NDArray value = network.encodeValue(frame, key.f16(), masks, StcnNetwork.others(masks), false);
                memory.addPermanent(run.seed(), key.k16(), value, window);
            }
            // each object's probability on the slice before, for the refiner (in slice pixels: the window moves)
            float[][] previous = network.hasRefiner() ? seedObjects(seed, objects) : null;
            ObjectEnds ends = new ObjectEnds(options.endBelow(), seed, objects);
            int sinceMemory = 0;
            // when nobody profiles, the marks go to a throw-away sink (a few nanoseconds each)
            PhaseTimes t = phases != null ? phases : new PhaseTimes();
            for (int z = run.seed() + run.step(); run.step() > 0 ? z <= run.last() : z >= run.last(); z += run.step()) {
                progress.checkCancelled();
                double lowerWeight = plan.weightOfLowerSeed(z);
                double weight = run.step() > 0 ? lowerWeight : 1 - lowerWeight;
                if (ends.allEnded()) { // nothing left to follow: background to the end of the run, no network
                    blender.add(z, background(objects, w * h), weight);
                    progress.update(++done[0], total, "slice " + z);
                    continue;
                }
                try (NDManager step = runManager.newSubManager()) {
                    t.start();
                    NDArray frame = FrameInput.frames(step, WindowResampler.crop(slices.get(z), w, h, window, r), 1, r,
                            channels);
                    t.mark("crop");
                    KeyFeatures key = network.encodeKey(frame, false);
                    t.mark("key encoder");
                    NDArray logits = network.segment(key, memory.keys(), memory.values(), options.topK(),
                            locality(memory, window, (int) key.k16().getShape().get(3)), false);
                    if (previous != null) {
                        logits = network.refine(logits, FrameInput.masks(step, cropObjects(previous, w, h, window, r),
                                objects, r), frame, false);
                    }
                    t.mark("readout+decoder");
                    NDArray aggregated = StcnNetwork.aggregate(Activation.sigmoid(logits)); // [K+1,1,r,r]
                    float[] flat = aggregated.toFloatArray();
                    t.mark("aggregate");
                    float[][] probabilities = new float[objects + 1][];
                    for (int c = 0; c <= objects; c++) {
                        float[] channel = new float[r * r];
                        System.arraycopy(flat, c * r * r, channel, 0, r * r);
                        probabilities[c] = WindowResampler.paste(channel, r, window, w, h, c == 0 ? 1f : 0f);
                    }
                    ends.apply(probabilities);
                    blender.add(z, probabilities, weight);
                    if (previous != null) previous = Arrays.copyOfRange(probabilities, 1, objects + 1);
                    t.mark("paste+blend");

                    sinceMemory++;
                    boolean periodic = sinceMemory % options.memEvery() == 0;
                    if (periodic || options.includeLast()) {
                        NDArray objectProbabilities = aggregated.get("1:");
                        NDArray value = network.encodeValue(frame, key.f16(), objectProbabilities,
                                StcnNetwork.others(objectProbabilities), false);
                        if (periodic) memory.addPeriodic(z, key.k16(), value, window);
                        else memory.setTemporary(z, key.k16(), value, window);
                    }
                    t.mark("value encoder");
                    tracker.move(foreground(probabilities));
                    window = tracker.current();
                    t.mark("window");
                }
                progress.update(++done[0], total, "slice " + z);
            }
        }
    }

    /**
     * The options' locality prior for a query seen through {@code query}, each memory frame placed through its own
     * window (the window follows the object, so equal grid cells of two slices are not always the same place);
     * null when the options have none.
     */
    private LocalityPrior locality(MemoryBank memory, Window query, int cells) {
        if (!(options.localitySigma() > 0)) return null;
        List<LocalityPrior.Placement> placements = new java.util.ArrayList<>();
        for (Window m : memory.windows()) {
            placements.add(LocalityPrior.Placement.between(m.x0(), m.y0(), m.size(), query.x0(), query.y0(), query.size(),
                    cells));
        }
        return new LocalityPrior(options.localitySigma(), placements);
    }

    /** Probabilities of a slice where every object has ended: background 1, objects 0. */
    private static float[][] background(int objects, int pixels) {
        float[][] p = new float[objects + 1][pixels];
        Arrays.fill(p[0], 1f);
        return p;
    }

    private static boolean[] anyObject(short[] labels) {
        boolean[] m = new boolean[labels.length];
        for (int i = 0; i < m.length; i++) m[i] = labels[i] != 0;
        return m;
    }

    /** Pixels where some object is more likely than the background. */
    private static boolean[] foreground(float[][] probabilities) {
        boolean[] m = new boolean[probabilities[0].length];
        for (int i = 0; i < m.length; i++) {
            for (int c = 1; c < probabilities.length; c++) {
                if (probabilities[c][i] > probabilities[0][i]) {
                    m[i] = true;
                    break;
                }
            }
        }
        return m;
    }

    /** Object masks [K][w·h] of a seed label slice: 1 where the slice has label o + 1. */
    private static float[][] seedObjects(short[] seed, int objects) {
        float[][] out = new float[objects][seed.length];
        for (int i = 0; i < seed.length; i++) {
            int label = Short.toUnsignedInt(seed[i]);
            if (label >= 1 && label <= objects) out[label - 1][i] = 1f;
        }
        return out;
    }

    /** Per-object maps [K][w·h] of a slice cut to the window: K·r·r values, object after object. */
    private static float[] cropObjects(float[][] maps, int w, int h, Window window, int r) {
        float[] out = new float[maps.length * r * r];
        for (int o = 0; o < maps.length; o++) {
            System.arraycopy(WindowResampler.crop(maps[o], w, h, window, r), 0, out, o * r * r, r * r);
        }
        return out;
    }

    /**
     * Normalised slices, made when a step needs them. Not cached: a slice is visited by one or two runs, and
     * normalising it again costs far less than a step, while a cache of a CT-sized volume would double its memory.
     */
    private static final class SliceSource {
        private final SliceStack stack;
        private final IntensityNormaliser normaliser;

        SliceSource(SliceStack stack, IntensityNormaliser normaliser) {
            this.stack = stack;
            this.normaliser = normaliser;
        }

        float[] get(int z) {
            return normaliser.apply(stack.floats(z));
        }

        int width() {
            return stack.width();
        }

        int height() {
            return stack.height();
        }
    }
}
