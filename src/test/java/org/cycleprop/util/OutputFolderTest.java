package org.cycleprop.util;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutputFolderTest {
    @TempDir
    Path tmp;

    @Test
    void filesAppearOnlyOnCommit() throws Exception {
        Path out = tmp.resolve("out");
        try (OutputFolder f = OutputFolder.prepare(out, false)) {
            Files.writeString(f.file("a.txt"), "a");
            assertFalse(Files.exists(out));
            f.commit();
        }
        assertEquals("a", Files.readString(out.resolve("a.txt")));
        try (var s = Files.list(tmp)) {
            assertEquals(1, s.count(), "no staging folder left behind");
        }
    }

    @Test
    void failureLeavesNothing() throws Exception {
        Path out = tmp.resolve("out");
        try (OutputFolder f = OutputFolder.prepare(out, false)) {
            Files.writeString(f.file("a.txt"), "a");
            // no commit: work failed
        }
        try (var s = Files.list(tmp)) {
            assertEquals(0, s.count());
        }
    }

    @Test
    void existingFolderNeedsForceAndKeepsOtherFiles() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("out"));
        Files.writeString(out.resolve("a.txt"), "old");
        Files.writeString(out.resolve("keep.txt"), "mine");
        UserException e = assertThrows(UserException.class, () -> OutputFolder.prepare(out, false));
        assertTrue(e.getMessage().contains("out") && e.getMessage().contains("--force"), e.getMessage());
        assertEquals("old", Files.readString(out.resolve("a.txt")));
        try (OutputFolder f = OutputFolder.prepare(out, true)) {
            Files.writeString(f.file("a.txt"), "new");
            f.commit();
        }
        assertEquals("new", Files.readString(out.resolve("a.txt")));
        assertEquals("mine", Files.readString(out.resolve("keep.txt")));
    }

    @Test
    void unwritableParentIsAClearError() throws Exception {
        Path file = Files.writeString(tmp.resolve("plainfile"), "x");
        UserException e = assertThrows(UserException.class, () -> OutputFolder.prepare(file.resolve("sub"), false));
        assertTrue(e.getMessage().startsWith(file.resolve("sub").toString()), e.getMessage());
    }
}
