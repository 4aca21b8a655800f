package org.itaoversight.api.clickhouse;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.ValidationMethod;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the analytics live: a ClickHouse server (or cluster endpoint) reached through the official JDBC driver. With
 * {@code cluster} set, the schema is the cluster form (shard tables and Distributed tables over them, see
 * {@code migrations/…/db/clickhouse-cluster/}) and {@code shards} lists one node of each shard, which the migrator and
 * the result loader reach directly.
 */
public class ClickHouseConfiguration {

    /**
     * Session settings on a cluster: inserts through a Distributed table are written to the shards before the insert
     * returns (else they are queued and a reader may not see them yet); a filter on the province reads only the shard
     * that holds it; a subquery or join over Distributed tables inside a distributed query is run once and sent to the
     * shards (GLOBAL) instead of being refused.
     */
    public static final Map<String, String> CLUSTER_SESSION_SETTINGS = Map.of(
            "clickhouse_setting_distributed_foreground_insert", "1",
            "clickhouse_setting_optimize_skip_unused_shards", "1",
            "clickhouse_setting_distributed_product_mode", "global");

    /** The server's JDBC URL without a database, e.g. {@code jdbc:clickhouse:http://ch1:8123}; no default. */
    private String url;

    @NotBlank
    @Pattern(regexp = "[A-Za-z_][A-Za-z0-9_]{0,63}", message = "must be a plain identifier")
    private String database = "oversight";

    @NotNull
    private String user = "default";

    @NotNull
    private String password = "";

    @Min(1)
    @Max(256)
    private int maxConnections = 16;

    @NotNull
    private Duration maxWait = Duration.seconds(5);

    /** Apply the versioned ClickHouse scripts when the application starts. */
    private boolean migrateOnStart = true;

    /** The cluster's name in the servers' {@code remote_servers}; empty for a single server. */
    @NotNull
    @Pattern(regexp = "|[A-Za-z_][A-Za-z0-9_]{0,63}", message = "must be empty or a plain identifier")
    private String cluster = "";

    /**
     * With a cluster: the JDBC URL (without database) of one node of every shard. Without Keeper ({@code replicated:
     * false}) that is every node of the cluster.
     */
    @NotNull
    private List<String> shards = List.of();

    /**
     * With a cluster: it has ClickHouse Keeper, so the shard tables are Replicated and the schema is applied
     * {@code ON CLUSTER} through the distributed DDL queue. Without it, each shard is one node and the migrator applies
     * every statement on each node of {@code shards}.
     */
    private boolean replicated = false;

    @JsonProperty
    public String getUrl() {
        return url;
    }

    @JsonProperty
    public void setUrl(String url) {
        this.url = url;
    }

    @JsonProperty
    public String getDatabase() {
        return database;
    }

    @JsonProperty
    public void setDatabase(String database) {
        this.database = database;
    }

    @JsonProperty
    public String getUser() {
        return user;
    }

    @JsonProperty
    public void setUser(String user) {
        this.user = user;
    }

    @JsonProperty
    public String getPassword() {
        return password;
    }

    @JsonProperty
    public void setPassword(String password) {
        this.password = password;
    }

    @JsonProperty
    public int getMaxConnections() {
        return maxConnections;
    }

    @JsonProperty
    public void setMaxConnections(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    @JsonProperty
    public Duration getMaxWait() {
        return maxWait;
    }

    @JsonProperty
    public void setMaxWait(Duration maxWait) {
        this.maxWait = maxWait;
    }

    @JsonProperty
    public boolean isMigrateOnStart() {
        return migrateOnStart;
    }

    @JsonProperty
    public void setMigrateOnStart(boolean migrateOnStart) {
        this.migrateOnStart = migrateOnStart;
    }

    @JsonProperty
    public String getCluster() {
        return cluster;
    }

    @JsonProperty
    public void setCluster(String cluster) {
        // An empty value in YAML (e.g. an unset ${OVERSIGHT_CLICKHOUSE_CLUSTER:-}) arrives as null: no cluster.
        this.cluster = cluster == null ? "" : cluster.strip();
    }

    @JsonProperty
    public List<String> getShards() {
        return shards;
    }

    @JsonProperty
    public void setShards(List<String> shards) {
        this.shards = shards == null ? List.of() : shards.stream().filter(s -> s != null && !s.isBlank()).map(String::strip).toList();
    }

    @JsonProperty
    public boolean isReplicated() {
        return replicated;
    }

    @JsonProperty
    public void setReplicated(boolean replicated) {
        this.replicated = replicated;
    }

    /** The configured cluster, if any. */
    public Optional<String> clusterName() {
        return cluster.isBlank() ? Optional.empty() : Optional.of(cluster);
    }

    /** A cluster needs its shards' nodes; a single server must not list any. */
    @ValidationMethod(message = "clickhouse.shards must list one node of every shard when clickhouse.cluster is set, and "
            + "nothing otherwise")
    @JsonIgnore
    public boolean isShardListConsistent() {
        return clusterName().isPresent() != shards.isEmpty();
    }

    /** The JDBC URL of a database on the configured server. */
    public String jdbcUrl(String serverUrl, String databaseName) {
        return serverUrl.replaceAll("/+$", "") + "/" + databaseName;
    }

    /**
     * A pooled data source description for the analytics database on the given server URL.
     */
    public DataSourceFactory dataSourceFactory(String serverUrl) {
        DataSourceFactory factory = new DataSourceFactory();
        factory.setDriverClass("com.clickhouse.jdbc.ClickHouseDriver");
        factory.setUrl(jdbcUrl(serverUrl, database));
        factory.setUser(user);
        factory.setPassword(password);
        factory.setMaxSize(maxConnections);
        factory.setMinSize(1);
        factory.setInitialSize(1);
        factory.setMaxWaitForConnection(maxWait);
        factory.setValidationQuery("SELECT 1");
        factory.setAutoCommitByDefault(true);
        // The driver's fastest batch path for plain INSERT … VALUES (RowBinary instead of SQL text).
        Map<String, String> properties = new LinkedHashMap<>(Map.of("client_name", "ita-oversight",
                "beta.row_binary_for_simple_insert", "true"));
        if (clusterName().isPresent()) {
            properties.putAll(CLUSTER_SESSION_SETTINGS);
        }
        factory.setProperties(properties);
        return factory;
    }
}
