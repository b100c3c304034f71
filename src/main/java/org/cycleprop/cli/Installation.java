package org.cycleprop.cli;

import java.nio.file.Path;

/** Where CycleProp is installed: the launcher passes its folder as {@code -Dcycleprop.home}. */
final class Installation {
    private Installation() {
    }

    static Path home() {
        String home = System.getProperty("cycleprop.home");
        return home != null ? Path.of(home) : Path.of("").toAbsolutePath();
    }

    /**
     * The model used when none is named: the file named in {@code models/DEFAULT} (one line, a path relative to
     * the models folder), or, without that file, the model bundled in the jar.
     */
    static Path defaultModel() {
        Path models = home().resolve("models");
        Path pointer = models.resolve("DEFAULT");
        if (!java.nio.file.Files.isRegularFile(pointer) && org.cycleprop.model.BundledModel.available()) {
            return org.cycleprop.model.BundledModel.path(); // a jar used outside its checkout
        }
        try {
            String name = java.nio.file.Files.readString(pointer).trim();
            return models.resolve(name);
        } catch (java.io.IOException e) {
            throw new org.cycleprop.util.UserException(pointer + ": no default model is installed (name one with --model)");
        }
    }

    /** The default model, or null when models/DEFAULT is absent (a checkout without trained models). */
    static Path defaultModelIfInstalled() {
        return java.nio.file.Files.isRegularFile(home().resolve("models/DEFAULT")) ? defaultModel() : null;
    }
}
