package org.cycleprop.model;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.ToNumberPolicy;
import org.cycleprop.util.UserException;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Trained networks on disk: {@code NAME.params} holds DJL's parameter stream of an {@link StcnNetwork},
 * {@code NAME.json} its {@link ModelInfo} (preset, recipes, scores, SHA-256 of the params file). A model is
 * named by either file or by the common path without extension.
 */
public final class ModelFile {
    public static final String PARAMS_EXTENSION = ".params";
    public static final String JSON_EXTENSION = ".json";

    private static final Gson GSON = new GsonBuilder()
            .setPrettyPrinting()
            .disableHtmlEscaping()
            .setObjectToNumberStrategy(ToNumberPolicy.LONG_OR_DOUBLE)
            .create();

    private ModelFile() {
    }

    /** {@code dir/NAME} for {@code dir/NAME}, {@code dir/NAME.json} or {@code dir/NAME.params}. */
    public static Path base(Path file) {
        String name = file.getFileName().toString();
        for (String ext : new String[] {JSON_EXTENSION, PARAMS_EXTENSION}) {
            if (name.endsWith(ext) && name.length() > ext.length()) {
                return file.resolveSibling(name.substring(0, name.length() - ext.length()));
            }
        }
        return file;
    }

    public static Path jsonPath(Path file) {
        Path base = base(file);
        return base.resolveSibling(base.getFileName() + JSON_EXTENSION);
    }

    public static Path paramsPath(Path file) {
        Path base = base(file);
        return base.resolveSibling(base.getFileName() + PARAMS_EXTENSION);
    }

