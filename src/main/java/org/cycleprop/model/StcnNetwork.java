package org.cycleprop.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The STCN network (Cheng et al. 2021) built from a {@link Preset}, and the calls propagation and training
 * make on it. Frame sizes H, W must be multiples of 16; h = H/16, w = W/16.
 *
 * <p>Children: key encoder (trunk → f16, f8, f4), key projection (f16 → k16), key compression
 * (f16 → f16_thin), value encoder (frame + masks + f16 → v16), decoder (readout ⊕ f16_thin, f8, f4 → logits),
 * and, when the preset asks for one, a full-resolution refiner (logits, previous slice's mask, frame → logits).
 * The memory read and the soft aggregation have no parameters ({@link MemoryReadout}, {@link SoftAggregation}).
 *
 * <p>As a block (for DJL's generic machinery) it runs one single-object propagation step: inputs
 * (memoryFrame [B, C, H, W], memoryMask [B, 1, H, W], memoryOthers [B, 1, H, W], queryFrame [B, C, H, W]),
 * output query logits [B, 1, H, W]; all memory entries are used while training, the preset's top-k otherwise.
 *
 * <p>The methods taking {@code training} use the parameters directly on the device of their input; run
 * inference inside {@link InferenceMode} and training inside a GradientCollector. As everywhere in DJL, results
 * and temporaries belong to the manager of the first input array (the frame, the readout, the query key), so
 * per-slice inputs should come from a per-slice sub-manager; memory-bank arrays passed to {@link #readout} are
 * never given new arrays.
 */
public final class StcnNetwork extends AbstractBlock {
    private final Preset preset;
    private final KeyEncoder keyEncoder;
    private final KeyProjection keyProjection;
    private final Block keyCompression;
    private final ValueEncoder valueEncoder;
    private final Decoder decoder;
    private final MaskRefiner refiner; // null when the preset has none: old parameter files keep their layout

    /** An uninitialised network; see {@link #create}. */
    public StcnNetwork(Preset preset) {
        this.preset = preset;
        keyEncoder = addChildBlock("keyEncoder", new KeyEncoder(preset));
        keyProjection = addChildBlock("keyProjection", new KeyProjection(preset.keyChannels()));
        keyCompression = addChildBlock("keyCompression", Layers.conv(preset.f16ThinChannels(), 3, 1, true));
        valueEncoder = addChildBlock("valueEncoder", new ValueEncoder(preset));
        decoder = addChildBlock("decoder", new Decoder(preset.readoutChannels(), preset.decoderWidths()));
        refiner = preset.hasRefiner() ? addChildBlock("refiner", new MaskRefiner(preset.refinerWidth())) : null;
    }

    /** A network with freshly initialised parameters (arrays owned by {@code manager}, on its device). */
    public static StcnNetwork create(Preset preset, NDManager manager) {
        StcnNetwork network = new StcnNetwork(preset);
        network.initialize(manager, DataType.FLOAT32, network.blockInputShapes(1, preset.workingSize(),
                preset.workingSize()));
        if (network.refiner != null) network.refiner.startAsIdentity();
        return network;
    }

    /** The refiner, or null when the preset has none. */
    MaskRefiner refiner() {
        return refiner;
    }

    public Preset preset() {
        return preset;
    }

    /** Input shapes of {@link #forward} for a batch of {@code batch} frames of height × width. */
    public Shape[] blockInputShapes(long batch, long height, long width) {
        Shape frame = new Shape(batch, preset.imageChannels(), height, width);
        Shape mask = new Shape(batch, 1, height, width);
        return new Shape[] {frame, mask, mask, frame};
    }

    /** Number of trainable values (PyTorch's {@code sum(p.numel())}); batch-norm running statistics excluded. */
    public long trainableParameterCount() {
        long count = 0;
        for (Parameter p : getParameters().values()) {
            if (p.requiresGradient()) count += p.getShape().size();
        }
        return count;
    }

    /** Key features of frames [B, imageChannels, H, W]; see {@link KeyFeatures} for the shapes. */
    public KeyFeatures encodeKey(NDArray frames, boolean training) {
        return encodeKey(store(frames), frames, training);
    }

    /**
     * Memory values v16 [K, valueChannels, h, w] of one frame for K objects: frame [1 or K, imageChannels, H, W],
     * keyF16 [1 or K, C16, h, w] (the frame's {@link KeyFeatures#f16()}), masks [K, 1, H, W] (probability of
     * each object), others [K, 1, H, W] (probability of any other object, see {@link #others}).
     */
    public NDArray encodeValue(NDArray frame, NDArray keyF16, NDArray masks, NDArray others, boolean training) {
        return encodeValue(store(frame), frame, keyF16, masks, others, training);
    }

    /**
     * Memory readout ⊕ f16_thin [K, valueChannels + f16ThinChannels, h, w] of a query: memKeys [B, keyChannels, N],
     * memValues [K, valueChannels, N] (N = T·h·w: the k16 / v16 of T memory frames flattened and concatenated
     * along the last axis in the same order), queryKey [B, keyChannels, h, w], qf16Thin [B, f16ThinChannels, h, w],
     * B = 1 or K; {@code topK} = 0 uses all entries.
     */
    public NDArray readout(NDArray memKeys, NDArray memValues, NDArray queryKey, NDArray qf16Thin, int topK) {
        return MemoryReadout.readout(memKeys, memValues, queryKey, qf16Thin, topK);
    }

    /**
     * Logits [K, 1, H, W] from a readout [K, readoutChannels, h, w] and the query's skips f8 [1 or K, C8, H/8, W/8],
     * f4 [1 or K, C4, H/4, W/4]. sigmoid(logits) is each object's probability before aggregation.
     */
    public NDArray decode(NDArray readoutConcat, NDArray f8, NDArray f4, boolean training) {
        return decode(store(readoutConcat), readoutConcat, f8, f4, training);
    }

    /** Readout then decode: logits [K, 1, H, W] of a query for the K objects whose values are in the memory. */
    public NDArray segment(KeyFeatures query, NDArray memKeys, NDArray memValues, int topK, boolean training) {
        return segment(query, memKeys, memValues, topK, null, training);
    }

    /** {@link #segment(KeyFeatures, NDArray, NDArray, int, boolean)} with a {@link LocalityPrior} (null = none). */
    public NDArray segment(KeyFeatures query, NDArray memKeys, NDArray memValues, int topK, LocalityPrior locality,
                           boolean training) {
        NDArray readout = MemoryReadout.readout(memKeys, memValues, query.k16(), query.f16Thin(), topK, locality);
        return decode(readout, query.f8(), query.f4(), training);
    }

    /** Whether {@link #refine} changes logits (the preset has a {@link MaskRefiner}). */
    public boolean hasRefiner() {
        return refiner != null;
    }

    /**
     * Logits [K, 1, H, W] corrected at full resolution by the {@link MaskRefiner} from the previous slice's object
     * probabilities [K, 1, H, W] (the seed's masks next to the seed) and the frame [1 or K, C, H, W]; the logits
     * themselves when the preset has no refiner.
     */
    public NDArray refine(NDArray logits, NDArray previous, NDArray frame, boolean training) {
        if (refiner == null) return logits;
        long objects = logits.getShape().get(0);
        NDList inputs = new NDList(logits, toBatch(previous, objects), toBatch(frame, objects));
        return refiner.forward(store(logits), inputs, training).singletonOrThrow();
    }

    /** Soft aggregation: object probabilities [K, 1, H, W] → [K+1, 1, H, W], background first, summing to 1. */
    public static NDArray aggregate(NDArray probs) {
        return SoftAggregation.aggregate(probs);
    }

    /** For each of K object masks [K, 1, H, W] the sum of the other K−1 masks (zeros when K = 1). */
    public static NDArray others(NDArray masks) {
        return masks.sum(new int[] {0}, true).sub(masks);
    }

    /** Flattens k16 [B, C, h, w] or v16 into memory entries [B, C, h·w]. */
    public static NDArray flattenSpatial(NDArray x) {
        Shape s = x.getShape();
        return x.reshape(s.get(0), s.get(1), s.get(2) * s.get(3));
    }

    private static ParameterStore store(NDArray x) {
        // a fresh store per call: DJL's store caches parameter arrays, which loading replaces
        return new ParameterStore(x.getManager(), false);
    }

    private KeyFeatures encodeKey(ParameterStore ps, NDArray frames, boolean training) {
        Shape s = frames.getShape();
        if (s.dimension() != 4 || s.get(1) != preset.imageChannels() || s.get(2) % 16 != 0 || s.get(3) % 16 != 0) {
            throw new IllegalArgumentException("frames must be [B, " + preset.imageChannels()
                    + ", H, W] with H and W multiples of 16, got " + s);
        }
        NDList f = keyEncoder.forward(ps, new NDList(frames), training); // f16, f8, f4
        NDArray f16 = f.get(0);
        NDArray k16 = keyProjection.forward(ps, new NDList(f16), training).singletonOrThrow();
        NDArray f16Thin = keyCompression.forward(ps, new NDList(f16), training).singletonOrThrow();
        return new KeyFeatures(k16, f16Thin, f16, f.get(1), f.get(2));
    }

    private NDArray encodeValue(ParameterStore ps, NDArray frame, NDArray keyF16, NDArray masks, NDArray others,
            boolean training) {
        long objects = masks.getShape().get(0);
        NDList inputs = new NDList(toBatch(frame, objects), toBatch(keyF16, objects), masks, others);
        return valueEncoder.forward(ps, inputs, training).singletonOrThrow();
    }

    private NDArray decode(ParameterStore ps, NDArray readoutConcat, NDArray f8, NDArray f4, boolean training) {
        long objects = readoutConcat.getShape().get(0);
        NDList inputs = new NDList(readoutConcat, toBatch(f8, objects), toBatch(f4, objects));
        return decoder.forward(ps, inputs, training).singletonOrThrow();
    }

    /** x [1, ...] repeated to [n, ...]; x unchanged if it already has n entries. */
    private static NDArray toBatch(NDArray x, long n) {
        Shape s = x.getShape();
        if (s.get(0) == n) return x;
        if (s.get(0) != 1) throw new IllegalArgumentException("batch " + s.get(0) + " does not match " + n + " objects");
        long[] dims = s.getShape().clone();
        dims[0] = n;
        return x.broadcast(new Shape(dims));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray memoryFrame = inputs.get(0);
        KeyFeatures memory = encodeKey(ps, memoryFrame, training);
        NDArray value = encodeValue(ps, memoryFrame, memory.f16(), inputs.get(1), inputs.get(2), training);
        KeyFeatures query = encodeKey(ps, inputs.get(3), training);
        NDArray readout = MemoryReadout.readout(flattenSpatial(memory.k16()), flattenSpatial(value), query.k16(),
                query.f16Thin(), training ? 0 : preset.topK());
        NDArray logits = decode(ps, readout, query.f8(), query.f4(), training);
        if (refiner != null) { // the memory frame stands for the previous slice
            logits = refiner.forward(ps, new NDList(logits, inputs.get(1), inputs.get(3)), training).singletonOrThrow();
        }
        return new NDList(logits);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape query = inputShapes[3];
        return new Shape[] {new Shape(query.get(0), 1, query.get(2), query.get(3))};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape frame = inputShapes[0];
        keyEncoder.initialize(manager, dataType, frame);
        Shape[] f = keyEncoder.getOutputShapes(new Shape[] {frame}); // f16, f8, f4
        keyProjection.initialize(manager, dataType, f[0]);
        Shape thin = Layers.initialize(keyCompression, manager, dataType, f[0]);
        Shape mask = inputShapes[1];
        Shape value = Layers.initialize(valueEncoder, manager, dataType, frame, f[0], mask, mask);
        Shape readout = Layers.withChannels(value, value.get(1) + thin.get(1));
        decoder.initialize(manager, dataType, readout, f[1], f[2]);
        if (refiner != null) {
            Shape logits = decoder.getOutputShapes(new Shape[] {readout, f[1], f[2]})[0];
            refiner.initialize(manager, dataType, logits, mask, frame);
        }
    }
}
