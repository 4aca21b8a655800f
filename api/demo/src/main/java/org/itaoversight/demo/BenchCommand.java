package org.itaoversight.demo;

import io.dropwizard.core.cli.Command;
import io.dropwizard.core.setup.Bootstrap;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.itaoversight.api.commands.CommandErrors;
import org.itaoversight.demo.bench.AnalyticsBenchmark;

/** {@code bench analytics [--scale N]} and {@code bench reports}: the benchmarks, on private embedded servers; prints figures, asserts nothing. */
public class BenchCommand extends Command {

    private final PrintStream out;

    public BenchCommand(PrintStream out) {
        super("bench", "Runs a benchmark (analytics or reports) on private embedded servers and prints its figures");
        this.out = out;
    }

    @Override
    public void configure(Subparser subparser) {
        subparser.addArgument("suite").choices("analytics", "reports").help("which benchmark");
        subparser.addArgument("--scale").type(Integer.class).setDefault(1).help("multiply the national results N times");
    }

    @Override
    public void run(Bootstrap<?> bootstrap, Namespace namespace) throws Exception {
        Path work = Files.createTempDirectory("ita-bench-");
        try {
            if (namespace.getString("suite").equals("reports")) {
                new org.itaoversight.demo.bench.ReportsBenchmark(out, work).run();
            } else {
                new AnalyticsBenchmark(out, work, namespace.getInt("scale")).run();
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
