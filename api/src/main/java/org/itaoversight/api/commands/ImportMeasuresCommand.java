package org.itaoversight.api.commands;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.dropwizard.core.setup.Bootstrap;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import net.sourceforge.argparse4j.impl.Arguments;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.itaoversight.api.OversightConfiguration;
import org.itaoversight.api.ita.catalog.Catalog;
import org.itaoversight.api.measures.MeasureService;
import org.itaoversight.api.measures.importing.ImportedMeasure;
import org.itaoversight.api.measures.importing.MeasuresReportImporter;
import org.itaoversight.api.measures.importing.MeasuresReportReader;
import org.itaoversight.api.measures.importing.ReadingChoices;
import org.itaoversight.api.measures.importing.TableReading;
import org.itaoversight.api.registry.RegistryConfiguration;
import org.itaoversight.api.registry.RegistryLoader;
import org.itaoversight.api.registry.RegistrySource;
import org.itaoversight.tenants.access.OversightPrincipal;
import org.itaoversight.tenants.access.Role;
import org.itaoversight.tenants.registry.AgencyRegistry;

/**
 * {@code import-measures FILE [--agency CODE] [--year YEAR] [--dry-run] [--json]}: reads an agency's measures report
 * and prints the measures it found (number, title, targets, steps, responsible units, period text and dates, output,
 * outcome, warnings). Without {@code --dry-run} it stores them for the agency, in one transaction.
 */
public class ImportMeasuresCommand extends DocumentCommand {

    public ImportMeasuresCommand(PrintStream out) {
        super("import-measures", "Reads an agency's measures report (measures-report-*.txt) and stores its measures", out);
    }

    @Override
    public void configure(Subparser subparser) {
        super.configure(subparser);
        subparser.addArgument("--agency").help("the agency code (default: the agency the document names)");
        subparser.addArgument("--year").type(Integer.class).help("the fiscal year, พ.ศ. (default: the document's)");
        subparser.addArgument("--columns").help("column mapping after a first reading: TABLE.COLUMN=ROLE,… e.g. 1.0=MEASURE,1.1=STEPS,1.2=UNITS"
                + " (roles: MEASURE NUMBER STEPS UNITS PERIOD OUTPUT OUTCOME TARGET ISSUE EVIDENCE NOTES IGNORE)");
        subparser.addArgument("--fiscal-year").dest("fiscalYear").type(Integer.class)
                .help("the fiscal year, พ.ศ., overriding the document's (when it is missing or wrong)");
    }

    @Override
    protected void run(Bootstrap<OversightConfiguration> bootstrap, Namespace namespace, OversightConfiguration configuration)
            throws Exception {
        Path file = document(namespace);
        RegistryConfiguration registryConfiguration = registry(namespace, configuration);
        AgencyRegistry registry = new RegistrySource(registryConfiguration).load();
        MeasuresReportReader reader = new MeasuresReportReader(Catalog.bundled(), registry);
        Optional<String> agency = Optional.ofNullable(namespace.getString("agency"));
        Optional<Integer> year = Optional.ofNullable(namespace.getInt("year"));
        ObjectMapper json = bootstrap.getObjectMapper().copy().enable(SerializationFeature.INDENT_OUTPUT)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        String user = System.getProperty("user.name", "cli");
        OversightPrincipal cli = new OversightPrincipal("cli:" + user, user, Set.of(Role.PLATFORM_ADMIN), Optional.empty(), Optional.empty());
        byte[] content = Files.readAllBytes(file);
        ReadingChoices choices = ReadingChoices.parse(namespace.getString("columns"), Optional.ofNullable(namespace.getInt("fiscalYear")));
        MeasuresReportImporter.ImportResult result;
        if (namespace.getBoolean("dryRun")) {
            result = new MeasuresReportImporter(() -> reader, null).importReport(cli, file.getFileName().toString(), content,
                    agency, year, choices, true);
        } else {
            try (CommandDatabases opened = CommandDatabases.open(bootstrap, configuration, "import-measures command", false)) {
                // The registry the document is matched against, stored first so the agency exists in PostgreSQL.
                new RegistryLoader(opened.databases().postgres(), opened.databases().clickhouse(), Clock.systemUTC())
                        .load(registry, new RegistrySource(registryConfiguration).describe());
                MeasureService service = new MeasureService(opened.databases().postgres(), json, Clock.systemUTC());
                result = new MeasuresReportImporter(() -> reader, service).importReport(cli, file.getFileName().toString(),
                        content, agency, year, choices, false);
            }
        }
        if (namespace.getBoolean("json")) {
            out.println(json.writeValueAsString(result));
        } else {
            printText(result);
        }
    }

    private void printText(MeasuresReportImporter.ImportResult result) {
        var report = result.report();
        out.println("file        " + report.source() + " (" + report.format() + ", " + report.encoding() + ")");
        out.println("agency      " + report.agencyNameTh().orElse("?") + " — code " + result.agencyCode().orElse("?")
                + " (" + report.agency().outcome() + ")");
        report.agency().candidates().forEach(c -> out.println("  candidate " + c.code() + " " + c.nameTh() + " อำเภอ"
                + c.districtTh() + " (province " + c.provinceCode() + ")"));
        out.println("year        " + result.fiscalYear().map(String::valueOf).orElse("?"));
        out.println("measures    " + report.measures().size());
        for (TableReading table : report.tables()) {
            out.printf("%n  table %d (%s) read %s, %d measure(s)%n", table.table(), table.where(), table.source(), table.measures());
            for (TableReading.ColumnReading column : table.columns()) {
                out.printf("     column %d %-9s %.2f  \"%s\"  %s%n", column.column(), column.role(), column.confidence(),
                        abbreviate(column.header()), column.why());
            }
            table.problems().forEach(p -> out.println("     ! " + p));
        }
        for (ImportedMeasure m : report.measures()) {
            out.printf("%n  %d. %s%n", m.number(), m.title().replace('\n', ' '));
            out.println("     targets  " + (m.targets().isEmpty() ? "—" : String.join(", ", m.targets())));
            out.println("     units    " + String.join(" | ", m.responsibleUnits()));
            out.println("     period   " + m.period().text().replace('\n', ' ') + "  →  " + m.period().start().map(Object::toString).orElse("?")
                    + " … " + m.period().end().map(Object::toString).orElse("?") + (m.period().recurring() ? "  (recurring)" : ""));
            out.println("     lines    " + m.lines());
        }
        if (!report.allWarnings().isEmpty()) {
            out.println();
            out.println("warnings");
            report.allWarnings().forEach(w -> out.println("  - " + w));
        }
        if (!result.problems().isEmpty()) {
            out.println();
            out.println("problems (" + (result.storable() ? "notes only: it can be stored"
                    : "nothing can be stored until those marked ! are solved") + ")");
            result.issues().forEach(issue -> out.println("  " + (issue.blocking() ? "! " : "- ") + issue.messageTh()));
        }
        result.stored().ifPresentOrElse(
                counts -> out.println("\nstored: " + counts.created() + " created, " + counts.updated() + " updated, "
                        + counts.unchanged() + " unchanged" + (counts.notInDocument().isEmpty() ? ""
                        : "; already stored but not in this document: " + counts.notInDocument())),
                () -> out.println("\ndry run: nothing stored"));
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
