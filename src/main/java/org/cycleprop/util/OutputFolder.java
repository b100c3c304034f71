package org.cycleprop.util;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * An output folder filled all at once: files are written into a hidden staging folder beside the target and
 * moved in only by {@link #commit()}, so a failure or a cancel leaves nothing half-written. An existing,
 * non-empty target is refused unless {@code force}; with force, only the files this run writes are replaced.
 */
public final class OutputFolder implements AutoCloseable {
    private final Path target;
    private final Path staging;
    private boolean committed;

    private OutputFolder(Path target, Path staging) {
        this.target = target;
        this.staging = staging;
    }

    /** Checks the target and creates the staging folder; call before any long work so errors come early. */
    public static OutputFolder prepare(Path target, boolean force) {
        Path abs = target.toAbsolutePath().normalize();
        if (Files.exists(abs)) {
            if (!Files.isDirectory(abs)) throw new UserException(target + ": exists and is not a folder");
            if (!force && !isEmpty(abs)) {
                throw new UserException(target + ": folder exists and is not empty (use --force to replace its files)");
            }
        }
        Path parent = abs.getParent();
        try {
            Files.createDirectories(parent);
            Path staging = Files.createTempDirectory(parent, "." + abs.getFileName() + ".partial-");
            return new OutputFolder(abs, staging);
        } catch (IOException | SecurityException e) {
            throw new UserException(target + ": cannot write output there (" + describe(e) + ")");
        }
    }

    /** Where to write a file named {@code name} before the commit. */
    public Path file(String name) {
        return staging.resolve(name);
    }

    /** The final folder (its files exist only after {@link #commit()}). */
    public Path target() {
        return target;
    }

    /** Moves every staged file into the target folder. */
    public void commit() {
        try {
            if (!Files.exists(target)) {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } else {
                try (DirectoryStream<Path> files = Files.newDirectoryStream(staging)) {
                    for (Path f : files) {
                        Files.move(f, target.resolve(f.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING,
                                StandardCopyOption.ATOMIC_MOVE);
                    }
                }
                Files.delete(staging);
            }
            committed = true;
        } catch (IOException e) {
            throw new UserException(target + ": cannot move the results into place (" + describe(e) + ")");
        }
    }

    /** Removes the staging folder if the work did not commit. */
    @Override
    public void close() {
        if (committed || !Files.exists(staging)) return;
        try (Stream<Path> walk = Files.walk(staging)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort: a leftover hidden staging folder is harmless
        }
    }

    private static boolean isEmpty(Path dir) {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            return !s.iterator().hasNext();
        } catch (IOException e) {
            throw new UserException(dir + ": cannot list the folder (" + describe(e) + ")");
        }
    }

    private static String describe(Exception e) {
        String m = e.getMessage();
        if (e instanceof java.nio.file.AccessDeniedException) return "permission denied";
        return m == null ? e.getClass().getSimpleName() : m;
    }
}
