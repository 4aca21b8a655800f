package org.itaoversight.api;

import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;
import io.dropwizard.jdbi3.JdbiFactory;
import java.sql.DriverManager;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.itaoversight.api.clickhouse.ClickHouseCluster;
import org.itaoversight.api.clickhouse.ClickHouseConfiguration;
import org.itaoversight.api.health.ClickHouseClusterHealthCheck;
import org.itaoversight.api.health.ClickHouseHealthCheck;
import org.itaoversight.migrations.clickhouse.ClickHouseMigrator;
import org.itaoversight.migrations.clickhouse.ClickHouseScripts;
import org.itaoversight.migrations.postgres.PostgresMigrator;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * The two databases of the application, wired from configuration: PostgreSQL (operational data) and ClickHouse
 * (analytics), each behind a managed pool with a health check, and their schemas. With {@code clickhouse.cluster}, the
 * ClickHouse schema is the cluster form, {@code clickhouseShards} reaches one node of each shard (for the result loader)
 * and a {@code clickhouse-cluster} health check asks each of them.
 */
public record Databases(Jdbi postgres, ManagedDataSource postgresDataSource, Jdbi clickhouse,
                        ClickHouseMigrator clickhouseMigrator, Optional<Supplier<ClickHouseCluster>> clickhouseShards) {

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

        Optional<Supplier<ClickHouseCluster>> shards = clickhouseConfiguration.clusterName().map(cluster -> {
            List<ClickHouseCluster.Node> nodes = clickhouseConfiguration.getShards().stream()
                    .map(url -> new ClickHouseCluster.Node(url, Jdbi.create(clickhouseConfiguration.jdbcUrl(url,
                            clickhouseConfiguration.getDatabase()), clickhouseConfiguration.getUser(),
                            clickhouseConfiguration.getPassword()))).toList();
            // Asked on first use: the nodes' database exists only once the schema has been applied.
            return memoized(() -> ClickHouseCluster.discover(cluster, nodes));
        });
        shards.ifPresent(cluster -> environment.healthChecks().register("clickhouse-cluster", new ClickHouseClusterHealthCheck(cluster)));
        return new Databases(postgres, postgresDataSource, clickhouse, clickhouseMigrator(clickhouseConfiguration, serverUrl), shards);
    }

    static ClickHouseMigrator clickhouseMigrator(ClickHouseConfiguration configuration, String serverUrl) {
        String database = configuration.getDatabase();
        Optional<String> cluster = configuration.clusterName();
        if (cluster.isEmpty()) {
            return new ClickHouseMigrator(connections(configuration, serverUrl), database, ClickHouseScripts.bundled(),
                    Clock.systemUTC());
        }
        if (configuration.isReplicated()) {
            return ClickHouseMigrator.withDistributedDdl(connections(configuration, serverUrl), cluster.get(), database,
                    Clock.systemUTC());
        }
        return ClickHouseMigrator.onEachNode(configuration.getShards().stream().map(url -> connections(configuration, url)).toList(),
                cluster.get(), database, Clock.systemUTC());
    }

    private static ClickHouseMigrator.ConnectionFactory connections(ClickHouseConfiguration configuration, String serverUrl) {
        Properties properties = new Properties();
        properties.setProperty("user", configuration.getUser());
        properties.setProperty("password", configuration.getPassword());
        if (configuration.clusterName().isPresent()) {
            properties.putAll(ClickHouseConfiguration.CLUSTER_SESSION_SETTINGS);
        }
        return database -> DriverManager.getConnection(configuration.jdbcUrl(serverUrl, database), properties);
    }

    private static <T> Supplier<T> memoized(Supplier<T> supplier) {
        AtomicReference<T> value = new AtomicReference<>();
        return () -> value.updateAndGet(current -> current != null ? current : supplier.get());
    }

    /** Applies the PostgreSQL changelog and the ClickHouse scripts. */
    public List<ClickHouseMigrator.AppliedScript> migrate(String appliedBy) {
        new PostgresMigrator(postgresDataSource).migrate();
        return clickhouseMigrator.migrate(appliedBy);
    }
}
