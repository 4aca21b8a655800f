package org.itaoversight.api.testing;

import java.time.Clock;
import org.itaoversight.migrations.clickhouse.ClickHouseMigrator;
import org.itaoversight.migrations.clickhouse.ClickHouseScripts;
import org.itaoversight.migrations.postgres.PostgresMigrator;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * A test's own pair of databases: a fresh database of one name on the shared test PostgreSQL and on the shared test
 * ClickHouse, both migrated to the current schema, each with a {@link Jdbi} (SqlObjects installed).
 */
public record TestingDatabases(String name, Jdbi postgres, Jdbi clickhouse) {

    public static TestingDatabases migrated(TestingPostgres postgres, TestingClickHouse clickhouse) {
        String database = postgres.createDatabase();
        new PostgresMigrator(postgres.dataSource(database)).migrate();
        new ClickHouseMigrator(clickhouse::connect, database, ClickHouseScripts.bundled(), Clock.systemUTC()).migrate("test");
        return new TestingDatabases(database, Jdbi.create(postgres.jdbcUrl(database)).installPlugin(new SqlObjectPlugin()),
                Jdbi.create(clickhouse.engine().jdbcUrl(database), "default", "").installPlugin(new SqlObjectPlugin()));
    }
}
