package org.itaoversight.api.commands;

import io.dropwizard.core.cli.Command;
import io.dropwizard.core.setup.Bootstrap;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import net.sourceforge.argparse4j.impl.Arguments;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.itaoversight.api.ita.catalog.Catalog;
import org.itaoversight.api.ita.importing.AnalysisCorpusCheck;
import org.itaoversight.api.ita.importing.AnalysisDocumentReader;
import org.itaoversight.api.measures.importing.CorpusCheck;
import org.itaoversight.api.measures.importing.MeasuresReportReader;
import org.itaoversight.tenants.registry.AgencyRegistry;
import org.itaoversight.tenants.registry.NationalRegistryGenerator;
import org.itaoversight.tenants.registry.RegistryCsv;

/**
 * {@code corpus-check DIR [--kind measures|analysis] [--verbose]}: reads every document of a corpus whose content is
 * known ({@code NAME.expected} beside {@code NAME.txt}, {@code .docx}, {@code .pdf}) — measures reports
 * ({@link CorpusCheck}) or ITA analysis documents ({@link AnalysisCorpusCheck}; the kind is told by the expectations
 * when not given) — and prints precision and recall per field and format, and every difference. Exits 1 when anything
 * differs.
 */
public class CorpusCheckCommand extends Command {

    private final PrintStream out;

    public CorpusCheckCommand(PrintStream out) {
        super("corpus-check", "Measures the measures-report or analysis reader on a corpus with known content (precision and recall per field)");
        this.out = out;
    }

    @Override
    public void configure(Subparser subparser) {
        subparser.addArgument("directory").help("the corpus (in the sources: api/src/test/resources/corpus/measures or …/corpus/analysis)");
        subparser.addArgument("--kind").choices("measures", "analysis")
                .help("what the corpus holds (default: analysis when its expectations list indicator scores, else measures)");
        subparser.addArgument("--verbose").action(Arguments.storeTrue()).help("print every difference");
    }

    @Override
    public void run(Bootstrap<?> bootstrap, Namespace namespace) throws Exception {
        AgencyRegistry registry = new NationalRegistryGenerator(2568).generate(RegistryCsv.bundledProvinces(),
                RegistryCsv.bundledSampleAgencies());
        Path directory = Path.of(namespace.getString("directory"));
        String kind = namespace.getString("kind") != null ? namespace.getString("kind")
                : isAnalysisCorpus(directory) ? "analysis" : "measures";
        CorpusCheck.Result result = kind.equals("analysis")
                ? new AnalysisCorpusCheck(new AnalysisDocumentReader(Catalog.bundled(), registry)).check(directory)
                : new CorpusCheck(new MeasuresReportReader(Catalog.bundled(), registry)).check(directory);
        out.printf("%s corpus: ", kind);
        long documents = result.documents().stream().map(CorpusCheck.DocumentResult::document).distinct().count();
        out.printf("%d documents, %d files read%n%n", documents, result.documents().size());
        out.printf("%-8s %-9s %6s %6s %6s %10s %8s%n", "format", "field", "TP", "FP", "FN", "precision", "recall");
        for (Optional<String> format : new Optional[]{Optional.of("txt"), Optional.of("docx"), Optional.of("pdf"), Optional.empty()}) {
            for (Map.Entry<String, CorpusCheck.Count> field : result.totals(format).entrySet()) {
                CorpusCheck.Count c = field.getValue();
                out.printf("%-8s %-9s %6d %6d %6d %9.1f%% %7.1f%%%n", format.orElse("all"), field.getKey(), c.truePositives(),
                        c.falsePositives(), c.falseNegatives(), 100 * c.precision(), 100 * c.recall());
            }
        }
        for (CorpusCheck.DocumentResult document : result.documents()) {
            if (!document.differences().isEmpty()) {
                out.printf("%n%s.%s: %d difference(s)%n", document.document(), document.format(), document.differences().size());
                document.differences().stream().limit(namespace.getBoolean("verbose") ? Long.MAX_VALUE : 5)
                        .forEach(d -> out.println("  - " + d));
            }
        }
        if (!result.perfect()) {
            throw new IllegalStateException("the reader differs from the corpus's expectations");
        }
    }

    /** Whether a corpus's expectations are of analysis documents (they list indicator scores). */
    private static boolean isAnalysisCorpus(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".expected")).toList()) {
                if (Files.readAllLines(file, StandardCharsets.UTF_8).stream().anyMatch(l -> l.startsWith("indicator "))) {
                    return true;
                }
            }
        }
        return false;
    }
}
