package org.itaoversight.embedded.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresServerTest {

    @Test
    void aRestartOnTheSameDirectoryKeepsCommittedData(@TempDir Path data) throws SQLException {
        try (EmbeddedPostgresServer first = EmbeddedPostgresServer.start(data, 0);
             Connection connection = DriverManager.getConnection(first.jdbcUrl());
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE kept (name text)");
            statement.execute("INSERT INTO kept VALUES ('บางระกำ')");
        }

        try (EmbeddedPostgresServer second = EmbeddedPostgresServer.start(data, 0);
             Connection connection = DriverManager.getConnection(second.jdbcUrl());
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT name FROM kept")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("บางระกำ");
        }
    }

    @Test
    void closeStopsThePostmaster(@TempDir Path data) throws Exception {
        long pid;
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, 0)) {
            pid = server.postmasterPid();
            assertThat(ProcessHandle.of(pid)).isPresent();
        }
        // pg_ctl -w returns once the pid file is gone; the process itself exits a moment later.
        ProcessHandle.of(pid).ifPresent(p -> p.onExit().orTimeout(10, java.util.concurrent.TimeUnit.SECONDS).join());
        assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
    }
}
