package org.itaoversight.demo;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.DataSize;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The embedded servers used when the database URL, the ClickHouse URL or the auth issuer is {@code embedded}: where
 * they keep their data and which loopback ports they take (0 = any free port).
 */
public class EmbeddedConfiguration {

    /** Holds {@code postgres/} and {@code clickhouse/}; reused across runs, so a second start is faster. */
    @NotBlank
    private String dataDirectory = "data";

    @Min(0)
    @Max(65535)
    private int postgresPort = 0;

    @Min(0)
    @Max(65535)
    private int clickhouseHttpPort = 0;

    @Min(0)
    @Max(65535)
    private int clickhouseTcpPort = 0;

    /** The embedded ClickHouse engine's {@code max_server_memory_usage}. */
    @NotNull
    private DataSize clickhouseMaxMemory = DataSize.gibibytes(2);

    @NotNull
    private Duration clickhouseStartTimeout = Duration.seconds(60);

    /** A {@code libchdb.so} to use instead of the one fetched into the cache. */
    private String clickhouseLibrary;

    /** Where fetched artefacts (the ClickHouse engine library) are cached; empty = the platform default. */
    private String cacheDirectory;

    /** The embedded Keycloak's loopback port (0 = any free port). */
    @Min(0)
    @Max(65535)
    private int keycloakPort = 0;

    /** The Keycloak distribution zip the build copies from Maven Central. */
    @NotBlank
    private String keycloakDistribution = "api/demo/target/keycloak/keycloak-quarkus-dist-26.7.5.zip";

    /** Start an SMTP mail catcher on the reports' SMTP port (the demo: no mail server needed). */
    private boolean mailCatcher = false;

    @JsonProperty
    public boolean isMailCatcher() {
        return mailCatcher;
    }

    @JsonProperty
    public void setMailCatcher(boolean mailCatcher) {
        this.mailCatcher = mailCatcher;
    }

    @JsonProperty
    public String getDataDirectory() {
        return dataDirectory;
    }

    @JsonProperty
    public void setDataDirectory(String dataDirectory) {
        this.dataDirectory = dataDirectory;
    }

    public Path dataPath() {
        return Path.of(dataDirectory).toAbsolutePath().normalize();
    }

    @JsonProperty
    public int getPostgresPort() {
        return postgresPort;
    }

    @JsonProperty
    public void setPostgresPort(int postgresPort) {
        this.postgresPort = postgresPort;
    }

    @JsonProperty
    public int getClickhouseHttpPort() {
        return clickhouseHttpPort;
    }

    @JsonProperty
    public void setClickhouseHttpPort(int clickhouseHttpPort) {
        this.clickhouseHttpPort = clickhouseHttpPort;
    }

    @JsonProperty
    public int getClickhouseTcpPort() {
        return clickhouseTcpPort;
    }

    @JsonProperty
    public void setClickhouseTcpPort(int clickhouseTcpPort) {
        this.clickhouseTcpPort = clickhouseTcpPort;
    }

    @JsonProperty
    public DataSize getClickhouseMaxMemory() {
        return clickhouseMaxMemory;
    }

    @JsonProperty
    public void setClickhouseMaxMemory(DataSize clickhouseMaxMemory) {
        this.clickhouseMaxMemory = clickhouseMaxMemory;
    }

    @JsonProperty
    public Duration getClickhouseStartTimeout() {
        return clickhouseStartTimeout;
    }

    @JsonProperty
    public void setClickhouseStartTimeout(Duration clickhouseStartTimeout) {
        this.clickhouseStartTimeout = clickhouseStartTimeout;
    }

    @JsonProperty
    public Optional<String> getClickhouseLibrary() {
        return Optional.ofNullable(clickhouseLibrary).filter(s -> !s.isBlank());
    }

    @JsonProperty
    public void setClickhouseLibrary(String clickhouseLibrary) {
        this.clickhouseLibrary = clickhouseLibrary;
    }

    @JsonProperty
    public Optional<String> getCacheDirectory() {
        return Optional.ofNullable(cacheDirectory).filter(s -> !s.isBlank());
    }

    @JsonProperty
    public void setCacheDirectory(String cacheDirectory) {
        this.cacheDirectory = cacheDirectory;
    }

    @JsonProperty
    public int getKeycloakPort() {
        return keycloakPort;
    }

    @JsonProperty
    public void setKeycloakPort(int keycloakPort) {
        this.keycloakPort = keycloakPort;
    }

    @JsonProperty
    public String getKeycloakDistribution() {
        return keycloakDistribution;
    }

    @JsonProperty
    public void setKeycloakDistribution(String keycloakDistribution) {
        this.keycloakDistribution = keycloakDistribution;
    }
}
