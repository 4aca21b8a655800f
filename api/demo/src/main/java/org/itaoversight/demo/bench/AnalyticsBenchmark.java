package org.itaoversight.demo.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.itaoversight.embedded.clickhouse.ChdbLibrary;
import org.itaoversight.embedded.clickhouse.EmbeddedClickHouse;
import org.itaoversight.embedded.postgres.EmbeddedPostgresServer;
import org.itaoversight.api.ita.analytics.AnalyticsDao;
import org.itaoversight.api.ita.catalog.Catalog;
import org.itaoversight.api.ita.loading.ResultFile;
import org.itaoversight.api.ita.loading.ResultFileReader;
import org.itaoversight.api.ita.loading.ResultLoader;
import org.itaoversight.demo.synthetic.NationalResultsGenerator;
import org.itaoversight.api.registry.RegistryLoader;
import org.itaoversight.migrations.clickhouse.ClickHouseMigrator;
import org.itaoversight.migrations.clickhouse.ClickHouseScripts;
import org.itaoversight.migrations.postgres.PostgresMigrator;
import org.itaoversight.tenants.registry.AgencyRegistry;
import org.itaoversight.tenants.registry.NationalRegistryGenerator;
import org.itaoversight.tenants.registry.RegistryCsv;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.postgresql.PGConnection;

/**
 * The analytics benchmark: the synthetic national dataset (8 years) loaded into ClickHouse by the product's loader
 * and into PostgreSQL, ClickHouse's own CSV insert of the same question file as the baseline, then every analytics
 * query many times on both (ClickHouse through the production DAO, PostgreSQL through equivalent SQL), p50/p95.
 * Everything runs on private embedded servers in a temporary directory.
 */
public final class AnalyticsBenchmark {

    private static final String PROVINCE = "30";
    private static final int YEAR = 2568;
    private static final int RUNS = 40;
    private static final int WARMUP = 5;

    private final PrintStream out;
    private final Path work;
    private final int scale;

    public AnalyticsBenchmark(PrintStream out, Path work, int scale) {
        this.out = out;
        this.work = work;
        this.scale = scale;
    }

    public void run() throws Exception {
        Catalog catalog = Catalog.bundled();
        AgencyRegistry registry = new NationalRegistryGenerator(2568).generate(RegistryCsv.bundledProvinces(),
                RegistryCsv.bundledSampleAgencies());
        Path data = work.resolve("dataset");
        long t0 = System.nanoTime();
        NationalResultsGenerator.Written written = new NationalResultsGenerator(catalog, 2568).write(registry, 2561, YEAR, data);
        out.printf("dataset: %,d results, %,d question scores (8 years) generated in %.1f s%n", written.resultRows(),
                written.questionRows(), seconds(t0));

        try (BenchServers servers = new BenchServers(work)) {
            EmbeddedClickHouse clickhouse = servers.clickhouse;
            Jdbi pg = servers.pg;
            Jdbi ch = servers.ch;
            new RegistryLoader(pg, ch, Clock.systemUTC()).load(registry, "bench");

            ResultFileReader reader = new ResultFileReader(catalog, registry);
            ResultLoader loader = new ResultLoader(ch, pg, Clock.systemUTC());
            ResultLoader.Loader who = new ResultLoader.Loader("bench", "bench");
            List<ResultFile> wide = new ArrayList<>();
            long parseNanos = 0;
            long loadNanos = 0;
            long rows = 0;
            for (Path file : written.files()) {
                long start = System.nanoTime();
                ResultFile parsed = reader.read(file.getFileName().toString(), Files.readAllBytes(file));
                long parsedAt = System.nanoTime();
                loader.load(parsed, who);
                loadNanos += System.nanoTime() - parsedAt;
                parseNanos += parsedAt - start;
                rows += parsed.rows();
                if (file.getFileName().toString().startsWith("ita-results-")) {
                    wide.add(parsed);
                }
            }
            out.printf("load into ClickHouse: %,d rows; read+check %.1f s, insert+swap %.1f s; %,.0f rows/s end to end%n",
                    rows, parseNanos / 1e9, loadNanos / 1e9, rows / ((parseNanos + loadNanos) / 1e9));

            Path questions = data.resolve("ita-questions-2567.csv");
            long ours = System.nanoTime();
            ResultFile year = reader.read(questions.getFileName().toString(), Files.readAllBytes(questions));
            loader.load(year, who);
            double oursSeconds = seconds(ours);
            double native_ = clickhouseCsvInsert(clickhouse, questions);
            out.printf("one national year of question scores (%,d rows): our loader %.2f s, ClickHouse INSERT … FORMAT CSV"
                    + " %.2f s, ratio %.2f×%n", year.rows(), oursSeconds, native_, oursSeconds / native_);

            loadPostgres(pg, wide);
            if (scale > 1) {
                scaleUp(ch, pg);
            }
            out.printf("rows per engine: ClickHouse %,d, PostgreSQL %,d (scale %d)%n",
                    ch.withHandle(h -> h.createQuery("SELECT count() FROM ita_result").mapTo(Long.class).one()),
                    pg.withHandle(h -> h.createQuery("SELECT count(*) FROM bench_ita_result").mapTo(Long.class).one()), scale);

            AnalyticsDao dao = ch.onDemand(AnalyticsDao.class);
            BigDecimal pass = catalog.passMark();
            Map<String, Runnable> clickhouseQueries = new LinkedHashMap<>();
            clickhouseQueries.put("ranking (province, year)", () -> dao.ranking(PROVINCE, YEAR));
            clickhouseQueries.put("pass rates by type (province)", () -> dao.passRates(PROVINCE, YEAR, pass));
            clickhouseQueries.put("weakest indicators (province)", () -> dao.weakestIndicators(PROVINCE, YEAR));
            clickhouseQueries.put("agency x indicator matrix", () -> dao.matrix(PROVINCE, YEAR));
            clickhouseQueries.put("province trend (8 years)", () -> dao.yearSummaries(PROVINCE, pass));
            clickhouseQueries.put("national trend (8 years)", () -> dao.yearSummaries(null, pass));
            clickhouseQueries.put("pass rates by province", () -> dao.passRatesByProvince(YEAR, pass));
            clickhouseQueries.put("movers (province)", () -> dao.movers(PROVINCE, YEAR, 10));
            Map<String, String> postgresQueries = PostgresQueries.all(PROVINCE, YEAR, pass);

            out.printf("%n%-32s %10s %10s %10s %10s %8s%n", "query", "CH p50 ms", "CH p95 ms", "PG p50 ms", "PG p95 ms", "PG/CH");
            for (Map.Entry<String, Runnable> query : clickhouseQueries.entrySet()) {
                double[] c = time(ignored -> query.getValue().run());
                String sql = postgresQueries.get(query.getKey());
                double[] p = time(ignored -> pg.useHandle(h -> h.createQuery(sql).mapToMap().list()));
                out.printf("%-32s %10.1f %10.1f %10.1f %10.1f %7.1f×%n", query.getKey(), c[0], c[1], p[0], p[1], p[0] / c[0]);
            }
        }
    }

