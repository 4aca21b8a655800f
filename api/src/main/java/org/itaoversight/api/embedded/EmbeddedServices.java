package org.itaoversight.api.embedded;

import io.dropwizard.lifecycle.Managed;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.itaoversight.api.OversightConfiguration;
import org.itaoversight.api.clickhouse.embedded.ChdbLibrary;
import org.itaoversight.api.clickhouse.embedded.EmbeddedClickHouse;

/**
 * The embedded PostgreSQL and ClickHouse that a configuration asks for (URL {@code embedded}), started together
 * and stopped together. With external URLs it starts nothing.
 */
public final class EmbeddedServices implements Managed, AutoCloseable {

    private final Optional<EmbeddedPostgresServer> postgres;
    private final Optional<EmbeddedClickHouse> clickhouse;

    private EmbeddedServices(Optional<EmbeddedPostgresServer> postgres, Optional<EmbeddedClickHouse> clickhouse) {
        this.postgres = postgres;
        this.clickhouse = clickhouse;
    }

    /** Starts, in parallel, the embedded servers the configuration needs. */
    public static EmbeddedServices start(OversightConfiguration configuration) {
        EmbeddedConfiguration embedded = configuration.getEmbedded();
        Path data = embedded.dataPath();
        CompletableFuture<Optional<EmbeddedClickHouse>> clickhouse = CompletableFuture.supplyAsync(() ->
                configuration.getClickhouse().isEmbedded()
                        ? Optional.of(EmbeddedClickHouse.start(clickHouseSettings(embedded, data.resolve("clickhouse"))))
                        : Optional.empty());
        Optional<EmbeddedPostgresServer> postgres;
        try {
            postgres = configuration.isEmbeddedDatabase()
                    ? Optional.of(EmbeddedPostgresServer.start(data.resolve("postgres"), embedded.getPostgresPort()))
                    : Optional.empty();
        } catch (RuntimeException e) {
            clickhouse.thenAccept(started -> started.ifPresent(EmbeddedClickHouse::close));
            throw e;
        }
        try {
            return new EmbeddedServices(postgres, clickhouse.join());
        } catch (CompletionException e) {
            postgres.ifPresent(EmbeddedPostgresServer::close);
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    static EmbeddedClickHouse.Settings clickHouseSettings(EmbeddedConfiguration embedded, Path workDirectory) {
        Path library = embedded.getClickhouseLibrary()
                .or(() -> Optional.ofNullable(System.getenv("ITA_OVERSIGHT_CHDB_LIBRARY")).filter(s -> !s.isBlank()))
                .map(Path::of)
                .orElseGet(() -> new ChdbLibrary(embedded.getCacheDirectory().map(Path::of)
                        .orElseGet(ChdbLibrary::defaultCacheDirectory)).resolve());
        return new EmbeddedClickHouse.Settings(workDirectory, library, embedded.getClickhouseHttpPort(),
                embedded.getClickhouseTcpPort(), embedded.getClickhouseMaxMemory().toBytes(),
                Duration.ofMillis(embedded.getClickhouseStartTimeout().toMilliseconds()));
    }

    /** The PostgreSQL JDBC URL to use: the embedded server's, or the configured one. */
    public String postgresUrl(OversightConfiguration configuration) {
        return postgres.map(EmbeddedPostgresServer::jdbcUrl).orElse(configuration.getDatabase().getUrl());
    }

    /** The ClickHouse server JDBC URL (without database) to use: the embedded engine's, or the configured one. */
    public String clickhouseServerUrl(OversightConfiguration configuration) {
        return clickhouse.map(EmbeddedClickHouse::serverJdbcUrl)
                .orElse(configuration.getClickhouse().getUrl());
    }

    public Optional<EmbeddedClickHouse> clickhouse() {
        return clickhouse;
    }

    public Optional<EmbeddedPostgresServer> postgres() {
        return postgres;
    }

    @Override
    public void start() {
        // Started eagerly by start(configuration): the schemas must be applied before the application wires up.
    }

    @Override
    public void stop() {
        close();
    }

    @Override
    public void close() {
        try {
            clickhouse.ifPresent(EmbeddedClickHouse::close);
        } finally {
            postgres.ifPresent(EmbeddedPostgresServer::close);
        }
    }
}
