package org.itaoversight.api.commands;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.dropwizard.core.setup.Bootstrap;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.itaoversight.api.Databases;
import org.itaoversight.api.OversightConfiguration;
import org.itaoversight.api.ita.loading.LoadReport;
import org.itaoversight.api.ita.loading.ResultFile;
import org.itaoversight.api.ita.loading.ResultFileReader;
import org.itaoversight.api.ita.loading.ResultLoadException;
import org.itaoversight.api.ita.loading.ResultLoader;
import org.itaoversight.tenants.registry.AgencyRegistry;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import net.sourceforge.argparse4j.impl.Arguments;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.itaoversight.api.ita.catalog.Catalog;
import org.itaoversight.api.ita.importing.AnalysisDocument;
import org.itaoversight.api.ita.importing.AnalysisDocumentReader;
import org.itaoversight.api.registry.RegistryConfiguration;
import org.itaoversight.api.registry.RegistryLoader;
import org.itaoversight.api.registry.RegistrySource;

/**
 * {@code import-analysis FILE [--dry-run] [--json]}: reads an agency's analysis of its ITA result and prints what it
 * found — agency, year, total, level, the indicator scores mapped to the catalog (and what it could not map), the
 * weakest questions and every warning. Without {@code --dry-run} it loads them like any result file (same checks,
 * same atomic load): the agency-year with its published total and level, and the weakest questions' scores.
 */
public class ImportAnalysisCommand extends DocumentCommand {

    public ImportAnalysisCommand(PrintStream out) {
        super("import-analysis", "Reads an agency's ITA analysis document (Word, PDF or text) and prints what it found", out);
    }

    @Override
    public void configure(Subparser subparser) {
        super.configure(subparser);
    }

    @Override
    protected void run(Bootstrap<OversightConfiguration> bootstrap, Namespace namespace, OversightConfiguration configuration)
            throws Exception {
        Path file = document(namespace);
        RegistryConfiguration registryConfiguration = registry(namespace, configuration);
        Catalog catalog = Catalog.bundled();
        AgencyRegistry registry = new RegistrySource(registryConfiguration).load();
        AnalysisDocument document = new AnalysisDocumentReader(catalog, registry).read(file.toString(), Files.readAllBytes(file));
        if (namespace.getBoolean("json")) {
            ObjectMapper json = bootstrap.getObjectMapper().copy().enable(SerializationFeature.INDENT_OUTPUT);
            out.println(json.writeValueAsString(document));
        } else {
            printText(document);
        }
        if (namespace.getBoolean("dryRun")) {
            return;
        }
        // Loaded like any result file: the same checks, the same atomic load, recorded.
        ResultFileReader reader = new ResultFileReader(catalog, registry);
        ResultFile results = reader.read(file.getFileName() + "#results", document.toWideCsv().getBytes(StandardCharsets.UTF_8));
        ResultFile questions = reader.read(file.getFileName() + "#weakest-questions",
                document.toLongCsv().getBytes(StandardCharsets.UTF_8));
        for (ResultFile checked : List.of(results, questions)) {
            if (!checked.isValid()) {
                throw ResultLoadException.of(checked);
            }
        }
        try (CommandDatabases opened = CommandDatabases.open(bootstrap, configuration, "import-analysis command", false)) {
            Databases databases = opened.databases();
            // The registry the document was matched against, built once above.
            new RegistryLoader(databases.postgres(), databases.clickhouse(), Clock.systemUTC())
                    .load(registry, new RegistrySource(registryConfiguration).describe());
            ResultLoader loader = ResultLoader.of(databases, Clock.systemUTC());
            String user = System.getProperty("user.name", "cli");
            for (ResultFile checked : List.of(results, questions)) {
                if (checked.rows() > 0) {
                    LoadReport report = loader.load(checked, new ResultLoader.Loader("cli:" + user, user));
                    out.println("loaded " + report.fileName() + ": " + report.rowsAccepted() + " row(s), year "
                            + report.fiscalYears() + ", load " + report.loadId());
                }
            }
        }
    }

    private void printText(AnalysisDocument d) {
        out.println("file        " + d.source() + " (" + d.encoding() + ")");
        out.println("agency      " + d.agencyNameTh().orElse("?") + " — code " + d.agencyCode().orElse("not in the registry")
                + d.provinceNameTh().map(p -> ", จังหวัด" + p).orElse(""));
        out.println("year        " + d.fiscalYear().map(String::valueOf).orElse("?"));
        out.println("total       " + d.total().map(Object::toString).orElse("?") + "  level " + d.level().orElse("?")
                + d.computedTotal().map(c -> "  (computed from indicators: " + c + ")").orElse(""));
        out.println("indicators");
        d.indicators().forEach(i -> out.printf("  %2d %-28s %6s%s%n", i.number(), i.nameTh(), i.score(),
                i.documentName().equals(i.nameTh()) ? "" : "   (document: " + i.documentName() + ")"));
        d.unmappedIndicators().forEach(name -> out.println("  ?? " + name));
        out.println("weakest questions");
        d.weakestQuestions().forEach(q -> out.printf("  %-4s %6s  %s%n", q.code(), q.score(), q.text()));
        if (!d.warnings().isEmpty()) {
            out.println("warnings");
            d.warnings().forEach(w -> out.println("  - " + w));
        }
    }

}
