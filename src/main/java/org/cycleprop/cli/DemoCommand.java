package org.cycleprop.cli;

import org.cycleprop.evaluation.Benchmark;
import org.cycleprop.evaluation.BenchmarkReport;
import org.cycleprop.util.UserException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code cycleprop demo}: the benchmark on the embedded sample for every shipped method, as one table. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the benchmark (paper protocol) on the embedded sample (colin27 T1 + Brodmann areas, 2 mm) "
                + "with each method and print one table. Results go to runs/demo-TIMESTAMP/.")
public final class DemoCommand implements Callable<Integer> {
    @Option(names = "--sample", paramLabel = "DIR", description = "Sample folder (default: data/sample of the installation).")
    Path sample;

    @Option(names = "--axis", defaultValue = "z", description = "Propagation axis (default: ${DEFAULT-VALUE}).")
    String axis;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: runs/demo-TIMESTAMP).")
    Path out;

    static final List<String> METHODS = List.of("copy", "interpolate");

    @Override
    public Integer call() {
        Path dir = sample != null ? sample : Installation.home().resolve("data/sample");
        Path image = dir.resolve("colin27_t1_2mm.nii.gz");
        Path labels = dir.resolve("brodmann_2mm.nii.gz");
        Path names = dir.resolve("brodmann_2mm.txt");
        for (Path p : List.of(image, labels)) {
            if (!Files.isRegularFile(p)) throw new UserException(p + ": the embedded sample file is missing");
        }
        Path root = out != null ? out
                : Path.of("runs", "demo-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        Map<String, Benchmark.Result> results = new LinkedHashMap<>();
        for (String method : METHODS) {
            BenchmarkCommand b = new BenchmarkCommand();
            b.image = image;
            b.labels = labels;
            b.names = Files.isRegularFile(names) ? names : null;
            b.axis = axis;
            b.method = method;
            b.out = root.resolve(method.replace(':', '_').replace('/', '_'));
            results.put(method, b.execute());
        }
        System.out.println();
        System.out.println("Embedded sample, axis " + axis + ", paper protocol (percent):");
        System.out.printf("%-14s %6s %6s %6s %6s %10s%n", "method", "J", "F", "J&F", "DSC", "ms/slice");
        for (Map.Entry<String, Benchmark.Result> e : results.entrySet()) {
            Benchmark.Result r = e.getValue();
            System.out.printf(java.util.Locale.ROOT, "%-14s %6.1f %6.1f %6.1f %6.1f %10.2f%n", e.getKey(),
                    100 * r.mean().j(), 100 * r.mean().f(), 100 * r.mean().jf(), 100 * r.mean().dsc(), r.millisPerSlice());
        }
        Benchmark.Result last = results.values().iterator().next();
        System.out.println(BenchmarkReport.meanLine(last.mean(), last.structures().size()) + " [" + METHODS.get(0) + "]");
        return 0;
    }
}
