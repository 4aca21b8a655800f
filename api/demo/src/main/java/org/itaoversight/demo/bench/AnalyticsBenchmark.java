package org.itaoversight.demo.bench;

import java.io.IOException;
import java.io.OutputStream;
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
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.itaoversight.embedded.clickhouse.EmbeddedClickHouse;
import org.itaoversight.api.ita.analytics.AnalyticsDao;
import org.itaoversight.api.ita.analytics.ResultAggregates;
import org.itaoversight.api.ita.catalog.Catalog;
import org.itaoversight.api.ita.loading.ResultFile;
import org.itaoversight.api.ita.loading.ResultFileReader;
import org.itaoversight.api.ita.loading.ResultLoader;
import org.itaoversight.demo.synthetic.NationalResultsGenerator;
import org.itaoversight.api.registry.RegistryLoader;
import org.itaoversight.tenants.registry.AgencyRegistry;
import org.itaoversight.tenants.registry.NationalRegistryGenerator;
import org.itaoversight.tenants.registry.RegistryCsv;
import org.jdbi.v3.core.Jdbi;
import org.postgresql.PGConnection;

/**
 * The analytics benchmark: the synthetic national dataset (8 years) loaded into ClickHouse by the product's loader
 * and into PostgreSQL; ClickHouse's own CSV insert of the same question file as the loader's baseline; the client
 * path (a connection per query against a pool, response compression on and off); then, at each scale (the national
 * results copied N times in both engines), every analytics query many times on both engines — ClickHouse through the
 * production DAO without the cache, PostgreSQL through equivalent SQL, both over pooled connections — with p50/p95,
 * and ClickHouse's own figures for each query from {@code system.query_log} (rows read, peak memory, server time)
 * and {@code EXPLAIN ESTIMATE}. Writes the text and a PNG chart of p95 against scale into the output directory.
 * Everything runs on private embedded servers in a temporary directory.
 */
public final class AnalyticsBenchmark {

    private static final String PROVINCE = "30";
    private static final int YEAR = 2568;
    private static final int RUNS = 40;
    private static final int WARMUP = 5;
    private static final int LOADER_ROUNDS = 3;

    /** One query's figures at one scale. */
    record Timing(double chP50, double chP95, double pgP50, double pgP95) {
    }

    private final PrintStream out;
    private final Path work;
    private final List<Integer> scales;
    private final Path output;

    public AnalyticsBenchmark(PrintStream console, Path work, List<Integer> scales, Path output) throws IOException {
        Files.createDirectories(output);
        this.out = new PrintStream(new Tee(console, Files.newOutputStream(output.resolve("analytics-bench.txt"))), true,
                StandardCharsets.UTF_8);
        this.work = work;
        this.scales = scales.stream().sorted().distinct().toList();
        this.output = output;
    }

    public void run() throws Exception {
        try {
            measure();
        } finally {
            out.flush();
        }
    }