    private static double[] time(Consumer<Integer> query) {
        for (int i = 0; i < WARMUP; i++) {
            query.accept(i);
        }
        double[] millis = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            query.accept(i);
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        java.util.Arrays.sort(millis);
        return new double[] {millis[RUNS / 2], millis[(int) Math.ceil(RUNS * 0.95) - 1]};
    }

    private static double clickhouseCsvInsert(EmbeddedClickHouse clickhouse, Path csv) throws IOException, InterruptedException {
        clickhouse.query("CREATE TABLE bench.csv_questions (agency_code String, fiscal_year UInt16, code String, "
                + "score Decimal(5, 2)) ENGINE = MergeTree ORDER BY agency_code");
        long start = System.nanoTime();
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + clickhouse.httpPort()
                            + "/?query=" + URLEncoder.encode("INSERT INTO bench.csv_questions FORMAT CSVWithNames", StandardCharsets.UTF_8)))
                    .POST(HttpRequest.BodyPublishers.ofFile(csv)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("ClickHouse CSV insert failed: " + response.body());
            }
        }
        return seconds(start);
    }

    private static void loadPostgres(Jdbi pg, List<ResultFile> wide) throws Exception {
        pg.useHandle(h -> h.execute("""
                CREATE TABLE bench_ita_result (fiscal_year int NOT NULL, province_code text NOT NULL, agency_code text NOT NULL,
                    agency_type text NOT NULL, total numeric(5,2) NOT NULL, level text NOT NULL, indicator_scores numeric(5,2)[],
                    PRIMARY KEY (province_code, fiscal_year, agency_code))"""));
        StringBuilder copy = new StringBuilder();
        wide.forEach(file -> file.results().forEach(r -> copy.append(r.fiscalYear()).append('\t').append(r.agency().provinceCode())
                .append('\t').append(r.agency().code()).append('\t').append(r.agency().type().name()).append('\t')
                .append(r.total().toPlainString()).append('\t').append(r.level()).append('\t')
                .append(r.indicators().stream().map(s -> s == null ? "NULL" : s.toPlainString())
                        .collect(java.util.stream.Collectors.joining(",", "{", "}"))).append('\n')));
        try (Connection connection = pg.open().getConnection()) {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY bench_ita_result FROM STDIN",
                    new java.io.StringReader(copy.toString()));
        }
        pg.useHandle(h -> h.execute("CREATE INDEX ON bench_ita_result (fiscal_year)"));
        pg.useHandle(h -> h.execute("ANALYZE bench_ita_result"));
    }

    private void scaleUp(Jdbi ch, Jdbi pg) {
        long start = System.nanoTime();
        ch.useHandle(h -> h.execute("INSERT INTO ita_result SELECT r.fiscal_year, r.province_code, concat(r.agency_code, '-', "
                + "toString(n.number + 1)), r.agency_type, r.total, r.level, r.level_published, r.iit, r.eit, r.oit, "
                + "r.indicator_scores, r.catalog_framework, r.load_id, r.loaded_at FROM ita_result AS r, numbers(" + (scale - 1)
                + ") AS n"));
        pg.useHandle(h -> h.execute("INSERT INTO bench_ita_result SELECT fiscal_year, province_code, agency_code || '-' || g, "
                + "agency_type, total, level, indicator_scores FROM bench_ita_result, generate_series(1, " + (scale - 1) + ") g"));
        pg.useHandle(h -> h.execute("ANALYZE bench_ita_result"));
        out.printf("scaled both engines ×%d in %.1f s%n", scale, seconds(start));
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
