package org.itaoversight.demo.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.itaoversight.migrations.clickhouse.ClickHouseMigrator;
import org.itaoversight.migrations.clickhouse.ClickHouseScripts;
import org.itaoversight.embedded.clickhouse.ChdbLibrary;
import org.itaoversight.embedded.clickhouse.EmbeddedClickHouse;
import org.itaoversight.embedded.postgres.EmbeddedPostgresServer;
import org.itaoversight.api.ita.analytics.AnalyticsDao;
import org.itaoversight.api.ita.catalog.Catalog;
import org.itaoversight.api.ita.catalog.Framework;
import org.itaoversight.demo.seeding.DemoResults;
import org.itaoversight.api.measures.MeasureDao;
import org.itaoversight.api.registry.ProvinceView;
import org.itaoversight.api.registry.RegistryDao;
import org.itaoversight.api.registry.RegistryLoader;
import org.itaoversight.api.reports.ReportData;
import org.itaoversight.api.reports.ReportPdfs;
import org.itaoversight.migrations.postgres.PostgresMigrator;
import org.itaoversight.tenants.registry.Agency;
import org.itaoversight.tenants.registry.AgencyRegistry;
import org.itaoversight.tenants.registry.NationalRegistryGenerator;
import org.itaoversight.tenants.registry.RegistryCsv;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * The reports benchmark: the generated national registry with eight years of synthetic results and five measures
 * per agency, on private embedded servers; then an agency PDF, the PDF of the largest province, and the whole
 * monthly national run (every agency and every province, gathered from the databases and rendered, on as many
 * threads as cores). Prints times and memory; asserts nothing.
 */
public final class ReportsBenchmark {

    private static final int YEAR = 2568;

    private final PrintStream out;
    private final Path work;

    public ReportsBenchmark(PrintStream out, Path work) {
        this.out = out;
        this.work = work;
    }

