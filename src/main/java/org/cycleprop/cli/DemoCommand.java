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
                + "with the baselines and the shipped default model (models/DEFAULT) and print one table. Results go to "
                + "runs/demo-TIMESTAMP/.")
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
        List<String> methods = new java.util.ArrayList<>(METHODS);
        Path model = Installation.defaultModelIfInstalled();
        if (model != null) methods.add("model:" + model);
        for (String method : methods) {
            BenchmarkCommand b = new BenchmarkCommand();
            b.image = image;
            b.labels = labels;
            b.names = Files.isRegularFile(names) ? names : null;
            b.axis = axis;
            b.method = method;
            b.out = root.resolve(method.startsWith("model:") ? "model" : method);
            results.put(method.startsWith("model:") ? "model " + model.getFileName() : method, b.execute());
        }
        System.out.println();
        System.out.println("Embedded sample, axis " + axis + ", paper protocol (percent):");
        System.out.printf("%-24s %6s %6s %6s %6s %10s%n", "method", "J", "F", "J&F", "DSC", "ms/slice");
        for (Map.Entry<String, Benchmark.Result> e : results.entrySet()) {
            Benchmark.Result r = e.getValue();
            System.out.printf(java.util.Locale.ROOT, "%-24s %6.1f %6.1f %6.1f %6.1f %10.2f%n", e.getKey(),
                    100 * r.mean().j(), 100 * r.mean().f(), 100 * r.mean().jf(), 100 * r.mean().dsc(), r.millisPerSlice());
        }
        // the last line is the main method's: the shipped model when there is one, else the first baseline
        Map.Entry<String, Benchmark.Result> main = model != null ? results.entrySet().stream().reduce((a, b) -> b).get()
                : results.entrySet().iterator().next();
        System.out.println(BenchmarkReport.meanLine(main.getValue().mean(), main.getValue().structures().size())
                + " [" + main.getKey() + "]");
        return 0;
    }
}
