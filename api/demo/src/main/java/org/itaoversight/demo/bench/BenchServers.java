package org.itaoversight.demo.bench;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import org.itaoversight.embedded.clickhouse.ChdbLibrary;
import org.itaoversight.embedded.clickhouse.EmbeddedClickHouse;
import org.itaoversight.embedded.postgres.EmbeddedPostgresServer;
import org.itaoversight.migrations.clickhouse.ClickHouseMigrator;
import org.itaoversight.migrations.clickhouse.ClickHouseScripts;
import org.itaoversight.migrations.postgres.PostgresMigrator;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/** A benchmark's private embedded ClickHouse and PostgreSQL in a work directory, with both schemas applied. */
final class BenchServers implements AutoCloseable {

    final EmbeddedClickHouse clickhouse;
    final EmbeddedPostgresServer postgres;
    final Jdbi pg;
    final Jdbi ch;

    BenchServers(Path work) {
        this.clickhouse = EmbeddedClickHouse.start(new EmbeddedClickHouse.Settings(work.resolve("clickhouse"),
                ChdbLibrary.locate(ChdbLibrary.defaultCacheDirectory()), 0, 0, 4L << 30, Duration.ofSeconds(60)));
        try {
            this.postgres = EmbeddedPostgresServer.start(work.resolve("postgres"), 0);
        } catch (RuntimeException e) {
            clickhouse.close();
            throw e;
        }
        this.pg = Jdbi.create(postgres.jdbcUrl()).installPlugin(new SqlObjectPlugin());
        org.postgresql.ds.PGSimpleDataSource dataSource = new org.postgresql.ds.PGSimpleDataSource();
        dataSource.setUrl(postgres.jdbcUrl());
        new PostgresMigrator(dataSource).migrate();
        new ClickHouseMigrator(db -> DriverManager.getConnection(clickhouse.jdbcUrl(db), "default", ""), "bench",
                ClickHouseScripts.bundled(), Clock.systemUTC()).migrate("bench");
        Properties properties = new Properties();
        properties.setProperty("user", "default");
        properties.setProperty("password", "");
        this.ch = Jdbi.create(clickhouse.jdbcUrl("bench"), properties).installPlugin(new SqlObjectPlugin());
    }

    @Override
    public void close() {
        try {
            clickhouse.close();
        } finally {
            postgres.close();
        }
    }
}
