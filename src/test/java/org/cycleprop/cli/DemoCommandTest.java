package org.cycleprop.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The README's first command, on the embedded sample. */
class DemoCommandTest {
    @TempDir
    Path tmp;

    @Test
    void demoBenchmarksEveryMethodOnTheSample() throws Exception {
        Path out = tmp.resolve("demo");
        CliRun run = CliRun.of("demo", "--sample", "data/sample", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        for (String method : DemoCommand.METHODS) {
            assertTrue(Files.exists(out.resolve(method).resolve("structures.csv")), method);
            Matcher row = Pattern.compile("(?m)^" + method + "\\s+([0-9.]+)\\s+([0-9.]+)\\s+([0-9.]+)\\s+([0-9.]+)")
                    .matcher(run.out());
            assertTrue(row.find(), "table row for " + method + " in\n" + run.out());
            double j = Double.parseDouble(row.group(1));
            assertTrue(j > 10 && j < 100, method + " J " + j);
        }
        assertTrue(run.lastLine().matches("mean J [0-9.]+ F [0-9.]+ J&F [0-9.]+ DSC [0-9.]+ \\(41 structures\\).*"),
                run.lastLine());
    }

    @Test
    void missingSampleIsOneLine() {
        CliRun run = CliRun.of("demo", "--sample", tmp.resolve("nothing").toString(), "--out", tmp.resolve("o").toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().strip().startsWith("error: " + tmp.resolve("nothing")), run.err());
    }
}
