package org.cycleprop.evaluation;

import org.cycleprop.util.Charts;
import org.cycleprop.util.OutputFolder;
import org.cycleprop.util.UserException;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes a benchmark's files: {@code structures.csv}, {@code slices.csv} (per structure and slice: truth and
 * predicted pixels, J, F — where a propagation drifts or runs past a structure's end), {@code summary.md} and
 * {@code jf_per_structure.png}.
 */
public final class BenchmarkReport {
    private BenchmarkReport() {
    }

    /** The closing line every benchmark prints, values in percent with one decimal. */
    public static String meanLine(MeanScore mean, int structures) {
        return String.format(Locale.ROOT, "mean J %.1f F %.1f J&F %.1f DSC %.1f (%d structures)",
                100 * mean.j(), 100 * mean.f(), 100 * mean.jf(), 100 * mean.dsc(), structures);
    }

    /** Writes the three files into the staged output folder (the caller commits it). */
    public static void write(Benchmark.Result result, String description, long peakResidentBytes, OutputFolder out) {
        writeCsv(result, out);
        writeSliceCsv(result, out);
        writeSummary(result, description, peakResidentBytes, out);
        List<String> names = new ArrayList<>();
        double[] jf = new double[result.structures().size()];
        for (int i = 0; i < jf.length; i++) {
            Benchmark.StructureResult s = result.structures().get(i);
            names.add(s.name().isEmpty() ? String.valueOf(s.label()) : s.label() + " " + s.name());
            jf[i] = 100 * s.score().jf();
        }
        Charts.barChart("J&F per structure — " + result.method() + " — " + meanLine(result.mean(), jf.length), names,
                jf, 100, "J&F %", out.file("jf_per_structure.png"));
    }

    private static void writeCsv(Benchmark.Result result, OutputFolder out) {
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out.file("structures.csv"), StandardCharsets.UTF_8))) {
            w.println("label,name,slices,evaluated_slices,seeds,J,F,JF,DSC,predicted_beyond_ends,ms");
            for (Benchmark.StructureResult s : result.structures()) {
                StructureScore sc = s.score();
                w.printf(Locale.ROOT, "%d,%s,%d,%d,%s,%.4f,%.4f,%.4f,%.4f,%.4f,%.1f%n", s.label(), csv(s.name()),
                        s.slices(), sc.evaluatedSlices(), joinSeeds(s.seeds()), sc.j(), sc.f(), sc.jf(), sc.dsc(),
                        sc.predictedBeyondEnds(), s.propagationNanos() / 1e6);
            }
        } catch (IOException e) {
            throw new UserException(out.target() + ": cannot write structures.csv (" + e.getMessage() + ")");
        }
    }

    private static void writeSliceCsv(Benchmark.Result result, OutputFolder out) {
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out.file("slices.csv"), StandardCharsets.UTF_8))) {
            w.println("label,slice,seed,truth_pixels,predicted_pixels,J,F");
            for (Benchmark.StructureResult s : result.structures()) {
                StructureScore sc = s.score();
                for (int z = 0; z < sc.perSliceTruth().length; z++) {
                    if (sc.perSliceTruth()[z] == 0 && sc.perSlicePredicted()[z] == 0) continue;
                    w.printf(Locale.ROOT, "%d,%d,%d,%d,%d,%s,%s%n", s.label(), z, s.seeds().contains(z) ? 1 : 0,
                            sc.perSliceTruth()[z], sc.perSlicePredicted()[z], number(sc.perSliceJ()[z]),
                            number(sc.perSliceF()[z]));
                }
            }
        } catch (IOException e) {
            throw new UserException(out.target() + ": cannot write slices.csv (" + e.getMessage() + ")");
        }
    }

    /** A score with 4 decimals, or empty for a slice that was not scored. */
    private static String number(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.4f", v);
    }

    private static void writeSummary(Benchmark.Result result, String description, long peak, OutputFolder out) {
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out.file("summary.md"), StandardCharsets.UTF_8))) {
            w.println("# Benchmark: " + result.method());
            w.println();
            w.println(description);
            w.println();
            w.println("Protocol: each structure separately, seeded on its largest slice (interpolate: slices at 1/4 "
                    + "and 3/4 of its extent), one round of propagation; J and F averaged over slices whose ground "
                    + "truth has more than 10 pixels, DSC over the whole volume.");
            w.println();
            w.printf(Locale.ROOT, "**%s**  %n", meanLine(result.mean(), result.structures().size()));
            w.printf(Locale.ROOT, "Propagation: %.2f ms per slice over %d slices; peak resident memory %.0f MiB.%n%n",
                    result.millisPerSlice(), result.propagatedSlices(), peak / 1048576.0);
            double beyond = result.structures().stream().mapToDouble(s -> s.score().predictedBeyondEnds()).average()
                    .orElse(0);
            w.printf(Locale.ROOT, "Predicted pixels on slices where the structure does not exist (beyond its ends): "
                    + "%.1f %% on average (per structure in structures.csv, per slice in slices.csv).%n%n", 100 * beyond);
            w.println("| label | name | slices | seeds | J | F | J&F | DSC |");
            w.println("|---:|---|---:|---|---:|---:|---:|---:|");
            for (Benchmark.StructureResult s : result.structures()) {
                StructureScore sc = s.score();
                w.printf(Locale.ROOT, "| %d | %s | %d | %s | %.1f | %.1f | %.1f | %.1f |%n", s.label(), s.name(),
                        s.slices(), joinSeeds(s.seeds()), 100 * sc.j(), 100 * sc.f(), 100 * sc.jf(), 100 * sc.dsc());
            }
        } catch (IOException e) {
            throw new UserException(out.target() + ": cannot write summary.md (" + e.getMessage() + ")");
        }
    }

    private static String joinSeeds(List<Integer> seeds) {
        StringBuilder b = new StringBuilder();
        for (int z : seeds) b.append(b.length() == 0 ? "" : " ").append(z);
        return b.toString();
    }

    private static String csv(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
