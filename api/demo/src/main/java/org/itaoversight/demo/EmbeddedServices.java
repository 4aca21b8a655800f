package org.itaoversight.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.itaoversight.api.LocalServers;
import org.itaoversight.api.auth.theme.LoginTheme;
import org.itaoversight.embedded.clickhouse.ChdbLibrary;
import org.itaoversight.embedded.clickhouse.EmbeddedClickHouse;
import org.itaoversight.embedded.keycloak.EmbeddedKeycloak;
import org.itaoversight.embedded.postgres.EmbeddedPostgresServer;

/**
 * The embedded PostgreSQL, ClickHouse and Keycloak that a demo configuration asks for ({@code embedded}), started
 * together and stopped together; their addresses are then written into the configuration, so that the product's
 * code connects to them as to any server. With external URLs it starts nothing.
 */
public final class EmbeddedServices implements LocalServers {

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

    /**
     * Starts, in parallel, the embedded servers the configuration needs (Keycloak only {@code withKeycloak}: batch
     * commands need no sign-in), and points the configuration's URLs at them.
     */
    public static EmbeddedServices start(DemoConfiguration configuration, boolean withKeycloak) {
        EmbeddedServices started = startServers(configuration, withKeycloak);
        started.postgres.ifPresent(pg -> configuration.getDatabase().setUrl(pg.jdbcUrl()));
        started.clickhouse.ifPresent(ch -> configuration.getClickhouse().setUrl(ch.serverJdbcUrl()));
        started.keycloak.ifPresent(kc -> configuration.getAuth().setIssuer(kc.issuer(REALM)));
        return started;
    }

    private static EmbeddedServices startServers(DemoConfiguration configuration, boolean withKeycloak) {
        EmbeddedConfiguration embedded = configuration.getEmbedded();
        Path data = embedded.dataPath();
        CompletableFuture<Optional<EmbeddedClickHouse>> clickhouse = CompletableFuture.supplyAsync(() ->
                configuration.isEmbedded(configuration.getClickhouse().getUrl())
                        ? Optional.of(EmbeddedClickHouse.start(clickHouseSettings(embedded, data.resolve("clickhouse"))))
                        : Optional.empty());
        CompletableFuture<Optional<EmbeddedKeycloak>> keycloak = CompletableFuture.supplyAsync(() ->
                withKeycloak && configuration.isEmbedded(configuration.getAuth().getIssuer())
                        ? Optional.of(startKeycloak(embedded, data.resolve("keycloak")))
                        : Optional.empty());
        Optional<EmbeddedPostgresServer> postgres;
        try {
            postgres = configuration.isEmbedded(configuration.getDatabase().getUrl())
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

    static EmbeddedKeycloak startKeycloak(EmbeddedConfiguration embedded, Path work) {
        try {
            Files.createDirectories(work);
            Path realm = work.resolve("ita-oversight-realm.json");
            try (InputStream in = EmbeddedServices.class.getResourceAsStream("/keycloak/ita-oversight-realm.json")) {
                if (in == null) {
                    throw new IllegalStateException("the realm file is missing from the classpath");
                }
                Files.copy(in, realm, StandardCopyOption.REPLACE_EXISTING);
            }
            Path distribution = Path.of(embedded.getKeycloakDistribution());
            if (!Files.isRegularFile(distribution)) {
                distribution = Path.of(System.getProperty("user.home"), ".m2", "repository", "org", "keycloak",
                        "keycloak-quarkus-dist", EmbeddedKeycloak.VERSION,
                        "keycloak-quarkus-dist-" + EmbeddedKeycloak.VERSION + ".zip");
            }
            return EmbeddedKeycloak.start(new EmbeddedKeycloak.Settings(distribution,
                    embedded.getCacheDirectory().map(Path::of).orElseGet(ChdbLibrary::defaultCacheDirectory),
                    work, List.of(realm), embedded.getKeycloakPort(), Duration.ofMinutes(3), "admin", "admin",
                    themes -> new LoginTheme().writeTo(themes)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the embedded Keycloak in " + work, e);
        }
    }

    static EmbeddedClickHouse.Settings clickHouseSettings(EmbeddedConfiguration embedded, Path workDirectory) {
        Path library = embedded.getClickhouseLibrary().map(Path::of)
                .orElseGet(() -> ChdbLibrary.locate(embedded.getCacheDirectory().map(Path::of)
                        .orElseGet(ChdbLibrary::defaultCacheDirectory)));
        return new EmbeddedClickHouse.Settings(workDirectory, library, embedded.getClickhouseHttpPort(),
                embedded.getClickhouseTcpPort(), embedded.getClickhouseMaxMemory().toBytes(),
                Duration.ofMillis(embedded.getClickhouseStartTimeout().toMilliseconds()));
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
    public void close() {
        try {
            keycloak.ifPresent(EmbeddedKeycloak::close);
            clickhouse.ifPresent(EmbeddedClickHouse::close);
        } finally {
            postgres.ifPresent(EmbeddedPostgresServer::close);
        }
    }
}
