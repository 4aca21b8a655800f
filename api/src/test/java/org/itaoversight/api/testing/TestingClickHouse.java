package org.itaoversight.api.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import org.itaoversight.embedded.clickhouse.ChdbLibrary;
import org.itaoversight.embedded.clickhouse.EmbeddedClickHouse;

/**
 * One real embedded ClickHouse engine shared by the integration tests of a test JVM (see {@link TestingServers}).
 * Its work directory is under {@code target/}, fresh for each test run.
 */
public final class TestingClickHouse implements AutoCloseable {

    private EmbeddedClickHouse engine;
    private final boolean stoppable;

    private TestingClickHouse(EmbeddedClickHouse engine, boolean stoppable) {
        this.engine = engine;
        this.stoppable = stoppable;
    }

    private TestingClickHouse(EmbeddedClickHouse engine) {
        this(engine, false);
    }

    /** An engine of a test's own that fault tests stop and restart (same port, same data); the shared one never is. */
    public static TestingClickHouse startStoppable() {
        try {
            Path work = Files.createTempDirectory(Files.createDirectories(Path.of("target", "testing")), "clickhouse-");
            return new TestingClickHouse(EmbeddedClickHouse.start(settings(work, 0)), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the engine (only one of {@link #startStoppable()}). */
    public void stop() {
        if (!stoppable) {
            throw new IllegalStateException("the shared ClickHouse of the test JVM is never stopped; use startStoppable()");
        }
        engine.close();
    }

    /** Starts the stopped engine again on the same port with the same data. */
    public void restart() {
        if (!stoppable) {
            throw new IllegalStateException("the shared ClickHouse of the test JVM is never stopped; use startStoppable()");
        }
        engine = EmbeddedClickHouse.start(settings(engine.workDirectory(), engine.httpPort()));
    }

    public static TestingClickHouse start() {
        try {
            Path work = Files.createTempDirectory(Files.createDirectories(Path.of("target", "testing")), "clickhouse-");
            return new TestingClickHouse(EmbeddedClickHouse.start(settings(work, 0)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Settings for an engine of a test's own, with a small memory cap. */
    public static EmbeddedClickHouse.Settings settings(Path workDirectory, int httpPort) {
        return new EmbeddedClickHouse.Settings(workDirectory, library(), httpPort, 0, 1L << 30, Duration.ofSeconds(60));
    }

    public static Path library() {
        return ChdbLibrary.locate(ChdbLibrary.defaultCacheDirectory());
    }

    public EmbeddedClickHouse engine() {
        return engine;
    }

    public String serverUrl() {
        return engine.serverJdbcUrl();
    }

    /** Creates (if needed) and connects to a database of its own, so test classes do not see each other's tables. */
    public Connection connect(String database) throws SQLException {
        engine.query("CREATE DATABASE IF NOT EXISTS `" + database + "`");
        return DriverManager.getConnection(engine.jdbcUrl(database), "default", "");
    }

    @Override
    public void close() {
        engine.close();
    }
}
