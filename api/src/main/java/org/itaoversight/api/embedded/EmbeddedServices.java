package org.itaoversight.api.embedded;

import io.dropwizard.lifecycle.Managed;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.itaoversight.api.OversightConfiguration;
import org.itaoversight.api.auth.AuthConfiguration;
import org.itaoversight.api.auth.embedded.EmbeddedKeycloak;
import org.itaoversight.api.clickhouse.embedded.ChdbLibrary;
import org.itaoversight.api.clickhouse.embedded.EmbeddedClickHouse;

/**
 * The embedded PostgreSQL, ClickHouse and Keycloak that a configuration asks for ({@code embedded}), started
 * together and stopped together. With external URLs it starts nothing.
 */
public final class EmbeddedServices implements Managed, AutoCloseable {

    public static final String REALM = "ita-oversight";

    private final Optional<EmbeddedPostgresServer> postgres;
    private final Optional<EmbeddedClickHouse> clickhouse;
    private final Optional<EmbeddedKeycloak> keycloak;

    private EmbeddedServices(Optional<EmbeddedPostgresServer> postgres, Optional<EmbeddedClickHouse> clickhouse,
                             Optional<EmbeddedKeycloak> keycloak) {
        this.postgres = postgres;
        this.clickhouse = clickhouse;
        this.keycloak = keycloak;
    }

    /** Starts, in parallel, the embedded servers the configuration needs. */
    public static EmbeddedServices start(OversightConfiguration configuration) {
        return start(configuration, true);
    }

    /** Starts only the embedded databases (for batch commands, which need no sign-in). */
    public static EmbeddedServices startDatabases(OversightConfiguration configuration) {
        return start(configuration, false);
    }

    private static EmbeddedServices start(OversightConfiguration configuration, boolean withKeycloak) {
        EmbeddedConfiguration embedded = configuration.getEmbedded();
        Path data = embedded.dataPath();
        CompletableFuture<Optional<EmbeddedClickHouse>> clickhouse = CompletableFuture.supplyAsync(() ->
                configuration.getClickhouse().isEmbedded()
                        ? Optional.of(EmbeddedClickHouse.start(clickHouseSettings(embedded, data.resolve("clickhouse"))))
                        : Optional.empty());
        CompletableFuture<Optional<EmbeddedKeycloak>> keycloak = CompletableFuture.supplyAsync(() ->
                withKeycloak && configuration.getAuth().isEmbedded()
                        ? Optional.of(startKeycloak(configuration.getAuth(), embedded, data.resolve("keycloak")))
                        : Optional.empty());
        Optional<EmbeddedPostgresServer> postgres;
        try {
            postgres = configuration.isEmbeddedDatabase()
                    ? Optional.of(EmbeddedPostgresServer.start(data.resolve("postgres"), embedded.getPostgresPort()))
                    : Optional.empty();
        } catch (RuntimeException e) {
            clickhouse.thenAccept(started -> started.ifPresent(EmbeddedClickHouse::close));
            keycloak.thenAccept(started -> started.ifPresent(EmbeddedKeycloak::close));
            throw e;
        }
        Optional<EmbeddedClickHouse> startedClickHouse = Optional.empty();
        try {
            startedClickHouse = clickhouse.join();
            return new EmbeddedServices(postgres, startedClickHouse, keycloak.join());
        } catch (CompletionException e) {
            postgres.ifPresent(EmbeddedPostgresServer::close);
            startedClickHouse.ifPresent(EmbeddedClickHouse::close);
            keycloak.thenAccept(started -> started.ifPresent(EmbeddedKeycloak::close));
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    static EmbeddedKeycloak startKeycloak(AuthConfiguration auth, EmbeddedConfiguration embedded, Path work) {
        try {
            Files.createDirectories(work);
            Path realm = work.resolve("ita-oversight-realm.json");
            try (InputStream in = EmbeddedServices.class.getResourceAsStream("/keycloak/ita-oversight-realm.json")) {
                if (in == null) {
                    throw new IllegalStateException("the realm file is missing from the classpath");
                }
                Files.copy(in, realm, StandardCopyOption.REPLACE_EXISTING);
            }
            Path distribution = Path.of(auth.getEmbeddedDistribution());
            if (!Files.isRegularFile(distribution)) {
                distribution = Path.of(System.getProperty("user.home"), ".m2", "repository", "org", "keycloak",
                        "keycloak-quarkus-dist", EmbeddedKeycloak.VERSION,
                        "keycloak-quarkus-dist-" + EmbeddedKeycloak.VERSION + ".zip");
            }
            return EmbeddedKeycloak.start(new EmbeddedKeycloak.Settings(distribution,
                    embedded.getCacheDirectory().map(Path::of).orElseGet(ChdbLibrary::defaultCacheDirectory),
                    work, List.of(realm), auth.getEmbeddedPort(), Duration.ofMinutes(3), "admin", "admin"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the embedded Keycloak in " + work, e);
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

    /** The issuer of tokens to accept: the embedded Keycloak's realm, or the configured one. */
    public String issuer(OversightConfiguration configuration) {
        return keycloak.map(k -> k.issuer(REALM)).orElse(configuration.getAuth().getIssuer());
    }

    public Optional<EmbeddedKeycloak> keycloak() {
        return keycloak;
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
            keycloak.ifPresent(EmbeddedKeycloak::close);
            clickhouse.ifPresent(EmbeddedClickHouse::close);
        } finally {
            postgres.ifPresent(EmbeddedPostgresServer::close);
        }
    }
}
