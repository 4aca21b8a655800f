package org.itaoversight.migrations.clickhouse;

import java.time.Instant;
import java.util.regex.Pattern;

/**
 * The only DDL outside the versioned scripts: a staging copy of a table, filled and then swapped in partition by
 * partition ({@code REPLACE PARTITION}: readers see the old partition or the new one), then dropped. Its schema is
 * the table's own ({@code CREATE TABLE … AS}), so no schema is defined here.
 */
public final class StagingTables {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");
    private static final Pattern LOAD_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

    private StagingTables() {
    }

    /** Creates {@code stage} with exactly the columns, engine and partitioning of {@code table}. */
    public static String create(String stage, String table) {
        return "CREATE TABLE " + name(stage) + " AS " + name(table);
    }

    /** Moves one partition (a fiscal year) of {@code stage} into {@code table}, atomically for readers. */
    public static String replacePartition(String table, int partition, String stage) {
        return "ALTER TABLE " + name(table) + " REPLACE PARTITION " + partition + " FROM " + name(stage);
    }

    /**
     * The same, where the stage may hold no row of the partition (a year without rows for an aggregate): the
     * partition then becomes empty.
     */
    public static String replacePartitionFromMaybeEmpty(String table, int partition, String stage) {
        return replacePartition(table, partition, stage) + " SETTINGS allow_replace_partition_from_empty_source = 1";
    }

    /**
     * Gives a staging copy's load columns ({@code load_id}, {@code loaded_at}) one load's values as their defaults,
     * so that the rows of the load travel without them ({@code REPLACE PARTITION} does not compare column defaults).
     */
    public static String defaultLoadColumns(String stage, String loadId, Instant loadedAt) {
        if (!LOAD_ID.matcher(loadId).matches()) {
            throw new IllegalArgumentException("not a load id: " + loadId);
        }
        return "ALTER TABLE " + name(stage) + " MODIFY COLUMN load_id String DEFAULT '" + loadId
                + "', MODIFY COLUMN loaded_at DateTime64(3, 'UTC') DEFAULT fromUnixTimestamp64Milli(toInt64("
                + loadedAt.toEpochMilli() + "), 'UTC')";
    }

    public static String drop(String stage) {
        return "DROP TABLE IF EXISTS " + name(stage) + " SYNC";
    }

    /**
     * Creates {@code stage} on one node of a cluster with the columns of the shard table {@code table} and its engine,
     * keys and settings ({@code engineFull}, as {@code system.tables} gives it) without replication: it exchanges
     * partitions with the table and claims no Keeper path of its own.
     */
    public static String createOnNode(String stage, String table, String engineFull) {
        return create(stage, table) + " ENGINE = " + ClickHouseClusterScripts.plainEngine(engineFull);
    }

    /**
     * A load's list of the (fiscal year, agency code) it replaces, in memory on one node of a cluster (the agencies a
     * file replaces may have rows on any shard), dropped with the staging copy.
     */
    public static String createAgencyYears(String name) {
        return "CREATE TABLE " + name(name) + " (fiscal_year UInt16, agency_code String) ENGINE = Memory";
    }

    private static String name(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain table name: " + name);
        }
        return name;
    }
}