    private void measure() throws Exception {
        Catalog catalog = Catalog.bundled();
        AgencyRegistry registry = new NationalRegistryGenerator(2568).generate(RegistryCsv.bundledProvinces(),
                RegistryCsv.bundledSampleAgencies());
        Path data = work.resolve("dataset");
        long t0 = System.nanoTime();
        NationalResultsGenerator.Written written = new NationalResultsGenerator(catalog, 2568).write(registry, 2561, YEAR, data);
        out.printf("dataset: %,d results, %,d question scores (8 years) generated in %.1f s; %d cores, heap %d MB%n",
                written.resultRows(), written.questionRows(), seconds(t0), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);

        try (BenchServers servers = new BenchServers(work)) {
            EmbeddedClickHouse clickhouse = servers.clickhouse;
            Jdbi pg = servers.pg;
            Jdbi ch = servers.ch;
            new RegistryLoader(pg, ch, Clock.systemUTC()).load(registry, "bench");

            List<ResultFile> wide = loadAll(written, catalog, registry, ch, pg);
            compareLoaderWithCsvInsert(clickhouse, catalog, registry, ch, pg, data.resolve("ita-questions-2567.csv"));
            loadPostgres(pg, wide);

            AnalyticsDao dao = servers.chPooled.onDemand(AnalyticsDao.class);
            clientPath(servers, dao);

            BigDecimal pass = catalog.passMark();
            Map<String, Runnable> clickhouseQueries = new LinkedHashMap<>();
            clickhouseQueries.put("ranking (province, year)", () -> dao.ranking(PROVINCE, YEAR));
            clickhouseQueries.put("pass rates by type (province)", () -> dao.passRates(PROVINCE, YEAR, pass));
            clickhouseQueries.put("weakest indicators (province)", () -> dao.weakestIndicators(PROVINCE, YEAR));
            clickhouseQueries.put("agency x indicator matrix", () -> dao.matrix(PROVINCE, YEAR));
            clickhouseQueries.put("province trend (8 years)", () -> dao.yearSummaries(PROVINCE, pass));
            clickhouseQueries.put("national trend (8 years)", () -> dao.yearSummaries(null, pass));
            clickhouseQueries.put("pass rates by province", () -> dao.passRatesByProvince(YEAR, pass));
            clickhouseQueries.put("movers (province, top 10)", () -> dao.movers(PROVINCE, YEAR, 10));
            Map<String, String> postgresQueries = PostgresQueries.all(PROVINCE, YEAR, pass);

            Map<Integer, Map<String, Timing>> timings = new TreeMap<>();
            int current = 1;
            for (int scale : scales) {
                scaleTo(ch, pg, current, scale);
                current = scale;
                timings.put(scale, timeQueries(servers, clickhouseQueries, postgresQueries, scale));
            }
            summary(timings);
            Path chart = output.resolve("analytics-bench-p95.png");
            P95Chart.write(chart, timings);
            out.printf("%nchart of p95 against scale: %s%ntext: %s%n", chart.toAbsolutePath(),
                    output.resolve("analytics-bench.txt").toAbsolutePath());
        }
    }

    private List<ResultFile> loadAll(NationalResultsGenerator.Written written, Catalog catalog, AgencyRegistry registry,
                                     Jdbi ch, Jdbi pg) throws IOException {
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
        out.printf("load into ClickHouse (each file read whole, then loaded): %,d rows; read+check %.1f s, insert+swap %.1f s; "
                + "%,.0f rows/s end to end%n",
                rows, parseNanos / 1e9, loadNanos / 1e9, rows / ((parseNanos + loadNanos) / 1e9));
        return wide;
    }

