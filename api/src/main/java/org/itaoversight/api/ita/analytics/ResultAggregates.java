package org.itaoversight.api.ita.analytics;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.itaoversight.migrations.clickhouse.StagingTables;

/**
 * The tables derived from {@code ita_result} ({@code ita_total_histogram}, {@code ita_indicator_summary},
 * {@code ita_province_rank}) kept in step with it: after a year of results changes, each table's partitions that
 * depend on that year are rebuilt from the table's {@code …_source} view (the one definition of its rows, in the
 * ClickHouse scripts) in a staging table and swapped in with {@code REPLACE PARTITION}, so readers see the old rows
 * of a year or the new ones.
 *
 * <p>On a node of a ClickHouse cluster ({@link #rebuildOnShard}) the same is done with the shard tables
 * ({@code …_local}): the cluster form's {@code …_source} views read the shard's own {@code ita_result_local}, and a
 * province's rows (its ranks too) live on one shard, so each shard rebuilds its provinces from its own rows.
 */
public final class ResultAggregates {

    /**
     * A derived table: how to select one year's rows from its source view, and whether a year's rows also depend on
     * the year before (then loading year Y changes year Y + 1 too).
     */
    private record Derived(String table, boolean readsPreviousYear) {

        String selectYear(int year) {
            return readsPreviousYear
                    ? "SELECT * FROM " + table + "_source(first = " + year + ", last = " + year + ")"
                    : "SELECT * FROM " + table + "_source WHERE fiscal_year = " + year;
        }
    }

    private static final List<Derived> DERIVED = List.of(new Derived("ita_total_histogram", false),
            new Derived("ita_indicator_summary", false), new Derived("ita_province_rank", true));

    /** The derived tables, by their single-node names. */
    public static final List<String> TABLES = DERIVED.stream().map(Derived::table).toList();

    private ResultAggregates() {
    }

    /**
     * Rebuilds every derived row that depends on {@code year} from {@code ita_result} as it is now.
     *
     * @param suffix makes the staging tables' names unique to this caller (e.g. the load's id, hex only)
     */
    public static void rebuild(Statement statement, int year, String suffix) throws SQLException {
        rebuild(statement, year, suffix, false);
    }

    /**
     * The same on one node of a ClickHouse cluster: every shard table {@code …_local} derived from the node's
     * {@code ita_result_local}, through the cluster form's {@code …_source} views; staging copies are plain
     * MergeTree tables on this node (no Keeper path).
     */
    public static void rebuildOnShard(Statement statement, int year, String suffix) throws SQLException {
        rebuild(statement, year, suffix, true);
    }

    private static void rebuild(Statement statement, int year, String suffix, boolean shard) throws SQLException {
        if (!suffix.matches("[A-Za-z0-9_]{1,64}")) {
            throw new IllegalArgumentException("staging suffix must be a plain identifier part, got " + suffix);
        }
        for (Derived derived : DERIVED) {
            rebuildYear(statement, derived, year, suffix, shard);
            // The next year's rows depend on this one; a year without results has none to rebuild.
            if (derived.readsPreviousYear() && hasResults(statement, year + 1, shard)) {
                rebuildYear(statement, derived, year + 1, suffix, shard);
            }
        }
    }

    private static boolean hasResults(Statement statement, int year, boolean shard) throws SQLException {
        try (ResultSet count = statement.executeQuery("SELECT count() > 0 FROM " + (shard ? "ita_result_local" : "ita_result")
                + " WHERE fiscal_year = " + year)) {
            return count.next() && count.getBoolean(1);
        }
    }

    private static void rebuildYear(Statement statement, Derived derived, int year, String suffix, boolean shard)
            throws SQLException {
        String table = shard ? derived.table() + "_local" : derived.table();
        String stage = derived.table() + "_stage_" + suffix;
        statement.execute(shard ? StagingTables.createOnNode(stage, table, engineFull(statement, table))
                : StagingTables.create(stage, table));
        try {
            statement.execute("INSERT INTO " + stage + " " + derived.selectYear(year));
            // A year may have no rows for a derived table (no indicator scores, no results yet): its partition
            // becomes empty.
            statement.execute(StagingTables.replacePartitionFromMaybeEmpty(table, year, stage));
        } finally {
            statement.execute(StagingTables.drop(stage));
        }
    }

    /** The engine of a table of this node's current database, with its keys and settings. */
    private static String engineFull(Statement statement, String table) throws SQLException {
        try (ResultSet engine = statement.executeQuery("SELECT engine_full FROM system.tables WHERE database = currentDatabase() "
                + "AND name = '" + table + "'")) {
            if (!engine.next()) {
                throw new SQLException("no table " + table + " on this ClickHouse node: are the cluster scripts applied?");
            }
            return engine.getString(1);
        }
    }
}
