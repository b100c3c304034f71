package org.cycleprop.cli;

import org.cycleprop.evaluation.Benchmark;
import org.cycleprop.evaluation.BenchmarkResults;
import org.cycleprop.evaluation.ComparisonTable;
import org.cycleprop.util.Charts;
import org.cycleprop.util.OutputFolder;
import org.cycleprop.util.UserException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code cycleprop reproduce-table}: the evaluation part of the paper's Table 1 on the open colin27 data —
 * baselines and the trained models (every seed) on seen structures (AAL right hemisphere) and unseen ones
 * (Brodmann areas), along each axis; writes the table, the per-structure improvement of the cycle loss
 * (as the paper's Fig. 2) and the timings.
 */
@Command(name = "reproduce-table", mixinStandardHelpOptions = true,
        description = {"Re-run the evaluation of the Table 1 experiment: copy, interpolate and the models in models/ "
                + "(base-s*, ft-nocycle-s*, ft-cycle-s*) on AAL right-hemisphere structures (seen) and Brodmann "
                + "areas (unseen), along each --axes; paper protocol.",
            "Writes DIR/table.md, DIR/cycle_vs_nocycle.png, DIR/timings.csv and every benchmark's files."})
public final class ReproduceTableCommand implements Callable<Integer> {
    @Option(names = "--data", paramLabel = "DIR", description = "The MRIcron data folder (default: ../shared/data/mricron "
            + "beside the installation).")
    Path data;

    @Option(names = "--models", paramLabel = "DIR", description = "Folder of the models (default: models/ of the installation).")
    Path models;

    @Option(names = "--axes", defaultValue = "z,x", split = ",", description = "Axes (default: ${DEFAULT-VALUE}).")
    List<String> axes;

    @Option(names = "--test-sets", defaultValue = "seen,unseen", split = ",",
            description = "seen (AAL _R structures), unseen (Brodmann areas) (default: ${DEFAULT-VALUE}).")
    List<String> testSets;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (must be new or empty).")
    Path out;

    @Option(names = "--from", paramLabel = "DIR", description = "Reuse finished benchmarks from DIR (folders named "
            + "SET-AXIS-METHOD, e.g. seen-z-ft-cycle-s1, as this command writes them) instead of running them again; "
            + "the others are run.")
    Path from;

    @Option(names = "--reuse-only", description = "With --from: leave out what is not there instead of running it "
            + "(the table then shows – or the number of seeds of a cell).")
    boolean reuseOnly;

    @Option(names = "--tag", split = ",", paramLabel = "T", description = "Also the fine-tunings of another run "
            + "length: rows 'FT w/o cycle (T)' and 'FT w/ cycle (T)' from models ft-nocycle-T-s<seed> and "
            + "ft-cycle-T-s<seed> (e.g. --tag 6k), each with its own cycle plot.")
    List<String> tags = List.of();

    @Option(names = "--force", description = "Replace the files of an existing output folder.")
    boolean force;

    /** Rows of the table and the model files (NAME-s<seed>.json) that belong to each. */
    static final Map<String, String> MODEL_ROWS = new LinkedHashMap<>();

    static {
        MODEL_ROWS.put("base (synthetic pre-training)", "base-s");
        MODEL_ROWS.put("FT w/o cycle", "ft-nocycle-s");
        MODEL_ROWS.put("FT w/ cycle", "ft-cycle-s");
    }

    @Override
    public Integer call() {
        Path dataDir = data != null ? data : Installation.home().resolve("../shared/data/mricron").normalize();
        Path modelDir = models != null ? models : Installation.home().resolve("models");
        Path seen = Installation.home().resolve("experiments/aal_right_seen.txt");
        Map<String, List<Path>> rows = new LinkedHashMap<>();
        rows.put("copy", List.of());
        rows.put("interpolate", List.of());
        for (Map.Entry<String, String> e : modelRows(tags).entrySet()) {
            List<Path> files = modelFiles(modelDir, e.getValue());
            if (!files.isEmpty()) rows.put(e.getKey(), files);
        }
        ComparisonTable table = new ComparisonTable();
        List<String> reused = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        if (reuseOnly && from == null) throw new UserException("--reuse-only needs --from DIR");
        Map<String, Map<Integer, double[]>> perStructure = new HashMap<>(); // row → label → {sum J, n}
        List<String> timings = new ArrayList<>();
        timings.add("method,model,test_set,ms_per_slice");
        try (OutputFolder folder = OutputFolder.prepare(out, force)) {
            for (String set : testSets) {
                for (String axis : axes) {
                    String column = set + " " + axis;
                    for (Map.Entry<String, List<Path>> row : rows.entrySet()) {
                        List<String> methods = new ArrayList<>();
                        if (row.getValue().isEmpty()) methods.add(row.getKey());
                        for (Path m : row.getValue()) methods.add("model:" + m);
                        for (String method : methods) {
                            String name = method.startsWith("model:") ? modelName(method) : method;
                            Path earlier = from == null ? null : from.resolve(set + "-" + axis + "-" + name);
                            Benchmark.Result r;
                            if (earlier != null && BenchmarkResults.exists(earlier)) {
                                System.out.println("== " + column + ": " + name + " (from " + earlier + ")");
                                r = BenchmarkResults.read(earlier, method);
                                reused.add(set + "-" + axis + "-" + name);
                            } else if (reuseOnly) {
                                missing.add(set + "-" + axis + "-" + name);
                                continue;
                            } else {
                                r = benchmark(set, axis, method, dataDir, seen, folder.file(set + "-" + axis + "-" + name));
                                System.out.println("== " + column + ": " + name);
                            }
                            table.add(row.getKey(), column, r.mean());
                            timings.add(String.format(Locale.ROOT, "%s,%s,%s,%.2f", row.getKey(), name, column,
                                    r.millisPerSlice()));
                            for (Benchmark.StructureResult s : r.structures()) {
                                if (!s.score().hasEvaluatedSlices()) continue;
                                double[] acc = perStructure.computeIfAbsent(row.getKey() + "|" + column, k -> new HashMap<>())
                                        .computeIfAbsent(s.label(), k -> new double[2]);
                                acc[0] += s.score().j();
                                acc[1]++;
                            }
                        }
                    }
                }
            }
            write(folder.file("table.md"), "# Table 1 on colin27 (paper protocol)\n\n"
                    + "Seen: AAL right-hemisphere structures (training used left ones); unseen: Brodmann areas. "
                    + "Percent; mean ± half-range over training seeds.\n\n" + table.markdown()
                    + (reused.isEmpty() ? "" : "\nRead from earlier benchmark folders in " + from + ": "
                    + String.join(", ", reused) + ".\n")
                    + (missing.isEmpty() ? "" : "\nNot measured (left out): " + String.join(", ", missing) + ".\n"));
            write(folder.file("timings.csv"), String.join("\n", timings) + "\n");
            improvementPlot(perStructure, "", folder);
            for (String tag : tags) improvementPlot(perStructure, tag, folder);
            folder.commit();
        }
        System.out.println();
        System.out.print(table.markdown());
        System.out.println("wrote " + out.resolve("table.md"));
        return 0;
    }

    private static Benchmark.Result benchmark(String set, String axis, String method, Path dataDir, Path seen, Path out) {
        BenchmarkCommand b = new BenchmarkCommand();
        if (set.equals("seen")) {
            b.labels = dataDir.resolve("aal.nii.gz");
            b.names = dataDir.resolve("aal.nii.txt");
            b.subset = readSubset(seen);
        } else if (set.equals("unseen")) {
            b.labels = dataDir.resolve("brodmann.nii.gz");
        } else {
            throw new UserException("--test-sets: unknown test set '" + set + "' (use seen, unseen)");
        }
        b.image = dataDir.resolve("ch2.nii.gz");
        b.axis = axis;
        b.method = method;
        b.out = out;
        return b.execute();
    }

    /**
     * The table's model rows and the file-name prefix of each: base and the two fine-tunings, then the two
     * fine-tunings of every tag (a longer run, say), named {@code ft-nocycle-TAG-s<seed>} and {@code ft-cycle-TAG-s<seed>}.
     */
    static Map<String, String> modelRows(List<String> tags) {
        Map<String, String> rows = new LinkedHashMap<>(MODEL_ROWS);
        for (String tag : tags) {
            if (!tag.matches("[A-Za-z0-9_.]+")) {
                throw new UserException("--tag: letters, digits, '_' or '.' only, got '" + tag + "'");
            }
            rows.put(rowName("FT w/o cycle", tag), "ft-nocycle-" + tag + "-s");
            rows.put(rowName("FT w/ cycle", tag), "ft-cycle-" + tag + "-s");
        }
        return rows;
    }

    private static String rowName(String row, String tag) {
        return tag.isEmpty() ? row : row + " (" + tag + ")";
    }

    /**
     * Per structure, relative J improvement of FT w/ cycle over FT w/o cycle (seed means) of the rows of
     * {@code tag} ("" = the untagged rows), as the paper's Fig. 2: cycle_vs_nocycle[-TAG].png.
     */
    private void improvementPlot(Map<String, Map<Integer, double[]>> perStructure, String tag, OutputFolder folder) {
        List<String> names = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (String set : testSets) {
            for (String axis : axes) {
                String column = set + " " + axis;
                Map<Integer, double[]> with = perStructure.get(rowName("FT w/ cycle", tag) + "|" + column);
                Map<Integer, double[]> without = perStructure.get(rowName("FT w/o cycle", tag) + "|" + column);
                if (with == null || without == null) continue;
                for (Map.Entry<Integer, double[]> e : with.entrySet()) {
                    double[] o = without.get(e.getKey());
                    if (o == null) continue;
                    double jw = e.getValue()[0] / e.getValue()[1];
                    double jo = o[0] / o[1];
                    if (jo <= 0) continue;
                    names.add(column + " " + e.getKey());
                    values.add(100 * (jw - jo) / jo);
                }
            }
        }
        if (values.isEmpty()) return;
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        double max = 1;
        for (double x : v) max = Math.max(max, Math.abs(x));
        Charts.barChart("relative J change of the cycle loss per structure" + (tag.isEmpty() ? "" : ", " + tag)
                + " (%; above 0: the cycle loss is better)", names, v, -max, max, "%",
                folder.file(tag.isEmpty() ? "cycle_vs_nocycle.png" : "cycle_vs_nocycle-" + tag + ".png"));
    }

    static List<Path> modelFiles(Path dir, String prefix) {
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(dir)) return files;
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, prefix + "*.json")) {
            for (Path p : s) files.add(p);
        } catch (IOException e) {
            throw new UserException(dir + ": cannot list the models (" + e.getMessage() + ")");
        }
        files.sort(null);
        return files;
    }

    private static String modelName(String method) {
        String file = Path.of(method.substring("model:".length())).getFileName().toString();
        return file.endsWith(".json") ? file.substring(0, file.length() - 5) : file;
    }

    private static List<String> readSubset(Path file) {
        try {
            return List.of(Files.readString(file, StandardCharsets.UTF_8).trim().split(","));
        } catch (IOException e) {
            throw new UserException(file + ": cannot read the seen-structure list (" + e.getMessage() + ")");
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserException(file + ": cannot write (" + e.getMessage() + ")");
        }
    }
}
