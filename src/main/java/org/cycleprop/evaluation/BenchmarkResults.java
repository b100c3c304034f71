package org.cycleprop.evaluation;

import org.cycleprop.util.UserException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads back what {@link BenchmarkReport} wrote (structures.csv and the timing line of summary.md), so that a
 * table can be assembled from evaluations that already ran (they take hours on a laptop) instead of repeating
 * them. Per-slice scores are not kept in the files: the scores read have empty per-slice arrays.
 */
public final class BenchmarkResults {
    private static final Pattern TIMING = Pattern.compile("Propagation: ([0-9.]+) ms per slice over ([0-9]+) slices");

    private BenchmarkResults() {
    }

    /** True if {@code folder} holds a finished benchmark (its summary is written last). */
    public static boolean exists(Path folder) {
        return Files.isRegularFile(folder.resolve("structures.csv")) && Files.isRegularFile(folder.resolve("summary.md"));
    }

    /**
     * The result stored in {@code folder}, named {@code method}.
     *
     * @throws UserException naming the file and line when a file is missing or malformed
     */
    public static Benchmark.Result read(Path folder, String method) {
        Path csv = folder.resolve("structures.csv");
        List<String> lines;
        String summary;
        try {
            lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
            summary = Files.readString(folder.resolve("summary.md"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserException(folder + ": cannot read the benchmark files (" + e.getMessage() + ")");
        }
        if (lines.isEmpty()) throw new UserException(csv + ": empty");
        List<String> header = Arrays.asList(lines.get(0).split(","));
        int[] at = new int[] {header.indexOf("label"), header.indexOf("name"), header.indexOf("slices"),
            header.indexOf("evaluated_slices"), header.indexOf("seeds"), header.indexOf("J"), header.indexOf("F"),
            header.indexOf("JF"), header.indexOf("DSC"), header.indexOf("ms")};
        for (int i : at) {
            if (i < 0) throw new UserException(csv + ": not a benchmark table (header " + lines.get(0) + ")");
        }
        List<Benchmark.StructureResult> structures = new ArrayList<>();
        List<StructureScore> scores = new ArrayList<>();
        for (int n = 1; n < lines.size(); n++) {
            if (lines.get(n).isBlank()) continue;
            List<String> f = fields(lines.get(n));
            if (f.size() != header.size()) {
                throw new UserException(csv + ", line " + (n + 1) + ": " + f.size() + " fields, expected " + header.size());
            }
            try {
                StructureScore score = new StructureScore(number(f.get(at[5])), number(f.get(at[6])),
                        number(f.get(at[7])), number(f.get(at[8])), Integer.parseInt(f.get(at[3])), new double[0],
                        new double[0]);
                List<Integer> seeds = new ArrayList<>();
                for (String s : f.get(at[4]).trim().split(" ")) if (!s.isEmpty()) seeds.add(Integer.parseInt(s));
                structures.add(new Benchmark.StructureResult(Integer.parseInt(f.get(at[0])), f.get(at[1]),
                        Integer.parseInt(f.get(at[2])), seeds, score, (long) (Double.parseDouble(f.get(at[9])) * 1e6)));
                scores.add(score);
            } catch (NumberFormatException e) {
                throw new UserException(csv + ", line " + (n + 1) + ": not a number (" + e.getMessage() + ")");
            }
        }
        Matcher m = TIMING.matcher(summary);
        long slices = 0;
        long nanos = 0;
        if (m.find()) {
            slices = Long.parseLong(m.group(2));
            nanos = (long) (Double.parseDouble(m.group(1)) * 1e6 * slices);
        }
        return new Benchmark.Result(method, structures, MeanScore.of(scores), slices, nanos);
    }

    private static double number(String s) {
        return s.isEmpty() || s.equalsIgnoreCase("NaN") ? Double.NaN : Double.parseDouble(s);
    }

    /** Comma-separated fields; a field in double quotes may hold commas and doubled quotes. */
    static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder b = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    b.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    b.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(b.toString());
                b.setLength(0);
            } else {
                b.append(c);
            }
        }
        out.add(b.toString());
        return out;
    }
}