    /**
     * Writes the network's parameters and description; refuses to replace existing files unless {@code force}.
     * Both files are written to temporary files in the target folder and then moved into place.
     *
     * @return the description as written (with file name, SHA-256 and parameter count)
     */
    public static ModelInfo save(Path file, StcnNetwork network, ModelInfo info, boolean force) {
        Path params = paramsPath(file);
        Path json = jsonPath(file);
        if (!info.preset().equals(network.preset())) {
            throw new IllegalArgumentException("the description's preset " + info.presetName()
                    + " is not the network's preset " + network.preset().name());
        }
        if (!force) {
            for (Path p : new Path[] {params, json}) {
                if (Files.exists(p)) throw new UserException(p + " already exists; refusing to overwrite it without force");
            }
        }
        Path folder = params.toAbsolutePath().getParent();
        Path paramsTemp = null;
        Path jsonTemp = null;
        try {
            Files.createDirectories(folder);
            paramsTemp = Files.createTempFile(folder, "." + params.getFileName(), ".tmp");
            MessageDigest digest = sha256();
            try (OutputStream out = Files.newOutputStream(paramsTemp);
                 DataOutputStream data = new DataOutputStream(new BufferedOutputStream(new DigestOutputStream(out,
                         digest)))) {
                network.saveParameters(data);
            }
            ModelInfo written = info.withFile(params.getFileName().toString(),
                    HexFormat.of().formatHex(digest.digest()), network.trainableParameterCount());
            jsonTemp = Files.createTempFile(folder, "." + json.getFileName(), ".tmp");
            Files.writeString(jsonTemp, GSON.toJson(written) + "\n", StandardCharsets.UTF_8);
            move(paramsTemp, params);
            paramsTemp = null;
            move(jsonTemp, json);
            jsonTemp = null;
            return written;
        } catch (IOException e) {
            throw new UserException("cannot write model " + json + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(paramsTemp);
            deleteQuietly(jsonTemp);
        }
    }

    /** Reads the description {@code NAME.json} only. */
    public static ModelInfo readInfo(Path file) {
        Path json = jsonPath(file);
        if (!Files.isRegularFile(json)) throw new UserException("model description " + json + " not found");
        ModelInfo info;
        try {
            info = GSON.fromJson(Files.readString(json, StandardCharsets.UTF_8), ModelInfo.class);
        } catch (IOException e) {
            throw new UserException("cannot read " + json + ": " + e.getMessage(), e);
        } catch (RuntimeException e) { // malformed JSON, or a preset the record constructors reject
            throw new UserException(json + " is not a CycleProp model description: " + e.getMessage(), e);
        }
        if (info == null || !ModelInfo.FORMAT.equals(info.format()) || info.preset() == null
                || info.paramsFile() == null || info.paramsSha256() == null) {
            throw new UserException(json + " is not a CycleProp model description (format " + ModelInfo.FORMAT
                    + " with preset, paramsFile and paramsSha256 expected)");
        }
        return info;
    }

    /** Loads a model with the architecture its description names. */
    public static LoadedModel load(Path file, NDManager manager) {
        return load(file, null, manager);
    }

    /**
     * Loads a model, checking that its description, weights and (if not null) {@code expected} preset agree.
     * Parameter arrays are created by {@code manager} on its device.
     */
    public static LoadedModel load(Path file, Preset expected, NDManager manager) {
        Path json = jsonPath(file);
        ModelInfo info = readInfo(json);
        Preset preset = info.preset();
        if (expected != null && !expected.equals(preset)) {
            throw new UserException(json + " describes preset '" + preset.name() + "', not the requested preset '"
                    + expected.name() + "' (" + preset.firstDifference(expected) + ")");
        }
        Path params = json.resolveSibling(info.paramsFile());
        if (!Files.isRegularFile(params)) throw new UserException("model weights " + params + " not found");
        String sha = sha256Of(params);
        if (!sha.equalsIgnoreCase(info.paramsSha256())) {
            throw new UserException(params + " is corrupt or truncated: SHA-256 differs from the one recorded in "
                    + json.getFileName());
        }
        StcnNetwork network = new StcnNetwork(preset);
        Shape[] inputShapes = network.blockInputShapes(1, preset.workingSize(), preset.workingSize());
        network.initialize(manager, DataType.FLOAT32, inputShapes);
        Map<String, Shape> architecture = new LinkedHashMap<>();
        for (Pair<String, Parameter> p : network.getParameters()) architecture.put(p.getKey(), p.getValue().getShape());
        network.clear(); // frees the random initial values; loading replaces them
        try (InputStream in = Files.newInputStream(params);
             DataInputStream data = new DataInputStream(new BufferedInputStream(in))) {
            network.loadParameters(manager, data);
            if (data.read() != -1) throw new MalformedModelException("unexpected data after the last parameter");
        } catch (IOException | MalformedModelException | RuntimeException e) {
            network.clear();
            throw new UserException(params + " does not fit preset '" + preset.name() + "': " + e.getMessage(), e);
        }
        for (Pair<String, Parameter> p : network.getParameters()) {
            Shape stored = p.getValue().getShape();
            Shape wanted = architecture.get(p.getKey());
            if (!stored.equals(wanted)) {
                network.clear();
                throw new UserException(params + " does not fit preset '" + preset.name() + "': parameter "
                        + p.getKey() + " has shape " + stored + " in the file but " + wanted + " in the architecture");
            }
        }
        network.initialize(manager, DataType.FLOAT32, inputShapes); // marks the loaded arrays as trainable
        return new LoadedModel(network, info);
    }

    /**
     * Loads a model to start training a network of {@code preset} from it: the model itself when it has that
     * preset; when {@code preset} is the model's preset plus a {@link MaskRefiner}, a new network with the model's
     * weights in every other block and a refiner that starts as the identity (so it predicts what the model did).
     */
    public static StcnNetwork loadGrown(Path file, Preset preset, NDManager manager) {
        Preset stored = readInfo(file).preset();
        if (!stored.growsInto(preset)) return load(file, preset, manager).network();
        StcnNetwork old = load(file, stored, manager).network();
        StcnNetwork grown = StcnNetwork.create(preset, manager);
        PairList<String, Parameter> from = old.getParameters();
        try (InferenceMode ignored = InferenceMode.enter()) {
            int copied = 0;
            for (Pair<String, Parameter> p : grown.getParameters()) {
                Parameter source = from.get(p.getKey());
                if (source == null) continue; // the refiner's
                source.getArray().copyTo(p.getValue().getArray());
                copied++;
            }
            if (copied != from.size()) {
                throw new IllegalStateException("grown network lacks " + (from.size() - copied) + " of the model's parameters");
            }
        } finally {
            old.clear();
        }
        return grown;
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path p) {
        if (p == null) return;
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a stale temporary file is harmless; the real error is reported by the caller
        }
    }

    private static String sha256Of(Path file) {
        MessageDigest digest = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UserException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM lacks SHA-256", e);
        }
    }
}
