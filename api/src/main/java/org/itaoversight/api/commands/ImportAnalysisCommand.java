package org.itaoversight.api.commands;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.dropwizard.core.cli.Command;
import io.dropwizard.core.setup.Bootstrap;
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
import org.itaoversight.api.registry.RegistrySource;

/**
 * {@code import-analysis FILE --dry-run [--json]}: reads an agency's analysis of its ITA result and prints what it
 * found — agency, year, total, level, the indicator scores mapped to the catalog (and what it could not map), the
 * weakest questions and every warning.
 */
public class ImportAnalysisCommand extends Command {

    private final PrintStream out;

    public ImportAnalysisCommand(PrintStream out) {
        super("import-analysis", "Reads an agency's ITA analysis document (ita-analysis-*.txt) and prints what it found");
        this.out = out;
    }

    @Override
    public void configure(Subparser subparser) {
        subparser.addArgument("file").help("the analysis document (text, UTF-8 or TIS-620)");
        subparser.addArgument("--dry-run").action(Arguments.storeTrue()).dest("dryRun")
                .help("only read and print; load nothing");
        subparser.addArgument("--json").action(Arguments.storeTrue()).help("print JSON");
        subparser.addArgument("--agencies").help("agency code list (CSV) to match against; default: the generated registry");
    }

    @Override
    public void run(Bootstrap<?> bootstrap, Namespace namespace) throws Exception {
        if (!namespace.getBoolean("dryRun")) {
            throw new IllegalArgumentException("loading analysis documents into the results is not available yet: "
                    + "run with --dry-run to read the document (see issue: ITA results)");
        }
        Path file = Path.of(namespace.getString("file"));
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no such file: " + file);
        }
        RegistryConfiguration registryConfiguration = new RegistryConfiguration();
        registryConfiguration.setAgenciesFile(namespace.getString("agencies"));
        AnalysisDocument document = new AnalysisDocumentReader(Catalog.bundled(),
                new RegistrySource(registryConfiguration).load()).read(file.toString(), Files.readAllBytes(file));
        if (namespace.getBoolean("json")) {
            ObjectMapper json = bootstrap.getObjectMapper().copy().enable(SerializationFeature.INDENT_OUTPUT);
            out.println(json.writeValueAsString(document));
        } else {
            printText(document);
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

    @Override
    public void onError(io.dropwizard.core.cli.Cli cli, Namespace namespace, Throwable error) {
        CommandErrors.print(cli, "import-analysis", error);
    }
}
