package org.cycleprop.model;

import org.cycleprop.util.UserException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The default model shipped inside the CycleProp jar (resources under {@value #FOLDER}: a {@code DEFAULT} file
 * naming it, and its {@code NAME.json} + {@code NAME.params}), so that the Fiji plugin works after one copy of
 * {@code target/fiji} without the user choosing a model file. The build copies the model that
 * {@code models/DEFAULT} names; a test checks the two agree.
 * <p>
 * The files are extracted once per session into a temporary folder (DJL loads parameters from a file);
 * {@link ModelFile} checks their SHA-256 on load like any other model.
 */
public final class BundledModel {
    /** Resource folder of the bundled model. */
    public static final String FOLDER = "/org/cycleprop/default-model/";

    private static Path extracted;

    private BundledModel() {
    }

    /** The bundled model's name (e.g. {@code ft-cycle-s1}), or null if this jar carries none. */
    public static String name() {
        try (InputStream in = BundledModel.class.getResourceAsStream(FOLDER + "DEFAULT")) {
            if (in == null) return null;
            String name = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            if (name.endsWith(".json")) name = name.substring(0, name.length() - ".json".length());
            return name.isEmpty() ? null : name;
        } catch (IOException e) {
            return null;
        }
    }

    /** True if this jar carries a default model. */
    public static boolean available() {
        String name = name();
        return name != null && BundledModel.class.getResource(FOLDER + name + ".json") != null
                && BundledModel.class.getResource(FOLDER + name + ".params") != null;
    }

    /**
     * The bundled model's {@code NAME.json} on disk, extracted on first use.
     *
     * @throws UserException if the jar carries no model or it cannot be extracted
     */
    public static synchronized Path path() {
        if (extracted != null && Files.isRegularFile(extracted)) return extracted;
        if (!available()) {
            throw new UserException("this CycleProp build carries no default model: choose a model file (NAME.json)");
        }
        String name = name();
        try {
            Path folder = Files.createTempDirectory("cycleprop-model-");
            folder.toFile().deleteOnExit();
            for (String suffix : new String[] {".json", ".params"}) {
                Path target = folder.resolve(name + suffix);
                try (InputStream in = BundledModel.class.getResourceAsStream(FOLDER + name + suffix)) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
                target.toFile().deleteOnExit();
            }
            extracted = folder.resolve(name + ".json");
            return extracted;
        } catch (IOException e) {
            throw new UserException("cannot extract the bundled model " + name + " to a temporary folder ("
                    + e.getMessage() + ")");
        }
    }
}
