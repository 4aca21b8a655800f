package org.itaoversight.api.commands;

import io.dropwizard.core.setup.Bootstrap;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import net.sourceforge.argparse4j.impl.Arguments;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.itaoversight.api.Databases;
import org.itaoversight.api.OversightConfiguration;
import org.itaoversight.api.ita.catalog.Catalog;
import org.itaoversight.api.ita.loading.LoadReport;
import org.itaoversight.api.ita.loading.ResultFile;
import org.itaoversight.api.ita.loading.ResultFileReader;
import org.itaoversight.api.ita.loading.ResultLoadException;
import org.itaoversight.api.ita.loading.ResultLoader;
import org.itaoversight.api.registry.PostgresAgencyDirectory;
import org.itaoversight.api.registry.RegistryDao;
import org.itaoversight.api.registry.RegistrySource;

/**
 * {@code load-ita FILE… [--dry-run] [--config CONFIG]}: loads each file (atomically per year) and records it, each
 * question-score file read while it is inserted (the reading and checking overlap ClickHouse's insert). A file with a
 * problem loads nothing, and with several files nothing is loaded unless all of them are clean: every file is checked
 * first (read without keeping its rows) and every problem reported (file, row, column, reason), then each is read
 * again as it is loaded. A single file is not checked first: its streamed load already loads nothing if it has a
 * problem. {@code --dry-run} checks against the configured registry without touching any database.
 */
public class LoadItaCommand extends BatchCommand {

    public LoadItaCommand(PrintStream out) {
        super("load-ita", "Checks and loads ITA result files (CSV, wide or long layout) into ClickHouse", out);
    }

    @Override
    public void configure(Subparser subparser) {
        super.configure(subparser);
        subparser.addArgument("files").nargs("+").help("result files (CSV)");
        subparser.addArgument("--dry-run").action(Arguments.storeTrue()).dest("dryRun").help("check only; load nothing");
    }

    @Override
    protected void run(Bootstrap<OversightConfiguration> bootstrap, Namespace namespace, OversightConfiguration configuration)
            throws Exception {
        List<Path> paths = namespace.<String>getList("files").stream().map(Path::of).toList();
        for (Path path : paths) {
            if (!Files.isRegularFile(path)) {
                throw new IllegalArgumentException("no such file: " + path);
            }
        }
        if (namespace.getBoolean("dryRun")) {
            ResultFileReader reader = new ResultFileReader(Catalog.bundled(), new RegistrySource(configuration.getRegistry()).load());
            List<ResultFile> files = checkAll(reader, paths);
            files.forEach(f -> out.println(f.fileName() + ": " + f.rows() + " rows, " + f.layout() + ", years "
                    + f.fiscalYears() + ", " + f.encoding() + " — would load"));
            return;
        }
        try (CommandDatabases opened = CommandDatabases.open(bootstrap, configuration, "load-ita command", true)) {
            Databases databases = opened.databases();
            ResultFileReader reader = new ResultFileReader(Catalog.bundled(),
                    new PostgresAgencyDirectory(databases.postgres().onDemand(RegistryDao.class)).snapshot());
            // Several files: all checked before any is loaded. One file: its load itself loads nothing if it has a problem.
            List<Integer> rows = paths.size() == 1 ? List.of(0) : checkAll(reader, paths).stream().map(ResultFile::rows).toList();
            ResultLoader loader = ResultLoader.of(databases, Clock.systemUTC());
            String user = System.getProperty("user.name", "cli");
            for (int i = 0; i < paths.size(); i++) {
                Path path = paths.get(i);
                ProgressBar bar = new ProgressBar(System.err, path.toString(), rows.get(i));
                LoadReport report = loader.load(reader.file(path.toString(), Files.readAllBytes(path)),
                        new ResultLoader.Loader("cli:" + user, user), bar::update);
                bar.done();
                out.println(report.fileName() + ": loaded " + report.rowsAccepted() + " rows (" + report.layout()
                        + ", years " + report.fiscalYears() + ") in " + report.millis() + " ms as load " + report.loadId());
                report.warnings().forEach(w -> out.println("  warning: " + w));
            }
        }
    }

    /**
     * Checks every file first, keeping none of their question scores (they are counted): nothing is loaded unless all
     * of them are clean.
     */
    private List<ResultFile> checkAll(ResultFileReader reader, List<Path> paths) throws java.io.IOException {
        List<ResultFile> files = new ArrayList<>();
        List<org.itaoversight.api.ita.loading.LoadProblem> problems = new ArrayList<>();
        for (Path path : paths) {
            ResultFile file = reader.file(path.toString(), Files.readAllBytes(path)).read(score -> { });
            files.add(file);
            problems.addAll(file.problems());
            file.warnings().forEach(w -> out.println("warning: " + w));
        }
        if (!problems.isEmpty()) {
            throw new ResultLoadException(paths.size() == 1 ? paths.getFirst().toString() : paths.size() + " files", problems);
        }
        return files;
    }


    /** A one-line progress bar on the terminal; without a total (0), only the rows so far. */
    private static final class ProgressBar {
        private final PrintStream err;
        private final String name;
        private final long total;

        ProgressBar(PrintStream err, String name, long total) {
            this.err = err;
            this.name = name;
            this.total = total;
        }

        void update(long rows) {
            if (total <= 0) {
                err.printf("\r%s %,d rows", name, rows);
                err.flush();
                return;
            }
            int width = 30;
            int filled = (int) (width * rows / total);
            err.printf("\r%s [%s%s] %3d%% %,d/%,d rows", name, "#".repeat(filled), " ".repeat(width - filled),
                    100 * rows / total, rows, total);
            err.flush();
        }

        void done() {
            err.println();
        }
    }
}
