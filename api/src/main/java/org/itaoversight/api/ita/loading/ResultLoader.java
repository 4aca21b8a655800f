package org.itaoversight.api.ita.loading;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.LongConsumer;
import org.itaoversight.api.ita.analytics.DataVersion;
import org.itaoversight.api.ita.analytics.ResultAggregates;
import org.itaoversight.api.Databases;
import org.itaoversight.migrations.clickhouse.StagingTables;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads a result file into ClickHouse, atomically and idempotently:
 * <ol>
 *   <li>a file with any problem loads nothing (and the attempt is recorded);</li>
 *   <li>the new rows go into a staging table of the same structure, together with the rows of the same years that
 *       the file does not replace (other agencies; for question scores, other agencies' questions);</li>
 *   <li>each year's partition of the live table is swapped with the staging one
 *       ({@code ALTER TABLE … REPLACE PARTITION}), which readers see atomically: the old year or the new one; then the
 *       year's pre-aggregated tables are rebuilt and swapped the same way ({@link ResultAggregates});</li>
 *   <li>loading the same file again yields the same rows; a corrected file for a year replaces that year's rows of
 *       its agencies.</li>
 * </ol>
 * A question-score file not read yet ({@link UnreadResultFile}, the API's uploads and the command line) is read
 * <em>while</em> it is inserted on a single server: the staging table is created first, and the reader runs inside
 * the RowBinary insert's writer, each accepted row written to the request as it is checked, so that ClickHouse
 * parses, sorts and writes the rows already sent while Java decodes and checks the next ones; the rows are never
 * held in a list. Only the end of the file tells whether it is clean and which years it holds: a file with a problem
 * then loses its staging table (rows after the first problem were not even sent) and the live table was never
 * touched; the years' locks are taken after the stream, before the kept rows are copied and the partitions swapped.
 * A wide file (one row per agency and year, thousands of rows), a file already read ({@link ResultFile}) and a load
 * on a cluster are read whole first and then inserted.
 *
 * <p>On a ClickHouse cluster the years are replaced on every shard or on none ({@link ShardedYearReplacement}).
 * Loads of the same year are serialized across API instances with a PostgreSQL advisory lock per year, held while
 * the year's kept rows are copied and its partitions swapped (and, for a file read whole, while it is inserted). Once
 * ClickHouse holds the new rows, the {@link DataVersion} is raised, before the load returns, so that no API instance
 * serves a cached answer from before it. Every load is recorded in PostgreSQL ({@code ita_load}: who, when, file,
 * SHA-256, rows).
 */
public final class ResultLoader {

    private static final Logger LOG = LoggerFactory.getLogger(ResultLoader.class);
    private static final int BATCH = 50_000;
    private static final String QUESTION_TABLE = "ita_question_score";

    private final Jdbi clickhouse;
    private final Jdbi postgres;
    private final Clock clock;
    private final DataVersion dataVersion;
    private final Optional<ShardedYearReplacement> sharded;
    private final StagingInsert stagingInsert;

    /**
     * How the question scores travel into the staging table: the ClickHouse settings of the insert and whether the
     * client compresses the request. {@link #PRODUCT} is what the loader uses (the benchmark compares the others).
     *
     * @param serverSettings ClickHouse settings of the insert query, e.g. {@code max_insert_block_size}
     * @param compressRequest whether the client LZ4-compresses the rows it sends
     */
    public record StagingInsert(Map<String, String> serverSettings, boolean compressRequest) {

        /**
         * Blocks of 131,072 rows, so that the server can sort and write the first blocks of a national year (690,800
         * rows) while the rest arrive, instead of one block of the default 1,048,449 rows sorted and written only
         * after the last row (on the benchmark's two shared cores the block size made no difference beyond the
         * noise); the request not compressed (the rows are 15 MB; on the loopback or a LAN compressing them in Java
         * costs CPU that the reading needs).
         */
        public static final StagingInsert PRODUCT = new StagingInsert(Map.of("max_insert_block_size", "131072"), false);

        public StagingInsert {
            serverSettings = Map.copyOf(serverSettings);
        }

        com.clickhouse.client.api.insert.InsertSettings settings() {
            com.clickhouse.client.api.insert.InsertSettings settings = new com.clickhouse.client.api.insert.InsertSettings()
                    .compressClientRequest(compressRequest);
            serverSettings.forEach(settings::serverSetting);
            return settings;
        }

        @Override
        public String toString() {
            return new java.util.TreeMap<>(serverSettings) + (compressRequest ? ", request compressed" : ", request not compressed");
        }
    }

    /** A loader for a single ClickHouse server. */
    public ResultLoader(Jdbi clickhouse, Jdbi postgres, Clock clock) {
        this(clickhouse, postgres, clock, Optional.empty());
    }

    /** A loader for a ClickHouse cluster when {@code sharded} is present: years are replaced shard by shard, all or none. */
    public ResultLoader(Jdbi clickhouse, Jdbi postgres, Clock clock, Optional<ShardedYearReplacement> sharded) {
        this(clickhouse, postgres, clock, sharded, StagingInsert.PRODUCT);
    }

    /** A loader inserting the question scores into staging as {@code stagingInsert} says (the benchmark, tests). */
    public ResultLoader(Jdbi clickhouse, Jdbi postgres, Clock clock, Optional<ShardedYearReplacement> sharded,
                        StagingInsert stagingInsert) {
        this.clickhouse = clickhouse;
        this.postgres = postgres;
        this.clock = clock;
        this.dataVersion = new DataVersion(postgres);
        this.sharded = sharded;
        this.stagingInsert = stagingInsert;
    }

    /** The loader for the application's databases: year by year on one ClickHouse server, shard by shard on a cluster. */
    public static ResultLoader of(Databases databases, Clock clock) {
        return new ResultLoader(databases.clickhouse(), databases.postgres(), clock,
                databases.clickhouseShards().map(shards -> new ShardedYearReplacement(shards.get())));
    }

    /** Who loads: the token's subject and username, or the command line's user. */
    public record Loader(String subject, String username) {
    }

    /** Loads a file already read whole. */
    public LoadReport load(ResultFile file, Loader who) {
        return load(file, who, rows -> { });
    }

    /** Loads a file already read whole, reporting the number of rows written so far to {@code progress} (for a progress bar). */
    public LoadReport load(ResultFile file, Loader who, LongConsumer progress) {
        return load(file, who, progress, new Phases());
    }

    /** Reads and loads a file, a question-score file on a single server while it is read (see the class comment). */
    public LoadReport load(UnreadResultFile file, Loader who) {
        return load(file, who, rows -> { });
    }

    /** Reads and loads a file, reporting the number of rows written so far to {@code progress}. */
    public LoadReport load(UnreadResultFile file, Loader who, LongConsumer progress) {
        return load(file, who, progress, new Phases());
    }

    /**
     * Where a load's time went, in milliseconds: reading and checking the file when it was read before the insert
     * (zero when it was read during it); the insert of the file's rows into the staging table — for a file read while
     * it is inserted, this is the reading and checking too, overlapped, until the stream ended — and of that the time
     * ClickHouse reports for the insert query; the wait for the years' locks; copying the year's rows the file does
     * not replace; the partition swaps; rebuilding the year's aggregates; and the records in PostgreSQL (the load and
     * the data version).
     */
    public static final class Phases {
        long read;
        long insert;
        boolean streamed;
        long serverInsert;
        String insertQueryId = "";
        long lockWait;
        long keptRows;
        long swap;
        long aggregates;
        long records;

        static long millisSince(long startNanos) {
            return (System.nanoTime() - startNanos) / 1_000_000;
        }

        /** The id of the staging insert's query (for {@code system.query_log}), or empty when there was none. */
        public String insertQueryId() {
            return insertQueryId;
        }

        /** Reading and checking before the insert, in ms (zero when the file was read during the insert). */
        public long readMillis() {
            return read;
        }

        /** The staging insert, in ms; for a streamed file, from its start to the end of the stream, reading included. */
        public long insertMillis() {
            return insert;
        }

        /** Whether the file was read while it was inserted. */
        public boolean streamed() {
            return streamed;
        }

        @Override
        public String toString() {
            String insertion = streamed
                    ? "read+check overlapped with the insert into staging %d ms (until the stream ended; ClickHouse's own time for the insert %d ms)"
                    .formatted(insert, serverInsert)
                    : (read > 0 ? "read+check %d ms (not overlapped), then ".formatted(read) : "")
                    + "insert into staging %d ms".formatted(insert);
            return insertion + ", wait for the years' locks %d ms, copy of the kept rows %d ms, partition swap %d ms, "
                    .formatted(lockWait, keptRows, swap) + "aggregates %d ms, PostgreSQL records %d ms".formatted(aggregates, records);
        }
    }

    /** Loads, and says where the time went (for the benchmark). */
    public Phases loadTimed(ResultFile file, Loader who) {
        Phases phases = new Phases();
        load(file, who, rows -> { }, phases);
        return phases;
    }

    /** Reads and loads, and says where the time went (for the benchmark). */
    public Phases loadTimed(UnreadResultFile file, Loader who) {
        Phases phases = new Phases();
        load(file, who, rows -> { }, phases);
        return phases;
    }

    /** What the record of a load says about its file (before the file is read: its name and SHA-256 only). */
    private record Recorded(String fileName, String sha256, Layout layout, List<Integer> fiscalYears) {

        static Recorded of(ResultFile file) {
            return new Recorded(file.fileName(), file.sha256(), file.layout(), file.fiscalYears());
        }

        /** A question-score load that failed before its file was read through: the layout it was loaded as. */
        static Recorded unread(UnreadResultFile file) {
            return new Recorded(file.fileName(), file.sha256(), Layout.LONG, List.of());
        }
    }

    private LoadReport load(UnreadResultFile unread, Loader who, LongConsumer progress, Phases phases) {
        if (sharded.isPresent()) {
            // A cluster splits the rows by the shard of their province: the file is read whole first.
            long start = System.nanoTime();
            ResultFile file = unread.read();
            phases.read = Phases.millisSince(start);
            return load(file, who, progress, phases);
        }
        String loadId = UUID.randomUUID().toString();
        Instant started = clock.instant();
        String stage = QUESTION_TABLE + "_stage_" + loadId.replace("-", "");
        ResultFile[] read = {null};
        boolean[] swapping = {false};
        try (Handle handle = clickhouse.open(); Statement statement = handle.getConnection().createStatement()) {
            statement.execute(StagingTables.create(stage, QUESTION_TABLE));
            Throwable failure = null;
            try {
                // Every row of the load has the same id and time: the staging table fills them in (REPLACE PARTITION
                // does not compare column defaults), so the rows travel without them.
                statement.execute(StagingTables.defaultLoadColumns(stage, loadId, started));
                long start = System.nanoTime();
                read[0] = insertWhileReading(handle.getConnection(), stage, unread, progress, phases);
                phases.insert = Phases.millisSince(start);
                phases.streamed = true;
                ResultFile file = read[0];
                if (file.layout() == Layout.LONG && file.isValid()) {
                    swapping[0] = true;
                    replaceYears(statement, stage, file, phases);
                }
            } catch (SQLException | RuntimeException e) {
                failure = e;
                throw e;
            } finally {
                dropStage(statement, stage, failure);
            }
        } catch (SQLException | RuntimeException e) {
            Recorded what = read[0] == null ? Recorded.unread(unread) : Recorded.of(read[0]);
            String message = e instanceof SQLException || e.getCause() instanceof SQLException
                    ? "loading " + unread.fileName() + " into ClickHouse failed: " + e.getMessage() : e.getMessage();
            try {
                record(loadId, what, who, 0, "FAILED", message);
            } finally {
                if (swapping[0]) {
                    // A failed swap may have swapped some years: every cached answer is stale from here on.
                    dataVersion.bump("ita load " + loadId + " (" + unread.fileName() + ")");
                }
            }
            throw e instanceof SQLException sql ? new IllegalStateException(message, sql) : (RuntimeException) e;
        }
        ResultFile file = read[0];
        if (file.layout() != Layout.LONG) {
            // A wide file: read whole (its rows were kept, nothing was streamed), loaded the usual way.
            phases.read = phases.insert;
            phases.insert = 0;
            phases.streamed = false;
            return load(file, who, progress, phases);
        }
        if (!file.isValid()) {
            record(loadId, Recorded.of(file), who, 0, "FAILED", file.problemCount() + " problem(s), first: " + file.problems().getFirst());
            throw ResultLoadException.of(file);
        }
        dataVersion.bump("ita load " + loadId + " (" + file.fileName() + ")");
        return loaded(loadId, started, file, who, phases);
    }

    /** Drops a staging table; a failure to drop it does not hide the failure that came first, nor fail a load that swapped. */
    private static void dropStage(Statement statement, String stage, Throwable failure) {
        try {
            statement.execute(StagingTables.drop(stage));
        } catch (SQLException | RuntimeException e) {
            if (failure != null) {
                failure.addSuppressed(e);
            } else {
                LOG.warn("Could not drop the staging table {}: {}", stage, e.getMessage());
            }
        }
    }

    /**
     * Under the years' locks: copies into the staging table the rows of each year the file does not replace (other
     * agencies, as they are now), then swaps the year's partition in.
     */
    private void replaceYears(Statement statement, String stage, ResultFile file, Phases phases) throws SQLException {
        postgres.useTransaction(lock -> {
            long start = System.nanoTime();
            for (int year : file.fiscalYears()) {
                lock.execute("SELECT pg_advisory_xact_lock(hashtext('ita_result'), ?)", year);
            }
            phases.lockWait = Phases.millisSince(start);
            for (int year : file.fiscalYears()) {
                copyKeptRowsAndSwap(statement, QUESTION_TABLE, stage, Layout.LONG, year, phases);
            }
        });
    }

    private static void copyKeptRowsAndSwap(Statement statement, String table, String stage, Layout layout, int year,
                                            Phases phases) throws SQLException {
        String kept = layout == Layout.WIDE
                ? "agency_code NOT IN (SELECT agency_code FROM " + stage + " WHERE fiscal_year = " + year + ")"
                : "agency_code NOT IN (SELECT DISTINCT agency_code FROM " + stage + " WHERE fiscal_year = " + year + ")";
        long start = System.nanoTime();
        statement.execute("INSERT INTO " + stage + " SELECT * FROM " + table + " WHERE fiscal_year = " + year + " AND " + kept);
        phases.keptRows += Phases.millisSince(start);
        start = System.nanoTime();
        statement.execute(StagingTables.replacePartition(table, year, stage));
        phases.swap += Phases.millisSince(start);
    }

    /**
     * Streams the file's question scores into the staging table as RowBinary, reading the file inside the insert's
     * writer: each row accepted by the checks is written to the request at once. The writer is not run again on a
     * retry once it has started (the first attempt's rows may be in the staging table already).
     */
    private ResultFile insertWhileReading(Connection connection, String stage, UnreadResultFile unread, LongConsumer progress,
                                          Phases phases) throws SQLException {
        com.clickhouse.client.api.Client client = connection.unwrap(com.clickhouse.jdbc.ConnectionImpl.class).getClient();
        java.util.concurrent.atomic.AtomicReference<ResultFile> read = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicBoolean started = new java.util.concurrent.atomic.AtomicBoolean();
        com.clickhouse.client.api.DataStreamWriter writer = new com.clickhouse.client.api.DataStreamWriter() {
            @Override
            public void onOutput(java.io.OutputStream out) throws java.io.IOException {
                started.set(true);
                QuestionScoreRowBinary.Rows rows = new QuestionScoreRowBinary.Rows(out, progress);
                try {
                    read.set(unread.read(rows));
                    rows.finish();
                } catch (java.io.UncheckedIOException e) {
                    throw e.getCause();
                }
            }

            @Override
            public void onRetry() throws java.io.IOException {
                if (started.get()) {
                    throw new java.io.IOException("the insert of " + unread.fileName() + " is not retried: it streamed "
                            + "rows as the file was read, and some may be in the staging table already");
                }
            }
        };
        // No retry: the first attempt's rows may be in the staging table already, and the file would be read again.
        com.clickhouse.client.api.insert.InsertSettings settings = stagingInsert.settings()
                .setOption(com.clickhouse.client.api.ClientConfigProperties.RETRY_ON_FAILURE.getKey(), 0);
        try (com.clickhouse.client.api.insert.InsertResponse response = client.insert(stage, QuestionScoreRowBinary.COLUMNS,
                writer, com.clickhouse.data.ClickHouseFormat.RowBinary, settings)
                .get(10, java.util.concurrent.TimeUnit.MINUTES)) {
            phases.serverInsert = response.getServerTime() / 1_000_000;
            phases.insertQueryId = response.getQueryId() == null ? "" : response.getQueryId();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while inserting " + unread.fileName(), e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException | RuntimeException e) {
            // The client throws at once when it runs the request on this thread, or through the future otherwise.
            Throwable cause = e instanceof java.util.concurrent.ExecutionException && e.getCause() != null ? e.getCause() : e;
            throw new SQLException("inserting " + unread.fileName() + " failed: " + cause.getMessage(), cause);
        }
        if (read.get() == null) {
            throw new SQLException("inserting " + unread.fileName() + " ended without reading it");
        }
        return read.get();
    }

    private LoadReport load(ResultFile file, Loader who, LongConsumer progress, Phases phases) {
        if (file.isStreamed()) {
            throw new IllegalArgumentException(file.fileName() + " was streamed into a sink: its rows are not here to load");
        }
        String loadId = UUID.randomUUID().toString();
        Instant started = clock.instant();
        if (!file.isValid()) {
            record(loadId, Recorded.of(file), who, 0, "FAILED", file.problemCount() + " problem(s), first: " + file.problems().getFirst());
            throw ResultLoadException.of(file);
        }
        List<Integer> years = file.fiscalYears();
        try {
            postgres.useTransaction(lock -> {
                long start = System.nanoTime();
                for (int year : years) {
                    lock.execute("SELECT pg_advisory_xact_lock(hashtext('ita_result'), ?)", year);
                }
                phases.lockWait = Phases.millisSince(start);
                if (sharded.isPresent()) {
                    sharded.get().replace(file, loadId, started, years, progress, phases, stagingInsert);
                } else {
                    replace(file, loadId, started, years, progress, phases);
                }
            });
        } catch (RuntimeException e) {
            record(loadId, Recorded.of(file), who, 0, "FAILED", e.getMessage());
            throw e;
        } finally {
            // Even a failed load may have swapped some years: every cached answer is stale from here on.
            dataVersion.bump("ita load " + loadId + " (" + file.fileName() + ")");
        }
        return loaded(loadId, started, file, who, phases);
    }

    /** Records a load that swapped its years in, and reports it. */
    private LoadReport loaded(String loadId, Instant started, ResultFile file, Loader who, Phases phases) {
        long recordStart = System.nanoTime();
        record(loadId, Recorded.of(file), who, file.rows(), "LOADED", null);
        phases.records = Phases.millisSince(recordStart);
        long millis = Duration.between(started, clock.instant()).toMillis();
        LOG.info("Loaded {} ({} rows, {} layout, years {}) in {} ms as load {}: {}", file.fileName(), file.rows(),
                file.layout(), file.fiscalYears(), millis, loadId, phases);
        return new LoadReport(loadId, file.fileName(), file.sha256(), file.layout(), file.fiscalYears(), file.rows(), millis,
                file.warnings());
    }

    private void replace(ResultFile file, String loadId, Instant loadedAt, List<Integer> years, LongConsumer progress,
                         Phases phases) {
        String table = file.layout() == Layout.WIDE ? "ita_result" : QUESTION_TABLE;
        String stage = table + "_stage_" + loadId.replace("-", "");
        clickhouse.useHandle(handle -> {
            Connection connection = handle.getConnection();
            try (Statement statement = connection.createStatement()) {
                statement.execute(StagingTables.create(stage, table));
                Throwable failure = null;
                try {
                    long start = System.nanoTime();
                    if (file.layout() == Layout.WIDE) {
                        insertResults(connection, stage, file, loadId, loadedAt, progress);
                    } else {
                        insertQuestions(connection, stage, file, loadId, loadedAt, progress, stagingInsert);
                    }
                    phases.insert = Phases.millisSince(start);
                    for (int year : years) {
                        copyKeptRowsAndSwap(statement, table, stage, file.layout(), year, phases);
                        if (file.layout() == Layout.WIDE) {
                            start = System.nanoTime();
                            ResultAggregates.rebuild(statement, year, loadId.replace("-", ""));
                            phases.aggregates += Phases.millisSince(start);
                        }
                    }
                } catch (SQLException | RuntimeException e) {
                    failure = e;
                    throw e;
                } finally {
                    dropStage(statement, stage, failure);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("loading " + file.fileName() + " into ClickHouse failed: " + e.getMessage(), e);
            }
        });
    }

    /** Binds one row to the insert statement. */
    @FunctionalInterface
    private interface RowBinder<T> {
        void bind(PreparedStatement insert, T row) throws SQLException;
    }

    static void insertResults(Connection connection, String stage, ResultFile file, String loadId, Instant loadedAt,
                                      LongConsumer progress) throws SQLException {
        insertAll(connection, "INSERT INTO " + stage + " (fiscal_year, province_code, agency_code, agency_type, total, level, "
                + "level_published, iit, eit, oit, indicator_scores, catalog_framework, load_id, loaded_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", file.results(), (insert, r) -> {
                    insert.setInt(1, r.fiscalYear());
                    insert.setString(2, r.agency().provinceCode());
                    insert.setString(3, r.agency().code());
                    insert.setString(4, r.agency().type().name());
                    insert.setBigDecimal(5, r.total());
                    insert.setString(6, r.level());
                    insert.setBoolean(7, r.levelPublished());
                    insert.setBigDecimal(8, r.iit().orElse(null));
                    insert.setBigDecimal(9, r.eit().orElse(null));
                    insert.setBigDecimal(10, r.oit().orElse(null));
                    insert.setObject(11, r.indicators().toArray(new BigDecimal[0]));
                    insert.setString(12, r.frameworkId());
                    insert.setString(13, loadId);
                    insert.setTimestamp(14, Timestamp.from(loadedAt));
                }, progress);
    }

    /**
     * Streams the question scores of a file read whole as RowBinary through the driver's client (one request, no SQL
     * per row).
     */
    static void insertQuestions(Connection connection, String stage, ResultFile file, String loadId, Instant loadedAt,
                                LongConsumer progress, StagingInsert settings) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            // Every row of the load has the same id and time: the staging table fills them in (REPLACE PARTITION does
            // not compare column defaults), so the rows travel without them.
            statement.execute(StagingTables.defaultLoadColumns(stage, loadId, loadedAt));
        }
        com.clickhouse.client.api.Client client = connection.unwrap(com.clickhouse.jdbc.ConnectionImpl.class).getClient();
        try (com.clickhouse.client.api.insert.InsertResponse ignored = client.insert(stage, QuestionScoreRowBinary.COLUMNS,
                out -> QuestionScoreRowBinary.write(out, file.questions(), progress),
                com.clickhouse.data.ClickHouseFormat.RowBinary, settings.settings())
                .get(10, java.util.concurrent.TimeUnit.MINUTES)) {
            // The response carries only metrics; a failed insert throws.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while inserting " + file.fileName(), e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new SQLException("inserting " + file.fileName() + " failed: " + e.getMessage(), e);
        }
    }

    /** Inserts rows in batches of {@value #BATCH}, reporting the rows written after each batch. */
    private static <T> void insertAll(Connection connection, String sql, List<T> rows, RowBinder<T> binder,
                                      LongConsumer progress) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            int pending = 0;
            long written = 0;
            for (T row : rows) {
                binder.bind(insert, row);
                insert.addBatch();
                if (++pending == BATCH) {
                    insert.executeBatch();
                    written += pending;
                    progress.accept(written);
                    pending = 0;
                }
            }
            if (pending > 0) {
                insert.executeBatch();
                progress.accept(written + pending);
            }
        }
    }

    /** The load's record and its audit event, in one transaction. */
    private void record(String loadId, Recorded file, Loader who, int rows, String status, String error) {
        postgres.useTransaction(handle -> {
            insertLoad(handle, loadId, file, who, rows, status, error);
            java.util.Map<String, Object> details = new java.util.LinkedHashMap<>();
            details.put("file", file.fileName());
            details.put("sha256", file.sha256());
            details.put("status", status);
            details.put("rows", rows);
            details.put("years", file.fiscalYears());
            details.put("layout", file.layout().name());
            details.put("error", error);
            AUDIT.record(handle, who.subject(), who.username(), "ita.load", "ita_load", loadId, details);
        });
    }

    private static final org.itaoversight.api.audit.AuditLog AUDIT =
            new org.itaoversight.api.audit.AuditLog(io.dropwizard.jackson.Jackson.newObjectMapper());

    private static void insertLoad(Handle handle, String loadId, Recorded file, Loader who, int rows, String status, String error) {
        handle.createUpdate("INSERT INTO ita_load (id, subject, username, file_name, sha256, layout, fiscal_years, "
                        + "rows_accepted, status, error, finished_at) VALUES (:id, :subject, :username, :file, :sha, :layout, "
                        + ":years, :rows, :status, :error, now())")
                .bind("id", loadId).bind("subject", who.subject()).bind("username", who.username())
                .bind("file", file.fileName()).bind("sha", file.sha256()).bind("layout", file.layout().name())
                .bind("years", file.fiscalYears().toArray(new Integer[0])).bind("rows", rows)
                .bind("status", status).bind("error", error).execute();
    }
}