    /**
     * One national year of question scores: the product's loader (read, check, insert, swap; the reading overlapped
     * with the insert) against ClickHouse's own CSV insert of the same rows, into two tables: the plain 4-column table
     * of the file as it is, and — the like-for-like one — a table of exactly {@code ita_question_score}'s structure
     * (its 6 loaded columns, LowCardinality, partition and sort key, the load columns defaulted as the loader does).
     * Then the loader's staging insert under other settings, and the same year read whole first and then inserted.
     */
    private void compareLoaderWithCsvInsert(EmbeddedClickHouse clickhouse, Catalog catalog, AgencyRegistry registry, Jdbi ch,
                                            Jdbi pg, Path questions) throws IOException, InterruptedException {
        ResultFileReader reader = new ResultFileReader(catalog, registry);
        ResultLoader.Loader who = new ResultLoader.Loader("bench", "bench");
        byte[] content = Files.readAllBytes(questions);
        String name = questions.getFileName().toString();
        ResultFile whole = reader.read(name, content);
        Path sameRows = work.resolve("question-score-rows.csv");
        writeTableCsv(whole, sameRows);
        double plain = clickhouseCsvInsert(clickhouse, List.of("CREATE TABLE bench.csv_questions (agency_code String, "
                + "fiscal_year UInt16, code String, score Decimal(5, 2)) ENGINE = MergeTree ORDER BY agency_code"),
                "INSERT INTO bench.csv_questions FORMAT CSVWithNames", questions);
        // The like-for-like table: a staging copy of ita_question_score, its load columns defaulted as the loader does.
        quiesce(ch);
        double likeForLike = clickhouseCsvInsert(clickhouse, List.of(
                "CREATE TABLE bench.csv_question_score AS bench.ita_question_score",
                "ALTER TABLE bench.csv_question_score MODIFY COLUMN load_id String DEFAULT 'bench', MODIFY COLUMN loaded_at "
                        + "DateTime64(3, 'UTC') DEFAULT now64(3, 'UTC')"),
                "INSERT INTO bench.csv_question_score (fiscal_year, province_code, agency_code, question, indicator, score) "
                        + "FORMAT CSV", sameRows);

        ResultLoader loader = new ResultLoader(ch, pg, Clock.systemUTC(), java.util.Optional.empty(),
                ResultLoader.StagingInsert.PRODUCT);
        // Three rounds, each: the like-for-like CSV insert, the loader streaming, the loader reading whole first; the
        // medians, so that the three meet the same load of the shared machine. Each starts once ClickHouse merges
        // nothing (the previous insert's parts merge in the background).
        double[] csvRuns = new double[LOADER_ROUNDS];
        double[] streamedRuns = new double[LOADER_ROUNDS];
        double[] readFirstRuns = new double[LOADER_ROUNDS];
        ResultLoader.Phases[] streamedPhases = new ResultLoader.Phases[LOADER_ROUNDS];
        ResultLoader.Phases[] readFirstPhases = new ResultLoader.Phases[LOADER_ROUNDS];
        double[] readFirstReads = new double[LOADER_ROUNDS];
        for (int round = 0; round < LOADER_ROUNDS; round++) {
            if (round > 0) {
                quiesce(ch);
            }
            csvRuns[round] = round == 0 ? likeForLike : clickhouseCsvInsert(clickhouse, List.of(
                    "TRUNCATE TABLE bench.csv_question_score"), "INSERT INTO bench.csv_question_score (fiscal_year, "
                    + "province_code, agency_code, question, indicator, score) FORMAT CSV", sameRows);
            quiesce(ch);
            long start = System.nanoTime();
            streamedPhases[round] = loader.loadTimed(reader.file(name, content), who);
            streamedRuns[round] = seconds(start);
            quiesce(ch);
            start = System.nanoTime();
            ResultFile readFirst = reader.read(name, content);
            readFirstReads[round] = seconds(start);
            readFirstPhases[round] = loader.loadTimed(readFirst, who);
            readFirstRuns[round] = seconds(start);
        }
        int median = medianIndex(streamedRuns);
        double ours = streamedRuns[median];
        double csv = csvRuns[medianIndex(csvRuns)];
        int readFirstMedian = medianIndex(readFirstRuns);
        ResultLoader.Phases phases = streamedPhases[median];
        out.printf("one national year of question scores (%,d rows, %.1f MB CSV): our loader %.2f s; ClickHouse INSERT … "
                        + "FORMAT CSV of the same rows into a table of ita_question_score's structure %.2f s, ratio %.2f× "
                        + "(the like-for-like baseline); into a plain 4-column MergeTree ordered by agency_code (the file as "
                        + "it is, no province or indicator, one sort column) %.2f s, ratio %.2f× (medians of %d rounds)%n",
                whole.rows(), content.length / 1e6, ours, csv, ours / csv, plain, ours / plain, LOADER_ROUNDS);
        out.printf("  where the loader's time goes: %s; ClickHouse's server time for the staging insert (system.query_log) "
                + "%s%n", phases, serverMillis(ch, phases.insertQueryId()));
        out.printf("  the same year read whole first, then inserted (as on a cluster, and as before the streaming load): "
                + "%.2f s (%.2f× the like-for-like CSV insert) = read+check %.2f s, then %s%n", readFirstRuns[readFirstMedian],
                readFirstRuns[readFirstMedian] / csv, readFirstReads[readFirstMedian], readFirstPhases[readFirstMedian]);
        out.printf("  (the like-for-like CSV is %.1f MB: fiscal_year, province_code, agency_code, question, indicator, score; "
                + "the CSV insert runs %s s; the loader %s s; read first %s s)%n", Files.size(sameRows) / 1e6,
                runs(csvRuns), runs(streamedRuns), runs(readFirstRuns));

        // The staging insert under other settings: each a whole load of the same year (the reading overlapped), best of 2.
        Map<String, ResultLoader.StagingInsert> variants = new LinkedHashMap<>();
        variants.put("ClickHouse's default block (1,048,449 rows)", new ResultLoader.StagingInsert(Map.of(), false));
        variants.put("blocks of 65,536 rows", new ResultLoader.StagingInsert(Map.of("max_insert_block_size", "65536"), false));
        variants.put("blocks of 131,072 rows (the product)", ResultLoader.StagingInsert.PRODUCT);
        variants.put("blocks of 262,144 rows", new ResultLoader.StagingInsert(Map.of("max_insert_block_size", "262144"), false));
        variants.put("blocks of 131,072 rows, no squashing", new ResultLoader.StagingInsert(Map.of("max_insert_block_size",
                "131072", "min_insert_block_size_rows", "0", "min_insert_block_size_bytes", "0"), false));
        out.println("  the loader with other staging-insert settings (whole loads of the same year, streamed; best of 2):");
        for (Map.Entry<String, ResultLoader.StagingInsert> variant : variants.entrySet()) {
            ResultLoader tuned = new ResultLoader(ch, pg, Clock.systemUTC(), java.util.Optional.empty(), variant.getValue());
            double best = Double.MAX_VALUE;
            ResultLoader.Phases bestPhases = null;
            for (int run = 0; run < 2; run++) {
                quiesce(ch);
                long variantStart = System.nanoTime();
                ResultLoader.Phases variantPhases = tuned.loadTimed(reader.file(name, content), who);
                double total = seconds(variantStart);
                if (total < best) {
                    best = total;
                    bestPhases = variantPhases;
                }
            }
            out.printf("    %-48s %.2f s (%.2f× the like-for-like CSV insert): staging insert with the reading %d ms, "
                    + "server %s%n", variant.getKey(), best, best / csv, bestPhases.insertMillis(),
                    serverMillis(ch, bestPhases.insertQueryId()));
        }
    }

