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
    /** Pooled (connections and their HTTP keep-alive reused), as the application reads: for timing queries. */
    final Jdbi pgPooled;
    final Jdbi chPooled;
    private final io.dropwizard.db.ManagedDataSource pgPool;
    private final io.dropwizard.db.ManagedDataSource chPool;

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
        com.codahale.metrics.MetricRegistry metrics = new com.codahale.metrics.MetricRegistry();
        org.itaoversight.api.clickhouse.ClickHouseConfiguration chConfig = new org.itaoversight.api.clickhouse.ClickHouseConfiguration();
        chConfig.setDatabase("bench");
        this.chPool = chConfig.dataSourceFactory(clickhouse.serverJdbcUrl()).build(metrics, "bench-clickhouse");
        this.chPooled = Jdbi.create(chPool).installPlugin(new SqlObjectPlugin());
        io.dropwizard.db.DataSourceFactory pgFactory = new io.dropwizard.db.DataSourceFactory();
        pgFactory.setDriverClass("org.postgresql.Driver");
        pgFactory.setUrl(postgres.jdbcUrl());
        pgFactory.setUser("postgres");
        pgFactory.setMaxSize(8);
        this.pgPool = pgFactory.build(metrics, "bench-postgresql");
        this.pgPooled = Jdbi.create(pgPool).installPlugin(new SqlObjectPlugin());
    }

    @Override
    public void close() {
        try {
            chPool.stop();
            pgPool.stop();
        } catch (Exception e) {
            // closing the pools of servers that are about to stop
        }
        try {
            clickhouse.close();
        } finally {
            postgres.close();
        }
    }
}
