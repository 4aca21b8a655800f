package org.itaoversight.demo.seeding;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.itaoversight.api.ita.catalog.Catalog;
import org.itaoversight.api.ita.importing.AnalysisDocument;
import org.itaoversight.api.ita.importing.AnalysisDocumentReader;
import org.itaoversight.api.ita.loading.ResultFile;
import org.itaoversight.api.ita.loading.ResultFileReader;
import org.itaoversight.api.ita.loading.ResultLoadException;
import org.itaoversight.api.ita.loading.ResultLoader;
import org.itaoversight.api.measures.MeasureService;
import org.itaoversight.api.measures.importing.MeasuresReportImporter;
import org.itaoversight.api.measures.importing.MeasuresReportReader;
import org.itaoversight.tenants.access.OversightPrincipal;
import org.itaoversight.tenants.access.Role;
import org.itaoversight.tenants.registry.AgencyRegistry;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agencies' own documents in the demo, loaded over the synthetic results through the regular importers, so the
 * demo's sample agencies show their real published figures and measures: อบต.บางระกำ's ITA analysis of 2565 (total
 * 89.79, level A, indicator and weakest question scores) replaces its synthetic 2565 row, and the measures reports of
 * อบต.ถ้ำรงค์ (2564) and อบต.ต่างอย (2566) become their measures of those years.
 */
public final class DemoDocuments {

    public static final String ANALYSIS = "ita-analysis-bangrakam-2565.txt";
    public static final List<String> MEASURE_REPORTS = List.of("measures-report-thamrong-2564.txt", "measures-report-tangoi-2566.txt");
    private static final String DIRECTORY = "/demo/samples/";
    private static final Logger LOG = LoggerFactory.getLogger(DemoDocuments.class);
    private static final OversightPrincipal DEMO = new OversightPrincipal("demo", "demo", Set.of(Role.PLATFORM_ADMIN),
            Optional.empty(), Optional.empty());

    private final Catalog catalog;
    private final Jdbi clickhouse;
    private final Jdbi postgres;
    private final MeasureService measures;

    public DemoDocuments(Catalog catalog, Jdbi clickhouse, Jdbi postgres, MeasureService measures) {
        this.catalog = catalog;
        this.clickhouse = clickhouse;
        this.postgres = postgres;
        this.measures = measures;
    }

    /** Whether the documents were loaded before (their analysis is in the load history). */
    public boolean loaded() {
        return postgres.withHandle(h -> h.createQuery("SELECT count(*) FROM ita_load WHERE file_name = :name")
                .bind("name", ANALYSIS + "#results").mapTo(Long.class).one()) > 0;
    }

    /** Loads the documents once: a demo whose data already holds them is left as it is. */
    public void loadOnce(AgencyRegistry registry) {
        if (!loaded()) {
            load(registry);
        }
    }

    public void load(AgencyRegistry registry) {
        AnalysisDocument analysis = new AnalysisDocumentReader(catalog, registry).read(ANALYSIS, sample(ANALYSIS));
        ResultFileReader reader = new ResultFileReader(catalog, registry);
        ResultLoader loader = new ResultLoader(clickhouse, postgres, Clock.systemUTC());
        for (ResultFile file : List.of(reader.read(ANALYSIS + "#results", analysis.toWideCsv().getBytes(StandardCharsets.UTF_8)),
                reader.read(ANALYSIS + "#weakest-questions", analysis.toLongCsv().getBytes(StandardCharsets.UTF_8)))) {
            if (!file.isValid()) {
                throw new ResultLoadException(file.fileName(), file.problems());
            }
            if (file.rows() > 0) {
                loader.load(file, new ResultLoader.Loader("demo", "demo"));
            }
        }
        MeasuresReportImporter importer = new MeasuresReportImporter(() -> new MeasuresReportReader(catalog, registry), measures);
        for (String report : MEASURE_REPORTS) {
            MeasuresReportImporter.ImportResult imported = importer.importReport(DEMO, report, sample(report), Optional.empty(),
                    Optional.empty(), false);
            LOG.info("Demo document {}: {} measures of {} for {}", report, imported.report().measures().size(),
                    imported.agencyCode(), imported.fiscalYear());
        }
        LOG.info("Demo document {}: {} {} total {} level {}", ANALYSIS, analysis.agencyCode().orElse("?"),
                analysis.fiscalYear().orElse(0), analysis.total().orElse(null), analysis.level().orElse("?"));
    }

    private static byte[] sample(String name) {
        try (InputStream in = DemoDocuments.class.getResourceAsStream(DIRECTORY + name)) {
            if (in == null) {
                throw new IllegalStateException("demo sample " + name + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
