package org.cycleprop.propagation;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import org.cycleprop.model.Devices;
import org.cycleprop.model.LoadedModel;
import org.cycleprop.model.ModelInfo;
import org.cycleprop.model.ModelFile;
import org.cycleprop.model.Preset;
import org.cycleprop.model.StcnNetwork;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A trained model loaded once and kept warm: later propagations with the same file and device reuse the
 * network and its native parameters instead of reading and initialising them again (the Fiji plugin and batch
 * macros call this many times per session). Front ends see only {@link StcnPropagator} as a {@link Propagator}.
 */
public final class WarmModel {
    private static final Map<String, WarmModel> CACHE = new HashMap<>();

    private final Path file;
    private final NDManager manager;
    private final StcnNetwork network;
    private final ModelInfo info;
    private final long modified;

    private WarmModel(Path file, NDManager manager, LoadedModel loaded, long modified) {
        this.file = file;
        this.manager = manager;
        this.network = loaded.network();
        this.info = loaded.info();
        this.modified = modified;
    }

    /** The model in {@code file} on {@code device} (auto, cpu, gpu), loaded on first use or when the file changed. */
    public static synchronized WarmModel get(Path file, String device) {
        Device dev = Devices.choose(device);
        Path abs = file.toAbsolutePath().normalize();
        String key = abs + "@" + dev;
        long modified = abs.toFile().lastModified();
        WarmModel cached = CACHE.get(key);
        if (cached != null && cached.modified == modified) return cached;
        if (cached != null) cached.manager.close();
        NDManager manager = NDManager.newBaseManager(dev);
        try {
            WarmModel loaded = new WarmModel(abs, manager, ModelFile.load(abs, manager), modified);
            CACHE.put(key, loaded);
            return loaded;
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    public Preset preset() {
        return network.preset();
    }

    public Path file() {
        return file;
    }

    /**
     * A propagator with the preset's top-k and memory interval, the model's own locality prior when the options
     * ask for it ({@link PropagationOptions#MODEL_LOCALITY}), and the rest of {@code options}.
     */
    public StcnPropagator propagator(PropagationOptions options) {
        Preset p = network.preset();
        PropagationOptions o = options.withTopK(p.topK()).withMemory(p.memEvery(), options.includeLast(),
                options.maxPeriodicFrames());
        if (o.localitySigma() == PropagationOptions.MODEL_LOCALITY) o = o.withLocality(info.defaultLocality());
        return new StcnPropagator(network, manager, o, "model:" + file.getFileName());
    }
}
