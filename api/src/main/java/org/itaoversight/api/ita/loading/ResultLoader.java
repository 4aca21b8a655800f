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
import java.util.Optional;
import java.util.UUID;
import org.itaoversight.api.ita.analytics.DataVersion;
import org.itaoversight.api.ita.analytics.ResultAggregates;
import org.itaoversight.api.Databases;
import org.itaoversight.migrations.clickhouse.StagingTables;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads a checked result file into ClickHouse, atomically and idempotently:
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
 * On a ClickHouse cluster the years are replaced on every shard or on none ({@link ShardedYearReplacement}).
 * Loads of the same year are serialized across API instances with a PostgreSQL advisory lock per year, held while
 * the partitions are rebuilt. Once ClickHouse holds the new rows, the {@link DataVersion} is raised, before the load
 * returns, so that no API instance serves a cached answer from before it. Every load is recorded in PostgreSQL ({@code ita_load}: who, when, file, SHA-256, rows).
 */
public final class ResultLoader {

    private static final Logger LOG = LoggerFactory.getLogger(ResultLoader.class);
    private static final int BATCH = 50_000;

    private final Jdbi clickhouse;
    private final Jdbi postgres;
    private final Clock clock;
    private final DataVersion dataVersion;
    private final Optional<ShardedYearReplacement> sharded;

    /** A loader for a single ClickHouse server. */
    public ResultLoader(Jdbi clickhouse, Jdbi postgres, Clock clock) {
        this(clickhouse, postgres, clock, Optional.empty());
    }

    /** A loader for a ClickHouse cluster when {@code sharded} is present: years are replaced shard by shard, all or none. */
    public ResultLoader(Jdbi clickhouse, Jdbi postgres, Clock clock, Optional<ShardedYearReplacement> sharded) {
        this.clickhouse = clickhouse;
        this.postgres = postgres;
        this.clock = clock;
        this.dataVersion = new DataVersion(postgres);
        this.sharded = sharded;
    }

    /** The loader for the application's databases: year by year on one ClickHouse server, shard by shard on a cluster. */
    public static ResultLoader of(Databases databases, Clock clock) {
        return new ResultLoader(databases.clickhouse(), databases.postgres(), clock,
                databases.clickhouseShards().map(shards -> new ShardedYearReplacement(shards.get())));
    }

    /** Who loads: the token's subject and username, or the command line's user. */
    public record Loader(String subject, String username) {
    }

    public LoadReport load(ResultFile file, Loader who) {
        return load(file, who, rows -> { });
    }

    /** Loads, reporting the number of rows written so far to {@code progress} (for a progress bar). */
    public LoadReport load(ResultFile file, Loader who, java.util.function.LongConsumer progress) {
        return load(file, who, progress, new Phases());
    }

    /**
     * Where a load's time went, in milliseconds: the insert of the file's rows into the staging table, copying the
     * year's rows the file does not replace, the partition swaps, rebuilding the year's aggregates, and the records
     * in PostgreSQL (the load and the data version).
     */
    public static final class Phases {
        long insert;
        long keptRows;
        long swap;
        long aggregates;
        long records;

        static long millisSince(long startNanos) {
            return (System.nanoTime() - startNanos) / 1_000_000;
        }

        @Override
        public String toString() {
            return "insert into staging %d ms, copy of the kept rows %d ms, partition swap %d ms, aggregates %d ms, "
                    .formatted(insert, keptRows, swap, aggregates) + "PostgreSQL records %d ms".formatted(records);
        }
    }

    /** Loads, and says where the time went (for the benchmark). */
    public Phases loadTimed(ResultFile file, Loader who) {
        Phases phases = new Phases();
        load(file, who, rows -> { }, phases);
        return phases;
    }

    private LoadReport load(ResultFile file, Loader who, java.util.function.LongConsumer progress, Phases phases) {
        String loadId = UUID.randomUUID().toString();
        Instant started = clock.instant();
        if (!file.isValid()) {
            record(loadId, file, who, 0, "FAILED", file.problemCount() + " problem(s), first: " + file.problems().getFirst());
            throw ResultLoadException.of(file);
        }
        List<Integer> years = file.fiscalYears();
        try {
            postgres.useTransaction(lock -> {
                for (int year : years) {
                    lock.execute("SELECT pg_advisory_xact_lock(hashtext('ita_result'), ?)", year);
                }
                if (sharded.isPresent()) {
                    sharded.get().replace(file, loadId, started, years, progress, phases);
                } else {
                    replace(file, loadId, started, years, progress, phases);
                }
            });
        } catch (RuntimeException e) {
            record(loadId, file, who, 0, "FAILED", e.getMessage());
            throw e;
        } finally {
            // Even a failed load may have swapped some years: every cached answer is stale from here on.
            dataVersion.bump("ita load " + loadId + " (" + file.fileName() + ")");
        }
        long recordStart = System.nanoTime();
        record(loadId, file, who, file.rows(), "LOADED", null);
        phases.records = Phases.millisSince(recordStart);
        long millis = Duration.between(started, clock.instant()).toMillis();
        LOG.info("Loaded {} ({} rows, {} layout, years {}) in {} ms as load {}: {}", file.fileName(), file.rows(),
                file.layout(), years, millis, loadId, phases);
        return new LoadReport(loadId, file.fileName(), file.sha256(), file.layout(), years, file.rows(), millis, file.warnings());
    }

