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
}
