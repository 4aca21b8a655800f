package org.itaoversight.api.ita.analytics;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.itaoversight.migrations.clickhouse.StagingTables;

/**
 * The pre-aggregated analytics tables ({@code ita_total_histogram}, {@code ita_indicator_summary}) kept in step with
 * {@code ita_result}: after a year of results changes, each table's partition of that year is rebuilt from its
 * {@code …_source} view (the one definition of its rows, in the ClickHouse scripts) in a staging table and swapped
 * in with {@code REPLACE PARTITION}, so readers see the old aggregates of the year or the new ones.
 */
public final class ResultAggregates {

    /** The aggregate tables; each has a view {@code <table>_source} over {@code ita_result}. */
    public static final List<String> TABLES = List.of("ita_total_histogram", "ita_indicator_summary");

    private ResultAggregates() {
    }

    /**
     * Rebuilds every aggregate of {@code year} from {@code ita_result} as it is now.
     *
     * @param suffix makes the staging tables' names unique to this caller (e.g. the load's id, hex only)
     */
    public static void rebuild(Statement statement, int year, String suffix) throws SQLException {
        if (!suffix.matches("[A-Za-z0-9_]{1,64}")) {
            throw new IllegalArgumentException("staging suffix must be a plain identifier part, got " + suffix);
        }
        for (String table : TABLES) {
            String stage = table + "_stage_" + suffix;
            statement.execute(StagingTables.create(stage, table));
            try {
                statement.execute("INSERT INTO " + stage + " SELECT * FROM " + table + "_source WHERE fiscal_year = " + year);
                // A year may have no rows for an aggregate (no indicator scores): then its partition becomes empty.
                statement.execute(StagingTables.replacePartitionFromMaybeEmpty(table, year, stage));
            } finally {
                statement.execute(StagingTables.drop(stage));
            }
        }
    }
}
