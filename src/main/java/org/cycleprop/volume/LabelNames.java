package org.cycleprop.volume;

import org.cycleprop.util.UserException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Names of the structures of a label map, read from a text file with one structure per line:
 * {@code value name [anything else]} (the format of MRIcron's {@code aal.nii.txt}). Blank lines and lines
 * starting with {@code #} are skipped.
 */
public final class LabelNames {
    private final Map<Integer, String> names;

    private LabelNames(Map<Integer, String> names) {
        this.names = Collections.unmodifiableMap(names);
    }

    public static LabelNames none() {
        return new LabelNames(new LinkedHashMap<>());
    }

    public static LabelNames read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserException(file + ": cannot read the label names file (" + e.getMessage() + ")");
        }
        Map<Integer, String> names = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty() || line.startsWith("#")) continue;
            String[] parts = line.split("\\s+");
            try {
                int value = Integer.parseInt(parts[0]);
                names.put(value, parts.length > 1 ? parts[1] : "");
            } catch (NumberFormatException e) {
                throw new UserException(file + ": line " + (i + 1) + " does not start with a label value: '"
                        + line + "'");
            }
        }
        return new LabelNames(names);
    }

    /** The name of {@code value}, or an empty string if the file does not name it. */
    public String nameOf(int value) {
        return names.getOrDefault(value, "");
    }

    public Map<Integer, String> asMap() {
        return names;
    }
}
