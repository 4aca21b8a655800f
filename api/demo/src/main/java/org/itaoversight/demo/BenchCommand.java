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

/**
 * {@code bench analytics [--scales 1,10,100] [--out DIR]} and {@code bench reports}: the benchmarks, on private embedded
 * servers; prints figures (the analytics benchmark also writes them, with a PNG chart, into DIR), asserts nothing.
 * {@code bench load [--url …] [--clients 32] [--seconds 60]}: load through the API of a running server.
 */
public class BenchCommand extends Command {

    private final PrintStream out;

    public BenchCommand(PrintStream out) {
        super("bench", "Runs a benchmark (analytics or reports on private embedded servers, load against a running API) "
                + "and prints its figures");
        this.out = out;
    }

    @Override
    public void configure(Subparser subparser) {
        subparser.addArgument("suite").choices("analytics", "reports", "load").help("which benchmark");
        subparser.addArgument("--scales", "--scale").setDefault("1")
                .help("the scales to measure, comma-separated: the national results multiplied N times (e.g. 1,10,100)");
        subparser.addArgument("--out").setDefault("bench-results")
                .help("directory for the analytics benchmark's text and chart (default bench-results)");
        subparser.addArgument("--url").setDefault("http://127.0.0.1:8080").help("load: the API's base URL");
        subparser.addArgument("--admin-url").setDefault("http://127.0.0.1:8081").help("load: the admin port (for /metrics)");
        subparser.addArgument("--issuer").setDefault("http://127.0.0.1:8180/realms/ita-oversight")
                .help("load: the Keycloak realm's issuer URL, to sign the demo users in");
        subparser.addArgument("--client-id").setDefault("ita-oversight-scripts").help("load: a client that signs users in by password");
        subparser.addArgument("--client-secret").setDefault("ita-oversight-scripts-secret").help("load: that client's secret");
        subparser.addArgument("--password").setDefault("ita-demo-2568").help("load: the demo users' password");
        subparser.addArgument("--clients").type(Integer.class).setDefault(32).help("load: concurrent clients");
        subparser.addArgument("--seconds").type(Integer.class).setDefault(60).help("load: how long");
        subparser.addArgument("--only").setDefault("").help("load: only the endpoints whose names contain one of these "
                + "comma-separated words, e.g. 'officer: ranking'");
    }

    @Override
    public void run(Bootstrap<?> bootstrap, Namespace namespace) throws Exception {
        if (namespace.getString("suite").equals("load")) {
            new org.itaoversight.demo.bench.LoadBenchmark(out, new org.itaoversight.demo.bench.LoadBenchmark.Settings(
                    java.net.URI.create(namespace.getString("url")), java.net.URI.create(namespace.getString("admin_url")),
                    java.net.URI.create(namespace.getString("issuer")), namespace.getString("client_id"),
                    namespace.getString("client_secret"), namespace.getString("password"), namespace.getInt("clients"),
                    java.time.Duration.ofSeconds(namespace.getInt("seconds")), 2561, 2568, 2568,
                    java.util.Arrays.stream(namespace.getString("only").split(",")).map(String::strip)
                            .filter(word -> !word.isEmpty()).toList())).run();
            return;
        }
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
