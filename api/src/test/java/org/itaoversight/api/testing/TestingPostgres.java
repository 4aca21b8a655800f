package org.itaoversight.api.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/** One real embedded PostgreSQL 18 shared by the integration tests of a test JVM (see {@link TestingServers}). */
public final class TestingPostgres implements AutoCloseable {

    private EmbeddedPostgres postgres;
    /** For a server that can be stopped and started again: its data directory and port. */
    private final java.util.Optional<java.nio.file.Path> dataDirectory;
    private final int port;

    private TestingPostgres(EmbeddedPostgres postgres, java.util.Optional<java.nio.file.Path> dataDirectory, int port) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.port = port;
    }

    private TestingPostgres(EmbeddedPostgres postgres) {
        this(postgres, java.util.Optional.empty(), postgres.getPort());
    }

    /**
     * A server of a test's own (fault tests stop and restart it; the shared one is never stopped): its data under
     * {@code target/testing}, kept across restarts on the same port.
     */
    public static TestingPostgres startStoppable() {
        try {
            java.nio.file.Path data = java.nio.file.Files.createTempDirectory(
                    java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "testing")), "postgres-");
            int port;
            try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            return new TestingPostgres(stoppable(data, port), java.util.Optional.of(data), port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static EmbeddedPostgres stoppable(java.nio.file.Path data, int port) throws IOException {
        return EmbeddedPostgres.builder().setServerConfig("timezone", "UTC").setDataDirectory(data.toFile())
                .setCleanDataDirectory(false).setPort(port).start();
    }

    /** Stops the server (only one of {@link #startStoppable()}). */
    public void stop() {
        requireStoppable();
        close();
    }

    /** Starts the stopped server again on the same port with the same data. */
    public void restart() {
        requireStoppable();
        try {
            postgres = stoppable(dataDirectory.orElseThrow(), port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void requireStoppable() {
        if (dataDirectory.isEmpty()) {
            throw new IllegalStateException("the shared PostgreSQL of the test JVM is never stopped; use startStoppable()");
        }
    }

    public static TestingPostgres start() {
        try {
            return new TestingPostgres(EmbeddedPostgres.builder().setServerConfig("timezone", "UTC").start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new, empty database of its own, so that tests do not share rows by accident. */
    public String createDatabase() {
        String name = "test_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return name;
    }

    public String jdbcUrl(String database) {
        return postgres.getJdbcUrl("postgres", database);
    }

    public DataSource dataSource(String database) {
        return postgres.getDatabase("postgres", database, Map.of());
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