    public void run() throws Exception {
        Catalog catalog = Catalog.bundled();
        Framework framework = catalog.framework(YEAR).orElseThrow();
        AgencyRegistry registry = new NationalRegistryGenerator(2568).generate(RegistryCsv.bundledProvinces(),
                RegistryCsv.bundledSampleAgencies());
        try (BenchServers servers = new BenchServers(work)) {
            EmbeddedClickHouse clickhouse = servers.clickhouse;
            Jdbi pg = servers.pg;
            Jdbi ch = servers.ch;
            long t0 = System.nanoTime();
            new RegistryLoader(pg, ch, Clock.systemUTC()).load(registry, "bench");
            new DemoResults(catalog, ch, pg).seedIfEmpty(registry, work.resolve("results"));
            int measures = pg.withHandle(h -> h.execute("""
                    INSERT INTO measure (agency_code, fiscal_year, number, title, targets, period_start, period_end, period_text,
                                         status, progress, completed_on)
                    SELECT a.code, 2568, n, 'มาตรการที่ ' || n || ' ส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน', ARRAY['indicator:' || n],
                           DATE '2024-10-01' + (n * 30), DATE '2024-10-01' + (n * 60), 'ตุลาคม ๒๕๖๗ - กันยายน ๒๕๖๘',
                           CASE WHEN (hashtext(a.code) + n) % 3 = 0 THEN 'DONE' ELSE 'IN_PROGRESS' END,
                           CASE WHEN (hashtext(a.code) + n) % 3 = 0 THEN 100 ELSE 40 END,
                           CASE WHEN (hashtext(a.code) + n) % 3 = 0 THEN DATE '2024-10-01' + (n * 45) END
                    FROM agency a CROSS JOIN generate_series(1, 5) AS n"""));
            out.printf("data: %,d agencies in %d provinces, results %d–%d, %,d measures, ready in %.1f s%n",
                    registry.agencies().size(), registry.provinces().size(), DemoResults.FIRST_YEAR, DemoResults.LAST_YEAR,
                    measures, (System.nanoTime() - t0) / 1e9);

            RegistryDao registryDao = pg.onDemand(RegistryDao.class);
            Clock clock = Clock.fixed(Instant.parse("2025-09-30T03:00:00Z"), ZoneOffset.UTC);
            ReportPdfs reports = new ReportPdfs(new ReportData(ch.onDemand(AnalyticsDao.class), pg.onDemand(MeasureDao.class),
                    registryDao, catalog, clock), clock);
            Optional<LocalDate> asOf = Optional.of(LocalDate.of(2025, 9, 30));
            Agency agency = registry.agency("6730301").orElseThrow();
            for (int i = 0; i < 5; i++) {
                reports.agency(agency, framework, YEAR, asOf, false);
            }
            double[] agencyMillis = new double[30];
            int agencyBytes = 0;
            for (int i = 0; i < agencyMillis.length; i++) {
                long start = System.nanoTime();
                agencyBytes = reports.agency(agency, framework, YEAR, asOf, false).length;
                agencyMillis[i] = (System.nanoTime() - start) / 1e6;
            }
            report("agency PDF (6730301, gather + render)", agencyMillis, agencyBytes);

            ProvinceView largest = registryDao.listProvinces().stream()
                    .max(java.util.Comparator.comparingInt(ProvinceView::agencyCount)).orElseThrow();
            reports.province(largest, framework, YEAR, asOf, false);
            double[] provinceMillis = new double[8];
            byte[] provincePdf = new byte[0];
            for (int i = 0; i < provinceMillis.length; i++) {
                long start = System.nanoTime();
                provincePdf = reports.province(largest, framework, YEAR, asOf, false);
                provinceMillis[i] = (System.nanoTime() - start) / 1e6;
            }
            Path sample = Files.write(work.resolve("province.pdf"), provincePdf);
            report("province PDF (" + largest.code() + " " + largest.nameTh() + ", " + largest.agencyCount() + " agencies, "
                    + pages(sample) + " pages)", provinceMillis, provincePdf.length);

            int threads = Runtime.getRuntime().availableProcessors();
            AtomicLong bytes = new AtomicLong();
            AtomicLong peakHeap = new AtomicLong();
            long start = System.nanoTime();
            try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
                List<Future<?>> jobs = new ArrayList<>();
                for (Agency each : registry.agencies()) {
                    jobs.add(pool.submit(() -> {
                        bytes.addAndGet(reports.agency(each, framework, YEAR, asOf, false).length);
                        sampleHeap(peakHeap);
                    }));
                }
                for (ProvinceView each : registryDao.listProvinces()) {
                    jobs.add(pool.submit(() -> {
                        bytes.addAndGet(reports.province(each, framework, YEAR, asOf, false).length);
                        sampleHeap(peakHeap);
                    }));
                }
                for (Future<?> job : jobs) {
                    job.get();
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            out.printf("monthly national run: %,d agency + %d province PDFs (%,.0f MB) on %d threads in %.1f s (%.1f min), "
                            + "%.0f PDFs/s; peak heap used %,d MB of %,d MB max; peak RSS %s%n",
                    registry.agencies().size(), registry.provinces().size(), bytes.get() / 1e6, threads, seconds, seconds / 60,
                    (registry.agencies().size() + registry.provinces().size()) / seconds, peakHeap.get() >> 20,
                    Runtime.getRuntime().maxMemory() >> 20, peakRss());
        }
    }

    private void report(String what, double[] millis, int bytes) {
        Arrays.sort(millis);
        out.printf("%s: p50 %.0f ms, p95 %.0f ms, max %.0f ms over %d runs; %,d bytes%n", what, millis[millis.length / 2],
                millis[(int) Math.ceil(millis.length * 0.95) - 1], millis[millis.length - 1], millis.length, bytes);
    }

    private static void sampleHeap(AtomicLong peak) {
        Runtime runtime = Runtime.getRuntime();
        peak.accumulateAndGet(runtime.totalMemory() - runtime.freeMemory(), Math::max);
    }

    private static String pages(Path pdf) {
        try (com.lowagie.text.pdf.PdfReader reader = new com.lowagie.text.pdf.PdfReader(pdf.toString())) {
            return String.valueOf(reader.getNumberOfPages());
        } catch (IOException e) {
            return "?";
        }
    }

    private static String peakRss() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM"))
                    .map(l -> l.replaceAll("\\s+", " ").substring(7)).findFirst().orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }
}
