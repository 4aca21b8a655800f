package org.itaoversight.api;

import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;
import io.dropwizard.jdbi3.JdbiFactory;
import java.sql.DriverManager;
import java.time.Clock;
import java.util.List;
import org.itaoversight.api.clickhouse.ClickHouseConfiguration;
import org.itaoversight.api.health.ClickHouseHealthCheck;
import org.itaoversight.migrations.clickhouse.ClickHouseMigrator;
import org.itaoversight.migrations.clickhouse.ClickHouseScripts;
import org.itaoversight.migrations.postgres.PostgresMigrator;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * The two databases of the application, wired from configuration: PostgreSQL (operational data) and ClickHouse
 * (analytics), each behind a managed pool with a health check, and their schemas.
 */
public record Databases(Jdbi postgres, ManagedDataSource postgresDataSource, Jdbi clickhouse,
                        ClickHouseMigrator clickhouseMigrator) {

    /** Builds both pools on the given environment (which manages their lifecycle and registers health checks). */
    public static Databases open(OversightConfiguration configuration, Environment environment) {
        DataSourceFactory postgresFactory = configuration.getDatabase();
        ManagedDataSource postgresDataSource = postgresFactory.build(environment.metrics(), "postgresql");
        Jdbi postgres = new JdbiFactory().build(environment, postgresFactory, postgresDataSource, "postgresql");

        ClickHouseConfiguration clickhouseConfiguration = configuration.getClickhouse();
        String serverUrl = clickhouseConfiguration.getUrl();
        ManagedDataSource clickhouseDataSource = clickhouseConfiguration.dataSourceFactory(serverUrl)
                .build(environment.metrics(), "clickhouse");
        environment.lifecycle().manage(clickhouseDataSource);
        Jdbi clickhouse = Jdbi.create(clickhouseDataSource).installPlugin(new SqlObjectPlugin());
        environment.healthChecks().register("clickhouse", new ClickHouseHealthCheck(clickhouse));

        return new Databases(postgres, postgresDataSource, clickhouse, clickhouseMigrator(clickhouseConfiguration, serverUrl));
    }

    static ClickHouseMigrator clickhouseMigrator(ClickHouseConfiguration configuration, String serverUrl) {
        return new ClickHouseMigrator(
                database -> DriverManager.getConnection(configuration.jdbcUrl(serverUrl, database),
                        configuration.getUser(), configuration.getPassword()),
                configuration.getDatabase(), ClickHouseScripts.bundled(), Clock.systemUTC());
    }

    /** Applies the PostgreSQL changelog and the ClickHouse scripts. */
    public List<ClickHouseMigrator.AppliedScript> migrate(String appliedBy) {
        new PostgresMigrator(postgresDataSource).migrate();
        return clickhouseMigrator.migrate(appliedBy);
    }
}
