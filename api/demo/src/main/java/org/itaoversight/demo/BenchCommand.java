package org.itaoversight.demo;

import org.itaoversight.api.commands.CommandErrors;
import io.dropwizard.core.cli.Command;
import io.dropwizard.core.setup.Bootstrap;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.itaoversight.demo.bench.AnalyticsBenchmark;

/**
 * {@code bench analytics [--scales 1,10,100] [--out DIR]} and {@code bench reports}: the benchmarks, on private embedded
 * servers; prints figures (the analytics benchmark also writes them, with a PNG chart, into DIR), asserts nothing.
 */
public class BenchCommand extends Command {

    private final PrintStream out;

    public BenchCommand(PrintStream out) {
        super("bench", "Runs a benchmark (analytics or reports) on private embedded servers and prints its figures");
        this.out = out;
    }

    @Override
    public void configure(Subparser subparser) {
        subparser.addArgument("suite").choices("analytics", "reports").help("which benchmark");
        subparser.addArgument("--scales", "--scale").setDefault("1")
                .help("the scales to measure, comma-separated: the national results multiplied N times (e.g. 1,10,100)");
        subparser.addArgument("--out").setDefault("bench-results")
                .help("directory for the analytics benchmark's text and chart (default bench-results)");
    }

    @Override
    public void run(Bootstrap<?> bootstrap, Namespace namespace) throws Exception {
        Path work = Files.createTempDirectory("ita-bench-");
        try {
            if (namespace.getString("suite").equals("reports")) {
                new org.itaoversight.demo.bench.ReportsBenchmark(out, work).run();
            } else {
                java.util.List<Integer> scales = java.util.Arrays.stream(namespace.getString("scales").split(","))
                        .map(String::strip).map(Integer::valueOf).toList();
                if (scales.stream().anyMatch(scale -> scale < 1)) {
                    throw new IllegalArgumentException("--scales must be positive whole numbers, got " + scales);
                }
                new AnalyticsBenchmark(out, work, scales, Path.of(namespace.getString("out"))).run();
            }
        } finally {
            try (Stream<Path> paths = Files.walk(work)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @Override
    public void onError(io.dropwizard.core.cli.Cli cli, Namespace namespace, Throwable error) {
        CommandErrors.print(cli, "bench", error);
    }
}
