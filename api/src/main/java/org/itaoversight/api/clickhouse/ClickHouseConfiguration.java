package org.itaoversight.api.clickhouse;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.Map;

/** Where the analytics live: a ClickHouse server (or cluster endpoint) reached through the official JDBC driver. */
public class ClickHouseConfiguration {

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
        factory.setProperties(Map.of("client_name", "ita-oversight", "beta.row_binary_for_simple_insert", "true"));
        return factory;
    }
}
