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

    private final EmbeddedClickHouse engine;

    private TestingClickHouse(EmbeddedClickHouse engine) {
        this.engine = engine;
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