    /**
     * Waits until ClickHouse merges no parts (at most 60 s), so that a timed insert does not share the cores with
     * the background merges of the one before (the CSV insert's as much as the loader's).
     */
    private static void quiesce(Jdbi ch) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline
                && ch.withHandle(h -> h.createQuery("SELECT count() FROM system.merges").mapTo(Long.class).one()) > 0) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static int medianIndex(double[] values) {
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, java.util.Comparator.comparingDouble(i -> values[i]));
        return order[values.length / 2];
    }

    private static String runs(double[] seconds) {
        return java.util.Arrays.stream(seconds).mapToObj(v -> String.format("%.2f", v))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** ClickHouse's own time for a query, from {@code system.query_log}, or "unknown". */
    private static String serverMillis(Jdbi ch, String queryId) {
        if (queryId.isEmpty()) {
            return "unknown";
        }
        return ch.withHandle(h -> {
            h.execute("SYSTEM FLUSH LOGS");
            return h.createQuery("SELECT toString(query_duration_ms) || ' ms, ' || toString(written_rows) || ' rows written' "
                    + "FROM system.query_log WHERE query_id = :id AND type = 'QueryFinish' LIMIT 1")
                    .bind("id", queryId).mapTo(String.class).findOne().orElse("unknown");
        });
    }

    /** The rows of a question file as ita_question_score holds them (its 6 loaded columns), as CSV. */
    private static void writeTableCsv(ResultFile file, Path csv) throws IOException {
        try (java.io.Writer writer = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            for (org.itaoversight.api.ita.loading.QuestionScore q : file.questions()) {
                writer.write(q.fiscalYear() + "," + q.agency().provinceCode() + "," + q.agency().code() + "," + q.question()
                        + "," + q.indicator() + "," + q.score().toPlainString() + "\n");
            }
        }
    }

    /** The client path: a JDBC connection per query (a new HTTP client each time) against the pool, compression. */
    private void clientPath(BenchServers servers, AnalyticsDao pooled) {
        AnalyticsDao unpooled = servers.ch.onDemand(AnalyticsDao.class);
        double[] fresh = time(() -> unpooled.ranking(PROVINCE, YEAR));
        double[] reused = time(() -> pooled.ranking(PROVINCE, YEAR));
        out.printf("%nclient path (ranking, scale 1): new connection per query p50 %.1f ms p95 %.1f ms; pooled connections "
                + "(HTTP keep-alive) p50 %.1f ms p95 %.1f ms%n", fresh[0], fresh[1], reused[0], reused[1]);
        double[] clickhouseFloor = time(() -> servers.chPooled.withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one()));
        double[] postgresFloor = time(() -> servers.pgPooled.withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one()));
        out.printf("the floor of a query (SELECT 1 over the pool, no table): ClickHouse p50 %.1f ms p95 %.1f ms; PostgreSQL "
                + "p50 %.1f ms p95 %.1f ms%n", clickhouseFloor[0], clickhouseFloor[1], postgresFloor[0], postgresFloor[1]);
        java.util.Properties plain = new java.util.Properties();
        plain.setProperty("user", "default");
        plain.setProperty("password", "");
        plain.setProperty("compress", "false");
        Jdbi uncompressed = Jdbi.create(servers.clickhouse.jdbcUrl("bench"), plain)
                .installPlugin(new org.jdbi.v3.sqlobject.SqlObjectPlugin());
        try (org.jdbi.v3.core.Handle compressedHandle = servers.chPooled.open();
             org.jdbi.v3.core.Handle plainHandle = uncompressed.open()) {
            AnalyticsDao onCompressed = compressedHandle.attach(AnalyticsDao.class);
            AnalyticsDao onPlain = plainHandle.attach(AnalyticsDao.class);
            double[] lz4 = time(() -> onCompressed.matrix(PROVINCE, YEAR));
            double[] none = time(() -> onPlain.matrix(PROVINCE, YEAR));
            out.printf("transfer (matrix, RowBinaryWithNamesAndTypes decoded straight from the response): "
                    + "LZ4-compressed response p50 %.1f ms p95 %.1f ms; uncompressed p50 %.1f ms p95 %.1f ms%n",
                    lz4[0], lz4[1], none[0], none[1]);
        }
    }

    private Map<String, Timing> timeQueries(BenchServers servers, Map<String, Runnable> clickhouseQueries,
                                            Map<String, String> postgresQueries, int scale) {
        Jdbi pg = servers.pgPooled;
        out.printf("%nscale %d: ClickHouse %,d results, PostgreSQL %,d (question scores not scaled: %,d rows, 8 years); "
                + "load average %s%n", scale, count(servers.ch, "SELECT count() FROM ita_result"), count(pg, "SELECT count(*) FROM bench_ita_result"),
                count(servers.ch, "SELECT count() FROM ita_question_score"), loadAverage());
        out.printf("%-30s %9s %9s %9s %9s %7s %7s │ %12s %9s %7s %7s %7s %7s %s%n", "query", "CH p50", "CH p95", "PG p50", "PG p95",
                "p50 ×", "p95 ×", "CH rows read", "CH mem", "CH srv", "CH cpu", "CH wait", "CH plan", "EXPLAIN ESTIMATE (table: rows)");
        Map<String, Timing> timings = new LinkedHashMap<>();
        for (Map.Entry<String, Runnable> query : clickhouseQueries.entrySet()) {
            long fromMicros = System.currentTimeMillis() * 1000;
            String sql = postgresQueries.get(query.getKey());
            double[][] both = timeAlternately(query.getValue(),
                    () -> pg.useHandle(h -> h.createQuery(sql).map(AnalyticsBenchmark::readEveryValue).list()));
            long toMicros = System.currentTimeMillis() * 1000 + 1000;
            double[] c = both[0];
            double[] p = both[1];
            Timing timing = new Timing(c[0], c[1], p[0], p[1]);
            timings.put(query.getKey(), timing);
            QueryLog log = queryLog(servers.ch, fromMicros, toMicros);
            out.printf("%-30s %9.1f %9.1f %9.1f %9.1f %6.1f× %6.1f× │ %12s %8.1fM %7.1f %7.1f %7.1f %7.1f %s%n", query.getKey(), c[0],
                    c[1], p[0], p[1], p[0] / c[0], p[1] / c[1], String.format("%,d", log.readRows()), log.memoryBytes() / 1e6,
                    log.serverMillis(), log.cpuMillis(), log.cpuWaitMillis(), log.planMillis(), explainEstimate(servers.ch, query.getKey()));
        }
        out.println("(milliseconds, the two engines' runs alternating; × = PostgreSQL / ClickHouse; CH rows read, peak memory,"
                + " server time, CPU time (user + system), time waiting for a CPU and time spent before reading a row (parse,"
                + " analysis, plan and pipeline: the engine's fixed cost per query) are the medians of the timed runs in"
                + " system.query_log: on a shared machine the wait, not the work, is what varies)");
        return timings;
    }

    /**
     * Reads every value of a PostgreSQL row, arrays included (the driver parses an array only when asked), so that
     * PostgreSQL's client does the work the ClickHouse DAO's mapping does.
     */
    private static int readEveryValue(java.sql.ResultSet row, org.jdbi.v3.core.statement.StatementContext context)
            throws java.sql.SQLException {
        int columns = row.getMetaData().getColumnCount();
        int values = 0;
        for (int i = 1; i <= columns; i++) {
            Object value = row.getObject(i);
            if (value instanceof java.sql.Array array) {
                values += ((Object[]) array.getArray()).length;
            } else if (value != null) {
                values++;
            }
        }
        return values;
    }

    /** Rows read, peak memory, server time, and of that time the CPU time and the time waiting for a CPU. */
    private record QueryLog(long readRows, long memoryBytes, double serverMillis, double cpuMillis, double cpuWaitMillis,
                            double planMillis) {
    }

    private static QueryLog queryLog(Jdbi ch, long fromMicros, long toMicros) {
        return ch.withHandle(h -> {
            h.execute("SYSTEM FLUSH LOGS");
            return h.createQuery("""
                    SELECT toInt64(quantileExact(0.5)(read_rows)), toInt64(quantileExact(0.5)(memory_usage)),
                           toFloat64(quantileExact(0.5)(query_duration_ms)),
                           quantileExact(0.5)(ProfileEvents['UserTimeMicroseconds'] + ProfileEvents['SystemTimeMicroseconds']) / 1e3,
                           quantileExact(0.5)(ProfileEvents['OSCPUWaitMicroseconds']) / 1e3,
                           quantileExact(0.5)(ProfileEvents['QueryParseMicroseconds'] + ProfileEvents['QueryAnalysisMicroseconds']
                               + ProfileEvents['QueryPlanBuildMicroseconds'] + ProfileEvents['QueryPlanOptimizeMicroseconds']
                               + ProfileEvents['QueryPipelineBuildMicroseconds']) / 1e3
                    FROM system.query_log
                    WHERE type = 'QueryFinish' AND query_kind = 'Select' AND current_database = 'bench'
                      AND event_time_microseconds BETWEEN fromUnixTimestamp64Micro(:from) AND fromUnixTimestamp64Micro(:to)
                      AND query NOT LIKE 'SELECT 1%' AND query NOT ILIKE '%system.%'""")
                    .bind("from", fromMicros).bind("to", toMicros)
                    .map((rs, ctx) -> new QueryLog(rs.getLong(1), rs.getLong(2), rs.getDouble(3), rs.getDouble(4),
                            rs.getDouble(5), rs.getDouble(6))).one();
        });
    }

    /** The DAO's SQL with the benchmark's arguments, through EXPLAIN ESTIMATE: the rows each table would read. */
    private static String explainEstimate(Jdbi ch, String query) {
        String sql = DaoSql.of(query, PROVINCE, YEAR);
        try {
            return ch.withHandle(h -> h.createQuery("EXPLAIN ESTIMATE " + sql).mapToMap().list()).stream()
                    .map(row -> row.get("table") + ": " + String.format("%,d", ((Number) row.get("rows")).longValue()))
                    .reduce((a, b) -> a + ", " + b).orElse("-");
        } catch (RuntimeException e) {
            return "(" + e.getMessage().lines().findFirst().orElse("") + ")";
        }
    }

    private void summary(Map<Integer, Map<String, Timing>> timings) {
        out.printf("%nsummary: p95 in ms, ClickHouse / PostgreSQL, and PG/CH of the p50s%n%-30s", "query");
        timings.keySet().forEach(scale -> out.printf(" │ %-24s", "scale " + scale));
        out.println();
        for (String query : timings.values().iterator().next().keySet()) {
            out.printf("%-30s", query);
            for (Map<String, Timing> atScale : timings.values()) {
                Timing t = atScale.get(query);
                out.printf(" │ %7.1f / %7.1f %6.1f×", t.chP95(), t.pgP95(), t.pgP50() / t.chP50());
            }
            out.println();
        }
    }

    /** The machine's load average (1, 5, 15 minutes): the benchmark shares its cores with whatever else runs. */
    private static String loadAverage() {
        try {
            return String.join(" ", java.util.Arrays.asList(Files.readString(Path.of("/proc/loadavg")).split(" ")).subList(0, 3));
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static long count(Jdbi jdbi, String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    /**
     * Times two queries run in turn (one of each, {@value #RUNS} times), so that both meet the same load of the shared
     * machine and their ratio holds even when the load changes during the run: p50 and p95 of each.
     */
    private static double[][] timeAlternately(Runnable first, Runnable second) {
        for (int i = 0; i < WARMUP; i++) {
            first.run();
            second.run();
        }
        double[] a = new double[RUNS];
        double[] b = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            first.run();
            long between = System.nanoTime();
            second.run();
            a[i] = (between - start) / 1e6;
            b[i] = (System.nanoTime() - between) / 1e6;
        }
        return new double[][] {percentiles(a), percentiles(b)};
    }

    private static double[] percentiles(double[] millis) {
        java.util.Arrays.sort(millis);
        return new double[] {millis[RUNS / 2], millis[(int) Math.ceil(RUNS * 0.95) - 1]};
    }

    private static double[] time(Runnable query) {
        for (int i = 0; i < WARMUP; i++) {
            query.run();
        }
        double[] millis = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            query.run();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        return percentiles(millis);
    }

    /** Creates a table (the statements in order), then times ClickHouse's own insert of a CSV file into it over HTTP. */
    private static double clickhouseCsvInsert(EmbeddedClickHouse clickhouse, List<String> create, String insert, Path csv)
            throws IOException, InterruptedException {
        for (String statement : create) {
            clickhouse.query(statement);
        }
        long start = System.nanoTime();
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + clickhouse.httpPort()
                            + "/?query=" + URLEncoder.encode(insert, StandardCharsets.UTF_8)))
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

    /**
     * Copies the national results until each engine holds {@code to} times them (agency codes suffixed -1, -2, …), then
     * rebuilds ClickHouse's aggregates of every year, as a load would.
     */
    private void scaleTo(Jdbi ch, Jdbi pg, int from, int to) throws Exception {
        if (to <= from) {
            return;
        }
        long start = System.nanoTime();
        ch.useHandle(h -> h.execute("INSERT INTO ita_result SELECT r.fiscal_year, r.province_code, concat(r.agency_code, '-', "
                + "toString(n.number)), r.agency_type, r.total, r.level, r.level_published, r.iit, r.eit, r.oit, "
                + "r.indicator_scores, r.catalog_framework, r.load_id, r.loaded_at FROM ita_result AS r, numbers(" + from + ", "
                + (to - from) + ") AS n WHERE position(r.agency_code, '-') = 0"));
        double clickhouseSeconds = seconds(start);
        ch.useHandle(h -> {
            try (Statement statement = h.getConnection().createStatement()) {
                for (int year = 2561; year <= YEAR; year++) {
                    ResultAggregates.rebuild(statement, year, "bench");
                }
            }
        });
        double aggregatesSeconds = seconds(start) - clickhouseSeconds;
        long pgStart = System.nanoTime();
        pg.useHandle(h -> h.execute("INSERT INTO bench_ita_result SELECT fiscal_year, province_code, agency_code || '-' || g, "
                + "agency_type, total, level, indicator_scores FROM bench_ita_result, generate_series(" + from + ", " + (to - 1)
                + ") g WHERE position('-' in agency_code) = 0"));
        pg.useHandle(h -> h.execute("VACUUM ANALYZE bench_ita_result"));
        out.printf("%nscaled ×%d: ClickHouse insert %.1f s + aggregates of 8 years rebuilt %.1f s; PostgreSQL insert+vacuum "
                + "analyze %.1f s%n", to, clickhouseSeconds, aggregatesSeconds, seconds(pgStart));
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** Writes everything to two streams: the console and the text file next to the chart. */
    private static final class Tee extends OutputStream {
        private final OutputStream first;
        private final OutputStream second;

        Tee(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) throws IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            first.write(b, off, len);
            second.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            first.flush();
            second.flush();
        }

        @Override
        public void close() throws IOException {
            try {
                second.close();
            } finally {
                first.flush();
            }
        }
    }
}
