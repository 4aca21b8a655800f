package org.itaoversight.demo.seeding;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.jackson.Jackson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.itaoversight.api.ita.analytics.AnalyticsDao;
import org.itaoversight.api.ita.catalog.Catalog;
import org.itaoversight.api.measures.Measure;
import org.itaoversight.api.measures.MeasureDao;
import org.itaoversight.api.measures.MeasureService;
import org.itaoversight.api.registry.RegistryConfiguration;
import org.itaoversight.api.registry.RegistryDao;
import org.itaoversight.api.registry.RegistryLoader;
import org.itaoversight.api.registry.RegistrySource;
import org.itaoversight.api.reports.ReportData;
import org.itaoversight.api.reports.ReportPdfs;
import org.itaoversight.embedded.clickhouse.ChdbLibrary;
import org.itaoversight.embedded.clickhouse.EmbeddedClickHouse;
import org.itaoversight.embedded.postgres.EmbeddedPostgresServer;
import org.itaoversight.migrations.clickhouse.ClickHouseMigrator;
import org.itaoversight.migrations.clickhouse.ClickHouseScripts;
import org.itaoversight.migrations.postgres.PostgresMigrator;
import org.itaoversight.tenants.registry.Agency;
import org.itaoversight.tenants.registry.AgencyRegistry;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The demo's own documents on real PostgreSQL and ClickHouse (embedded), through the regular importers: อบต.บางระกำ's
 * 2565 report then shows the published 89.79 and level A with its weakest questions, the measures reports of ถ้ำรงค์
 * and ต่างอย become their measures, and the generated measures fill every other agency-year with results.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoDocumentsTest {

    private EmbeddedPostgresServer postgresServer;
    private EmbeddedClickHouse clickhouseServer;
    private Jdbi postgres;
    private Jdbi clickhouse;
    private AgencyRegistry registry;
    private final Catalog catalog = Catalog.bundled();

    @BeforeAll
    void start() throws Exception {
        Path work = Files.createTempDirectory("demo-documents-");
        postgresServer = EmbeddedPostgresServer.start(work.resolve("postgres"), 0);
        clickhouseServer = EmbeddedClickHouse.start(new EmbeddedClickHouse.Settings(work.resolve("clickhouse"),
                ChdbLibrary.locate(ChdbLibrary.defaultCacheDirectory()), 0, 0, 1L << 30, Duration.ofSeconds(60)));
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(postgresServer.jdbcUrl());
        new PostgresMigrator(dataSource).migrate();
        new ClickHouseMigrator(database -> java.sql.DriverManager.getConnection(clickhouseServer.jdbcUrl(database)), "ita",
                ClickHouseScripts.bundled(), Clock.systemUTC()).migrate("test");
        postgres = Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin());
        clickhouse = Jdbi.create(clickhouseServer.jdbcUrl("ita")).installPlugin(new SqlObjectPlugin());
        RegistrySource source = new RegistrySource(new RegistryConfiguration());
        registry = source.load();
        new RegistryLoader(postgres, clickhouse, Clock.systemUTC()).load(registry, source.describe());
        DemoDocuments documents = new DemoDocuments(catalog, clickhouse, postgres,
                new MeasureService(postgres, Jackson.newObjectMapper(), Clock.systemUTC()));
        assertThat(documents.loaded()).isFalse();
        documents.loadOnce(registry);
        assertThat(documents.loaded()).isTrue();
        documents.loadOnce(registry); // a second start changes nothing
    }

    @AfterAll
    void stop() {
        if (clickhouseServer != null) {
            clickhouseServer.close();
        }
        if (postgresServer != null) {
            postgresServer.close();
        }
    }

    @Test
    void bangRakamsReportOf2565ShowsThePublishedFigures() throws Exception {
        ReportData data = new ReportData(clickhouse.onDemand(AnalyticsDao.class), postgres.onDemand(MeasureDao.class),
                postgres.onDemand(RegistryDao.class), catalog, Clock.systemUTC());
        Agency bangRakam = postgres.onDemand(RegistryDao.class).findAgency("6730301").orElseThrow().toAgency();
        byte[] pdf = new ReportPdfs(data, Clock.systemUTC()).agency(bangRakam, catalog.framework(2565).orElseThrow(), 2565,
                Optional.empty(), false);

        String text = pdftotext(pdf);
        assertThat(text).contains("องค์การบริหารส่วนตำบลบางระกำ", "คะแนนรวม89.79", "ระดับA", "O20รายงานผลการใช้จ่ายงบประมาณประจำปี");
    }

    @Test
    void theMeasuresReportsBecomeMeasuresAndTheRestAreGenerated() {
        MeasureDao measures = postgres.onDemand(MeasureDao.class);
        assertThat(measures.list("6760401", 2564, null)).hasSizeGreaterThanOrEqualTo(3);
        assertThat(measures.list("6111101", 2566, null)).isNotEmpty();
        List<Measure> imported = measures.list("6760401", 2564, null);

        int generated = new DemoMeasures(clickhouse, postgres, 2568).seedIfFew(LocalDate.of(2026, 12, 1));

        // Only บางระกำ 2565 has results here: its measures are generated, aimed at its weakest indicator (2, 75.12).
        assertThat(generated).isBetween(2, 4);
        List<Measure> bangRakam = measures.list("6730301", 2565, null);
        assertThat(bangRakam).hasSize(generated);
        assertThat(bangRakam.stream().flatMap(m -> m.targets().stream())).contains("indicator:2");
        assertThat(measures.list("6760401", 2564, null)).isEqualTo(imported);
        // Not again once there are measures.
        assertThat(new DemoMeasures(clickhouse, postgres, 2568).seed(LocalDate.of(2026, 12, 1))).isZero();
    }

    private static String pdftotext(byte[] pdf) throws Exception {
        Path file = Files.createTempFile("report", ".pdf");
        try {
            Files.write(file, pdf);
            Process process = new ProcessBuilder("pdftotext", "-enc", "UTF-8", file.toString(), "-").start();
            String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            return text.replaceAll("\\s+", "");
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
