package org.cycleprop.cli;

import org.cycleprop.util.UserException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** reproduce-table --tag: the rows of a longer run and the model files that belong to each row. */
class ReproduceTableRowsTest {
    @TempDir
    Path tmp;

    @Test
    void aTagAddsItsTwoFineTuningRowsAfterTheUntaggedOnes() {
        Map<String, String> rows = ReproduceTableCommand.modelRows(List.of("6k"));
        assertEquals(List.of("base (synthetic pre-training)", "FT w/o cycle", "FT w/ cycle", "FT w/o cycle (6k)",
                "FT w/ cycle (6k)"), List.copyOf(rows.keySet()));
        assertEquals("ft-cycle-6k-s", rows.get("FT w/ cycle (6k)"));
        assertEquals(3, ReproduceTableCommand.modelRows(List.of()).size());
    }

    @Test
    void taggedModelsDoNotLandInTheUntaggedRows() throws Exception {
        for (String name : List.of("ft-cycle-s1", "ft-cycle-s2", "ft-cycle-6k-s1", "ft-nocycle-6k-s1")) {
            Files.writeString(tmp.resolve(name + ".json"), "{}");
        }
        Map<String, String> rows = ReproduceTableCommand.modelRows(List.of("6k"));
        assertEquals(List.of(tmp.resolve("ft-cycle-s1.json"), tmp.resolve("ft-cycle-s2.json")),
                ReproduceTableCommand.modelFiles(tmp, rows.get("FT w/ cycle")));
        assertEquals(List.of(tmp.resolve("ft-cycle-6k-s1.json")),
                ReproduceTableCommand.modelFiles(tmp, rows.get("FT w/ cycle (6k)")));
        assertEquals(List.of(tmp.resolve("ft-nocycle-6k-s1.json")),
                ReproduceTableCommand.modelFiles(tmp, rows.get("FT w/o cycle (6k)")));
    }

    @Test
    void aTagThatCannotBeAFileNamePartIsRefused() {
        UserException e = assertThrows(UserException.class, () -> ReproduceTableCommand.modelRows(List.of("a/b")));
        assertEquals("--tag: letters, digits, '_' or '.' only, got 'a/b'", e.getMessage());
    }
}
