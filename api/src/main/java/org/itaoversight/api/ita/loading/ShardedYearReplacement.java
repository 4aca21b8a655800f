package org.itaoversight.api.ita.loading;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.itaoversight.api.clickhouse.ClickHouseCluster;
import org.itaoversight.api.clickhouse.ClickHouseCluster.Shard;
import org.itaoversight.api.ita.analytics.ResultAggregates;
import org.itaoversight.migrations.clickhouse.StagingTables;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces fiscal years of the results on a ClickHouse cluster, on every shard or on none.
 *
 * <p>How: (1) <em>prepare</em>, on every shard, a staging table with the file's rows of that shard's provinces and the
 * shard's rows of the same years that the file does not replace, and a backup of each year's partition as it is
 * (hard links, no copy); nothing readers see has changed yet, and a failure here just drops the staging tables.
 * (2) <em>swap</em>, shard after shard, each year's partition of the shard table with the staged one
 * ({@code REPLACE PARTITION}, atomic per shard). (3) If a swap fails, the shards already swapped get their backups
 * back the same way, so every shard again holds the old years; only then does the load fail. After each result
 * year's swap (and each restore) the shard rebuilds its pre-aggregated tables and its province ranks of that year and
 * of the year after from its own rows ({@link ResultAggregates#rebuildOnShard}; a province lives on one shard, so its
 * ranks do too), as the single-node loader does on its one server. It runs under the
 * loader's PostgreSQL lock of the years, so no other load of them, on any API instance, interleaves.
 *
 * <p>What readers may see: on one shard, the old year or the new one, never a mix; across shards, during the
 * swap (one {@code ALTER} per shard and year, milliseconds each) a query may find some shards new and others old.
 * If the loader itself dies during the swap (the JVM killed between shards), no rollback runs: the load is not
 * recorded as loaded, and loading the same file again (loads are idempotent) brings every shard to the new year.
 */
public final class ShardedYearReplacement {

    /** Told after each shard has taken the new years (for the log; a test uses it to fail the next shard). */
    @FunctionalInterface
    public interface ShardSwapListener {
        void swapped(Shard shard, int shardsSwapped, int shards, List<Integer> years);
    }

    private static final Logger LOG = LoggerFactory.getLogger(ShardedYearReplacement.class);

    private final ClickHouseCluster cluster;
    private final ShardSwapListener listener;

    public ShardedYearReplacement(ClickHouseCluster cluster) {
        this(cluster, (shard, done, of, years) -> LOG.info("Years {} swapped on shard {} ({} of {})", years,
                shard.number(), done, of));
    }

    public ShardedYearReplacement(ClickHouseCluster cluster, ShardSwapListener listener) {
        this.cluster = cluster;
        this.listener = listener;
    }

    public ClickHouseCluster cluster() {
        return cluster;
    }

    /** Per shard: the names of this load's working tables there. */
    private record Tables(String live, String stage, String backup, String replaced) {
    }

    void replace(ResultFile file, String loadId, Instant loadedAt, List<Integer> years, LongConsumer progress,
                 ResultLoader.Phases phases, ResultLoader.StagingInsert stagingInsert) {
        String table = (file.layout() == Layout.WIDE ? "ita_result" : "ita_question_score") + "_local";
        String suffix = loadId.replace("-", "");
        Tables tables = new Tables(table, table + "_stage_" + suffix, table + "_backup_" + suffix,
                table + "_replaced_" + suffix);
        Map<Shard, ResultFile> parts = split(file);
        List<Shard> shards = cluster.shards();
        boolean keepBackups = false;
        try {
            AtomicLong written = new AtomicLong();
            long start = System.nanoTime();
            for (Shard shard : shards) {
                long before = written.get();
                prepare(shard, tables, parts.get(shard), file, loadId, loadedAt, years,
                        rows -> progress.accept(before + rows), stagingInsert);
                written.addAndGet(parts.get(shard).rows());
            }
            phases.insert = ResultLoader.Phases.millisSince(start);
            List<Swapped> swapped = new ArrayList<>();
            int shardsDone = 0;
            for (Shard shard : shards) {
                try {
                    swap(shard, tables, years, tables.stage(), swapped, suffix, phases);
                } catch (RuntimeException failure) {
                    keepBackups = !rollBack(swapped, tables, suffix, failure);
                    throw new IllegalStateException("loading " + file.fileName() + " failed on ClickHouse shard "
                            + shard.number() + " of " + shards.size() + (keepBackups
                            ? "; restoring the shards already swapped failed too, see the log: load the same file again"
                            : ", every shard holds the years as they were") + ": " + failure.getMessage(), failure);
                }
                listener.swapped(shard, ++shardsDone, shards.size(), years);
            }
        } finally {
            for (Shard shard : shards) {
                dropQuietly(shard, keepBackups ? List.of(tables.stage(), tables.replaced())
                        : List.of(tables.stage(), tables.backup(), tables.replaced()));
            }
        }
    }

    /** The file's rows by the shard of their province (every shard gets a part, maybe empty). */
    private Map<Shard, ResultFile> split(ResultFile file) {
        Set<String> provinces = new HashSet<>();
        file.results().forEach(r -> provinces.add(r.agency().provinceCode()));
        file.questions().forEach(q -> provinces.add(q.agency().provinceCode()));
        Map<String, Shard> placed = cluster.shardsOf(provinces);
        Map<Shard, ResultFile> parts = new LinkedHashMap<>();
        for (Shard shard : cluster.shards()) {
            parts.put(shard, new ResultFile(file.fileName(), file.sha256(), file.encoding(), file.layout(),
                    file.results().stream().filter(r -> placed.get(r.agency().provinceCode()) == shard).toList(),
                    file.questions().stream().filter(q -> placed.get(q.agency().provinceCode()) == shard).toList(),
                    file.problems(), file.warnings(), file.problemCount()));
        }
        return parts;
    }

    private static void prepare(Shard shard, Tables tables, ResultFile part, ResultFile whole, String loadId, Instant loadedAt,
                                List<Integer> years, LongConsumer progress, ResultLoader.StagingInsert stagingInsert) {
        onShard(shard, "preparing", (handle, statement) -> {
            String engineFull = engineFull(handle, tables.live());
            statement.execute(StagingTables.createOnNode(tables.stage(), tables.live(), engineFull));
            statement.execute(StagingTables.createOnNode(tables.backup(), tables.live(), engineFull));
            // The agencies the file replaces, per year, wherever they are (an agency may have moved province).
            statement.execute(StagingTables.createAgencyYears(tables.replaced()));
            List<Object[]> replaced = new ArrayList<>();
            (whole.layout() == Layout.WIDE
                    ? whole.results().stream().map(r -> new Object[] {r.fiscalYear(), r.agency().code()})
                    : whole.questions().stream().map(q -> new Object[] {q.fiscalYear(), q.agency().code()})).distinct()
                    .forEach(replaced::add);
            var batch = handle.prepareBatch("INSERT INTO " + tables.replaced() + " (fiscal_year, agency_code) VALUES (?, ?)");
            for (Object[] row : replaced) {
                batch.add(row);
            }
            if (!replaced.isEmpty()) {
                batch.execute();
            }
            Connection connection = handle.getConnection();
            if (part.layout() == Layout.WIDE) {
                ResultLoader.insertResults(connection, tables.stage(), part, loadId, loadedAt, progress);
            } else if (!part.questions().isEmpty()) {
                ResultLoader.insertQuestions(connection, tables.stage(), part, loadId, loadedAt, progress, stagingInsert);
            }
            for (int year : years) {
                statement.execute("INSERT INTO " + tables.stage() + " SELECT * FROM " + tables.live() + " WHERE fiscal_year = "
                        + year + " AND agency_code NOT IN (SELECT agency_code FROM " + tables.replaced()
                        + " WHERE fiscal_year = " + year + ")");
                statement.execute(StagingTables.replacePartitionFromMaybeEmpty(tables.backup(), year, tables.live()));
            }
        });
    }

    /** A year that a shard has taken from the staging table. */
    private record Swapped(Shard shard, int year) {
    }

    /** The engine of {@code live} on this node with its keys and settings, for copies that exchange partitions with it. */
    private static String engineFull(Handle handle, String live) {
        return handle.createQuery("SELECT engine_full FROM system.tables WHERE database = currentDatabase() "
                + "AND name = :table").bind("table", live).mapTo(String.class).one();
    }

    /**
     * Swaps the years in, one by one, adding each to {@code done} once the shard has it; for results, then rebuilds the
     * shard's aggregates and province ranks that depend on the year.
     */
    private static void swap(Shard shard, Tables tables, List<Integer> years, String from, List<Swapped> done,
                             String suffix, ResultLoader.Phases phases) {
        onShard(shard, "swapping", (handle, statement) -> {
            for (int year : years) {
                long start = System.nanoTime();
                statement.execute(StagingTables.replacePartitionFromMaybeEmpty(tables.live(), year, from));
                done.add(new Swapped(shard, year));
                phases.swap += ResultLoader.Phases.millisSince(start);
                if (tables.live().equals("ita_result_local")) {
                    start = System.nanoTime();
                    ResultAggregates.rebuildOnShard(statement, year, suffix);
                    phases.aggregates += ResultLoader.Phases.millisSince(start);
                }
            }
        });
    }

    /** Puts the backups back where years were swapped, newest first; true when every one was restored. */
    private static boolean rollBack(List<Swapped> swapped, Tables tables, String suffix, RuntimeException cause) {
        boolean restored = true;
        for (Swapped undo : swapped.reversed()) {
            try {
                swap(undo.shard(), tables, List.of(undo.year()), tables.backup(), new ArrayList<>(), suffix,
                        new ResultLoader.Phases());
                LOG.warn("Year {} restored on ClickHouse shard {} after a failed load", undo.year(), undo.shard().number());
            } catch (RuntimeException e) {
                restored = false;
                cause.addSuppressed(e);
                LOG.error("Could not restore year {} on ClickHouse shard {} from {}: {}; it keeps the new rows until the "
                        + "same file is loaded again", undo.year(), undo.shard().number(), tables.backup(), e.getMessage());
            }
        }
        return restored;
    }

    private static void dropQuietly(Shard shard, List<String> names) {
        try {
            onShard(shard, "cleaning up", (handle, statement) -> {
                for (String name : names) {
                    statement.execute(StagingTables.drop(name));
                }
            });
        } catch (RuntimeException e) {
            LOG.warn("Could not drop the working tables {} on ClickHouse shard {}: {}", names, shard.number(), e.getMessage());
        }
    }

    @FunctionalInterface
    private interface ShardWork {
        void run(Handle handle, Statement statement) throws SQLException;
    }

    private static void onShard(Shard shard, String what, ShardWork work) {
        try {
            shard.jdbi().useHandle(handle -> {
                try (Statement statement = handle.getConnection().createStatement()) {
                    work.run(handle, statement);
                }
            });
        } catch (SQLException | RuntimeException e) {
            Throwable cause = e.getCause() instanceof SQLException sql ? sql : e;
            throw new IllegalStateException(what + " on shard " + shard.number() + " (" + shard.url() + "): " + cause.getMessage(), e);
        }
    }
}
