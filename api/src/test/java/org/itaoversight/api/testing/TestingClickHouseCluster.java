package org.itaoversight.api.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.itaoversight.api.clickhouse.ClickHouseCluster;
import org.itaoversight.api.clickhouse.ClickHouseConfiguration;
import org.itaoversight.embedded.clickhouse.EmbeddedClickHouse;
import org.itaoversight.migrations.clickhouse.ClickHouseMigrator;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * A ClickHouse cluster of real embedded engines, one per shard, each in its own child JVM with the cluster in its
 * {@code remote_servers}, so that a Distributed table on any of them reads and writes every shard.
 *
 * <p>What the engine library can and cannot do (checked with libchdb 26.7): Distributed tables, the {@code cluster()}
 * table function and routing by sharding key work; ClickHouse Keeper does not run inside it (its
 * {@code keeper_server} is ignored), {@code ON CLUSTER} is refused ("Replicated DDL queries are disabled": no DDL
 * worker) and Replicated tables stay read-only even with an outside ZooKeeper (no interserver endpoint for
 * replication). So the shards have no replicas, and the schema is applied on each node by the migrator
 * ({@link ClickHouseMigrator#onEachNode}), as on a production cluster without Keeper.
 */
public final class TestingClickHouseCluster implements AutoCloseable {

    public static final String NAME = "ita_test";

    private final List<EmbeddedClickHouse.Settings> settings;
    private final String clusterConfig;
    private final EmbeddedClickHouse[] engines;

    private TestingClickHouseCluster(List<EmbeddedClickHouse.Settings> settings, String clusterConfig, EmbeddedClickHouse[] engines) {
        this.settings = settings;
        this.clusterConfig = clusterConfig;
        this.engines = engines;
    }

    /** Starts {@code shards} engines (in parallel) as the shards of cluster {@value #NAME}. */
    public static TestingClickHouseCluster start(int shards) {
        try {
            Path root = Files.createTempDirectory(Files.createDirectories(Path.of("target", "testing")), "clickhouse-cluster-");
            List<EmbeddedClickHouse.Settings> settings = new ArrayList<>();
            StringBuilder remote = new StringBuilder("<remote_servers><" + NAME + ">");
            for (int shard = 1; shard <= shards; shard++) {
                int http = freePort();
                int tcp = freePort();
                settings.add(new EmbeddedClickHouse.Settings(root.resolve("shard-" + shard), TestingClickHouse.library(), http, tcp,
                        768L << 20, java.time.Duration.ofSeconds(60)));
                remote.append("<shard><replica><host>127.0.0.1</host><port>").append(tcp).append("</port></replica></shard>");
            }
            String config = remote.append("</").append(NAME).append("></remote_servers>").toString();
            EmbeddedClickHouse[] engines = new EmbeddedClickHouse[shards];
            List<CompletableFuture<Void>> starting = IntStream.range(0, shards).mapToObj(i -> CompletableFuture.runAsync(
                    () -> engines[i] = EmbeddedClickHouse.start(settings.get(i), config))).toList();
            try {
                CompletableFuture.allOf(starting.toArray(CompletableFuture[]::new)).join();
            } catch (RuntimeException e) {
                for (EmbeddedClickHouse engine : engines) {
                    if (engine != null) {
                        engine.close();
                    }
                }
                throw e;
            }
            return new TestingClickHouseCluster(List.copyOf(settings), config, engines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String name() {
        return NAME;
    }

    /** The engine of shard {@code number} (1-based). */
    public EmbeddedClickHouse shard(int number) {
        return engines[number - 1];
    }

    public int shards() {
        return engines.length;
    }

    /** Each shard's server URL (without database), in shard order: what {@code clickhouse.shards} lists. */
    public List<String> shardUrls() {
        return IntStream.rangeClosed(1, engines.length).mapToObj(n -> shard(n).serverJdbcUrl()).toList();
    }

    /** Stops shard {@code number}, as a node that goes down. */
    public void stopShard(int number) {
        shard(number).close();
    }

    /** Starts shard {@code number} again on its data and ports. */
    public void restartShard(int number) {
        shard(number).close();
        engines[number - 1] = EmbeddedClickHouse.start(settings.get(number - 1), clusterConfig);
    }

    /** A connection to {@code database} on one node, with the application's cluster session settings. */
    public Connection connect(int shard, String database) throws SQLException {
        return DriverManager.getConnection(shard(shard).jdbcUrl(database), sessionProperties());
    }

    /** The cluster schema applied to {@code database} on every shard, as the application does without Keeper. */
    public List<ClickHouseMigrator.AppliedScript> migrate(String database) {
        List<ClickHouseMigrator.ConnectionFactory> nodes = IntStream.rangeClosed(1, engines.length)
                .mapToObj(n -> (ClickHouseMigrator.ConnectionFactory) db -> connect(n, db)).toList();
        return ClickHouseMigrator.onEachNode(nodes, NAME, database, java.time.Clock.systemUTC()).migrate("cluster test");
    }

    /** Jdbi on {@code database} through shard 1's node as the endpoint, with the cluster session settings. */
    public Jdbi endpoint(String database) {
        return Jdbi.create(shard(1).jdbcUrl(database), sessionProperties()).installPlugin(new SqlObjectPlugin());
    }

    /** The cluster as the loader sees it: every shard's node, on {@code database}. */
    public ClickHouseCluster cluster(String database) {
        List<ClickHouseCluster.Node> nodes = IntStream.rangeClosed(1, engines.length)
                .mapToObj(n -> new ClickHouseCluster.Node(shard(n).serverJdbcUrl(),
                        Jdbi.create(shard(n).jdbcUrl(database), "default", ""))).toList();
        return ClickHouseCluster.discover(NAME, nodes);
    }

    private static Properties sessionProperties() {
        Properties properties = new Properties();
        properties.setProperty("user", "default");
        properties.setProperty("password", "");
        properties.putAll(ClickHouseConfiguration.CLUSTER_SESSION_SETTINGS);
        return properties;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        for (EmbeddedClickHouse engine : engines) {
            if (engine != null) {
                engine.close();
            }
        }
    }
}
