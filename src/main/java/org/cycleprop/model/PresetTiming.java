package org.cycleprop.model;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Measures the inference cost of one propagation step per preset (not a test): key encoding of the query,
 * memory readout (top-k) and decoding for one object, plus value encoding every {@code memEvery}-th slice,
 * with gradients off, one frame at a time, after warm-up; prints the median over several 5-slice cycles.
 *
 * <p>Usage: {@code OMP_WAIT_POLICY=PASSIVE java … PresetTiming [size] [preset...]}, default
 * {@code 256 small paper}; each preset is also timed at its working size when that is smaller. The memory holds
 * {@value #MEMORY_FRAMES} frames, as after propagating about 45 slices with mem_every 5.
 */
public final class PresetTiming {
    private static final int MEMORY_FRAMES = 10;
    private static final int WARM_UP = 2;
    private static final int CYCLES = 9;

    private PresetTiming() {
    }

    public static void main(String[] args) {
        if (System.getProperty("ai.djl.pytorch.num_threads") == null) {
            System.setProperty("ai.djl.pytorch.num_threads", "2");
        }
        if (System.getProperty("ai.djl.pytorch.num_interop_threads") == null) {
            System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        }
        if (System.getenv("OMP_WAIT_POLICY") == null) {
            System.out.println("note: OMP_WAIT_POLICY is not set; on a busy 2-core machine PASSIVE is much faster");
        }
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 256;
        List<String> names = args.length > 1 ? Arrays.asList(args).subList(1, args.length) : List.of("small", "paper");
        System.out.println("engine " + Engine.getInstance().getEngineName() + " " + Engine.getInstance().getVersion()
                + ", intra-op threads " + System.getProperty("ai.djl.pytorch.num_threads"));
        for (String name : names) {
            Preset preset = Preset.byName(name);
            System.out.println(report(preset, size));
            if (preset.workingSize() < size) System.out.println(report(preset, preset.workingSize()));
        }
    }

    private static String report(Preset preset, int size) {
        try (NDManager manager = NDManager.newBaseManager(); InferenceMode ignored = InferenceMode.enter()) {
            StcnNetwork net = StcnNetwork.create(preset, manager);
            Shape frameShape = new Shape(1, preset.imageChannels(), size, size);
            NDArray memKeys;
            NDArray memValues;
            try (NDManager setup = manager.newSubManager()) {
                NDList keys = new NDList();
                NDList values = new NDList();
                for (int t = 0; t < MEMORY_FRAMES; t++) {
                    NDArray frame = setup.randomUniform(0, 1, frameShape);
                    NDArray mask = setup.randomUniform(0, 1, new Shape(1, 1, size, size)).gt(0.5).toType(
                            ai.djl.ndarray.types.DataType.FLOAT32, false);
                    KeyFeatures k = net.encodeKey(frame, false);
                    keys.add(StcnNetwork.flattenSpatial(k.k16()));
                    values.add(StcnNetwork.flattenSpatial(net.encodeValue(frame, k.f16(), mask, mask.zerosLike(),
                            false)));
                }
                memKeys = NDArrays.concat(keys, 2);
                memValues = NDArrays.concat(values, 2);
                memKeys.attach(manager);
                memValues.attach(manager);
            }
            List<Double> perSlice = new ArrayList<>();
            for (int cycle = 0; cycle < WARM_UP + CYCLES; cycle++) {
                long start = System.nanoTime();
                for (int slice = 0; slice < preset.memEvery(); slice++) {
                    try (NDManager step = manager.newSubManager()) {
                        NDArray frame = step.randomUniform(0, 1, frameShape);
                        KeyFeatures query = net.encodeKey(frame, false);
                        NDArray logits = net.segment(query, memKeys, memValues, preset.topK(), false);
                        logits = net.refine(logits, logits.getNDArrayInternal().sigmoid(), frame, false);
                        NDArray prob = logits.getNDArrayInternal().sigmoid(); // [1, 1, H, W]
                        if (slice == preset.memEvery() - 1) {
                            NDArray value = net.encodeValue(frame, query.f16(), prob, prob.zerosLike(), false);
                            value.toFloatArray(); // waits for the result
                        }
                        prob.toFloatArray();
                    }
                }
                double ms = (System.nanoTime() - start) / 1e6 / preset.memEvery();
                if (cycle >= WARM_UP) perSlice.add(ms);
            }
            perSlice.sort(null);
            return String.format(Locale.ROOT, "%-13s %4dx%-4d %7.1f ms/slice (median of %d cycles; min %.1f, max %.1f;"
                            + " %,d parameters)", preset.name(), size, size, perSlice.get(perSlice.size() / 2), CYCLES,
                    perSlice.get(0), perSlice.get(perSlice.size() - 1), net.trainableParameterCount());
        }
    }
}
