package org.itaoversight.api.ita;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.itaoversight.api.ita.catalog.Catalog;
import org.itaoversight.api.ita.importing.AnalysisCorpusCheck;
import org.itaoversight.api.ita.importing.AnalysisDocumentReader;
import org.itaoversight.api.measures.importing.CorpusCheck;
import org.itaoversight.tenants.registry.NationalRegistryGenerator;
import org.itaoversight.tenants.registry.RegistryCsv;
import org.junit.jupiter.api.Test;

/**
 * The analysis reader over the corpus of analysis layouts (api/src/test/resources/corpus/analysis: each document as
 * text, Word and PDF, with its agency, registry code, year, total, level, every indicator score, every weakest
 * question and the warnings it must give expected in its {@code .expected}).
 */
class AnalysisCorpusTest {

    private final AnalysisDocumentReader reader = new AnalysisDocumentReader(Catalog.bundled(),
            new NationalRegistryGenerator(2568).generate(RegistryCsv.bundledProvinces(), RegistryCsv.bundledSampleAgencies()));

    private static Path corpus() throws URISyntaxException {
        return Path.of(AnalysisCorpusTest.class.getResource("/corpus/analysis").toURI());
    }

    @Test
    void everyDocumentOfTheCorpusIsReadAsExpectedInEveryFormat() throws Exception {
        CorpusCheck.Result result = new AnalysisCorpusCheck(reader).check(corpus());

        assertThat(result.documents().stream().map(CorpusCheck.DocumentResult::document).distinct().count()).isGreaterThanOrEqualTo(12);
        for (String format : List.of("txt", "docx", "pdf")) {
            assertThat(result.documents().stream().filter(d -> d.format().equals(format)).count()).as(format).isGreaterThanOrEqualTo(12);
        }
        assertThat(result.documents().stream()
                .flatMap(d -> d.differences().stream().map(difference -> d.document() + "." + d.format() + ": " + difference))
                .toList()).isEmpty();
        Map<String, CorpusCheck.Count> totals = result.totals(Optional.empty());
        assertThat(totals.get("indicator").truePositives()).isGreaterThanOrEqualTo(12 * 10 * 3);
        assertThat(totals.get("question").truePositives()).isGreaterThanOrEqualTo(25 * 3);
        assertThat(totals.values()).allSatisfy(c -> {
            assertThat(c.precision()).isEqualTo(1.0);
            assertThat(c.recall()).isEqualTo(1.0);
        });
    }
}
