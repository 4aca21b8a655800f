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

    private final EmbeddedPostgres postgres;

    private TestingPostgres(EmbeddedPostgres postgres) {
        this.postgres = postgres;
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
