package org.cycleprop.util;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes an output file safely: refuses to replace an existing file unless forced, writes to a hidden temp
 * file in the target folder, and moves it into place in one step at the end, so that a reader never sees
 * a half-written file and a failure leaves nothing behind.
 */
public final class AtomicOutputFile {
    private AtomicOutputFile() {
    }

    /** The content of an output file, written to a stream that the caller must not close. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Fails early, before any work, if {@code target} could not be written: it exists and {@code force} is
     * false, it is a folder, or its folder is missing.
     */
    public static void checkWritable(Path target, boolean force) {
        Path file = target.toAbsolutePath();
        if (Files.isDirectory(file)) throw new UserException(target + ": is a folder, not a file");
        if (Files.exists(file) && !force) {
            throw new UserException(target + ": already exists; not overwritten (use the force option to replace it)");
        }
        Path folder = file.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new UserException(target + ": cannot be written, folder " + folder + " does not exist"
                    + (folder != null && Files.exists(folder) ? " (it is a file)" : ""));
        }
    }

    /** Writes {@code content} to {@code target} (see the class comment). */
    public static void write(Path target, boolean force, Content content) {
        checkWritable(target, force);
        Path file = target.toAbsolutePath();
        Path temp = file.resolveSibling("." + file.getFileName() + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
        try {
            try (OutputStream out = new BufferedOutputStream(
                    Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), 1 << 16)) {
                content.writeTo(out);
            } catch (AccessDeniedException e) {
                throw new UserException(target + ": cannot write in folder " + file.getParent()
                        + " (permission denied)", e);
            } catch (FileSystemException e) {
                throw new UserException(target + ": cannot be written (" + reason(e) + ")", e);
            } catch (IOException e) {
                throw new UserException(target + ": writing failed (" + e.getMessage() + ")", e);
            }
            if (Files.exists(file) && !force) { // appeared while we were writing
                throw new UserException(target + ": already exists; not overwritten (use the force option to replace it)");
            }
            move(temp, file, target);
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // Best effort: the move already consumed the temp file on success.
            }
        }
    }

    private static void move(Path temp, Path file, Path target) {
        try {
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UserException(target + ": could not be put in place (" + e.getMessage() + ")", e);
        }
    }

    private static String reason(FileSystemException e) {
        return e.getReason() != null ? e.getReason() : e.getClass().getSimpleName();
    }
}