    private void replace(ResultFile file, String loadId, Instant loadedAt, List<Integer> years,
                         java.util.function.LongConsumer progress, Phases phases) {
        String table = file.layout() == Layout.WIDE ? "ita_result" : "ita_question_score";
        String stage = table + "_stage_" + loadId.replace("-", "");
        clickhouse.useHandle(handle -> {
            Connection connection = handle.getConnection();
            try (Statement statement = connection.createStatement()) {
                statement.execute(StagingTables.create(stage, table));
                try {
                    long start = System.nanoTime();
                    if (file.layout() == Layout.WIDE) {
                        insertResults(connection, stage, file, loadId, loadedAt, progress);
                    } else {
                        insertQuestions(connection, stage, file, loadId, loadedAt, progress);
                    }
                    phases.insert = Phases.millisSince(start);
                    for (int year : years) {
                        String kept = file.layout() == Layout.WIDE
                                ? "agency_code NOT IN (SELECT agency_code FROM " + stage + " WHERE fiscal_year = " + year + ")"
                                : "agency_code NOT IN (SELECT DISTINCT agency_code FROM " + stage + " WHERE fiscal_year = " + year + ")";
                        start = System.nanoTime();
                        statement.execute("INSERT INTO " + stage + " SELECT * FROM " + table + " WHERE fiscal_year = "
                                + year + " AND " + kept);
                        phases.keptRows += Phases.millisSince(start);
                        start = System.nanoTime();
                        statement.execute(StagingTables.replacePartition(table, year, stage));
                        phases.swap += Phases.millisSince(start);
                        if (file.layout() == Layout.WIDE) {
                            start = System.nanoTime();
                            ResultAggregates.rebuild(statement, year, loadId.replace("-", ""));
                            phases.aggregates += Phases.millisSince(start);
                        }
                    }
                } finally {
                    statement.execute(StagingTables.drop(stage));
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
                                      java.util.function.LongConsumer progress) throws SQLException {
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

    /** Streams the question scores as RowBinary through the driver's client (one request, no SQL per row). */
    static void insertQuestions(Connection connection, String stage, ResultFile file, String loadId, Instant loadedAt,
                                        java.util.function.LongConsumer progress) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            // Every row of the load has the same id and time: the staging table fills them in (REPLACE PARTITION does
            // not compare column defaults), so the rows travel without them.
            statement.execute(StagingTables.defaultLoadColumns(stage, loadId, loadedAt));
        }
        com.clickhouse.client.api.Client client = connection.unwrap(com.clickhouse.jdbc.ConnectionImpl.class).getClient();
        try (com.clickhouse.client.api.insert.InsertResponse ignored = client.insert(stage, QuestionScoreRowBinary.COLUMNS,
                out -> QuestionScoreRowBinary.write(out, file.questions(), progress),
                com.clickhouse.data.ClickHouseFormat.RowBinary, new com.clickhouse.client.api.insert.InsertSettings())
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
                                      java.util.function.LongConsumer progress) throws SQLException {
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
    private void record(String loadId, ResultFile file, Loader who, int rows, String status, String error) {
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

    private static void insertLoad(Handle handle, String loadId, ResultFile file, Loader who, int rows, String status, String error) {
        handle.createUpdate("INSERT INTO ita_load (id, subject, username, file_name, sha256, layout, fiscal_years, "
                        + "rows_accepted, status, error, finished_at) VALUES (:id, :subject, :username, :file, :sha, :layout, "
                        + ":years, :rows, :status, :error, now())")
                .bind("id", loadId).bind("subject", who.subject()).bind("username", who.username())
                .bind("file", file.fileName()).bind("sha", file.sha256()).bind("layout", file.layout().name())
                .bind("years", file.fiscalYears().toArray(new Integer[0])).bind("rows", rows)
                .bind("status", status).bind("error", error).execute();
    }
}
