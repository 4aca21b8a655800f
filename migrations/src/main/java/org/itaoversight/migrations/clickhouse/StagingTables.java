package org.itaoversight.migrations.clickhouse;

import java.util.regex.Pattern;

/**
 * The only DDL outside the versioned scripts: a staging copy of a table, filled and then swapped in partition by
 * partition ({@code REPLACE PARTITION}: readers see the old partition or the new one), then dropped. Its schema is
 * the table's own ({@code CREATE TABLE … AS}), so no schema is defined here.
 */
public final class StagingTables {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");

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

    public static String drop(String stage) {
        return "DROP TABLE IF EXISTS " + name(stage) + " SYNC";
    }

    private static String name(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain table name: " + name);
        }
        return name;
    }
}
