package org.itaoversight.migrations.clickhouse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.itaoversight.migrations.MigrationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies versioned SQL scripts to a ClickHouse database and records each applied script (version, checksum, when,
 * by whom) in the table {@value #HISTORY_TABLE} of that database. A script that was changed after it was applied,
 * or a database that holds versions this build does not know, stops the run before anything is executed.
 *
 * <p>ClickHouse DDL is not transactional: scripts are written to be re-runnable ({@code IF NOT EXISTS}), so a run
 * cut off halfway through a script can simply be repeated.
 */
public final class ClickHouseMigrator {

    public static final String HISTORY_TABLE = "schema_version";

    private static final Logger LOG = LoggerFactory.getLogger(ClickHouseMigrator.class);
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");

    /** Opens a connection whose current database is the given one. */
    @FunctionalInterface
    public interface ConnectionFactory {
        Connection open(String database) throws SQLException;
    }

    /** A script recorded as applied. */
    public record AppliedScript(int version, String description, String checksum, Instant appliedAt, String appliedBy) {
    }

    private final ConnectionFactory connections;
    private final String database;
    private final List<ClickHouseScript> scripts;
    private final Clock clock;

    public ClickHouseMigrator(ConnectionFactory connections, String database, List<ClickHouseScript> scripts, Clock clock) {
        if (!IDENTIFIER.matcher(database).matches()) {
            throw new IllegalArgumentException("ClickHouse database name '" + database + "' is not a plain identifier");
        }
        this.connections = connections;
        this.database = database;
        this.scripts = List.copyOf(scripts);
        this.clock = clock;
    }

    /**
     * Brings the database up to date.
     *
     * @return the scripts applied by this run, in order; empty when the database was already up to date
     */
    public List<AppliedScript> migrate(String appliedBy) {
        try {
            try (Connection server = connections.open("default"); Statement statement = server.createStatement()) {
                statement.execute("CREATE DATABASE IF NOT EXISTS `" + database + "`");
            }
            try (Connection connection = connections.open(database)) {
                createHistoryTable(connection);
                Map<Integer, AppliedScript> applied = applied(connection);
                verify(applied);
                List<AppliedScript> done = new ArrayList<>();
                for (ClickHouseScript script : scripts) {
                    if (!applied.containsKey(script.version())) {
                        done.add(apply(connection, script, appliedBy));
                    }
                }
                return List.copyOf(done);
            }
        } catch (SQLException e) {
            throw new MigrationException("ClickHouse schema migration of database " + database + " failed: " + e.getMessage(), e);
        }
    }

    /** The scripts recorded as applied, by version. */
    public Map<Integer, AppliedScript> applied() {
        try (Connection connection = connections.open(database)) {
            createHistoryTable(connection);
            return applied(connection);
        } catch (SQLException e) {
            throw new MigrationException("cannot read the ClickHouse schema history of " + database + ": " + e.getMessage(), e);
        }
    }

    private static void createHistoryTable(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("""
                    CREATE TABLE IF NOT EXISTS %s
                    (
                        version      UInt32,
                        description  String,
                        script       String,
                        checksum     String,
                        applied_at   DateTime64(3, 'UTC'),
                        applied_by   String,
                        execution_ms UInt64
                    )
                    ENGINE = MergeTree
                    ORDER BY version""".formatted(HISTORY_TABLE));
        }
    }

    private static Map<Integer, AppliedScript> applied(Connection connection) throws SQLException {
        Map<Integer, AppliedScript> applied = new HashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT version, argMin(description, applied_at), "
                     + "argMin(checksum, applied_at), min(applied_at), argMin(applied_by, applied_at) FROM "
                     + HISTORY_TABLE + " GROUP BY version ORDER BY version")) {
            while (rows.next()) {
                int version = rows.getInt(1);
                applied.put(version, new AppliedScript(version, rows.getString(2), rows.getString(3),
                        rows.getTimestamp(4).toInstant(), rows.getString(5)));
            }
        }
        return applied;
    }

    private void verify(Map<Integer, AppliedScript> applied) {
        Map<Integer, ClickHouseScript> known = new HashMap<>();
        scripts.forEach(script -> known.put(script.version(), script));
        List<String> problems = new ArrayList<>();
        applied.values().stream().sorted(java.util.Comparator.comparingInt(AppliedScript::version)).forEach(record -> {
            ClickHouseScript script = known.get(record.version());
            if (script == null) {
                problems.add("version " + record.version() + " (" + record.description() + ") is applied in ClickHouse but "
                        + "this build has no such script: the database is newer than the application");
            } else if (!script.checksum().equals(record.checksum())) {
                problems.add(script.fileName() + " was changed after it was applied on " + record.appliedAt()
                        + " (recorded sha256 " + record.checksum() + ", now " + script.checksum()
                        + "); add a new script instead of editing an applied one");
            }
        });
        if (!problems.isEmpty()) {
            throw new MigrationException("refusing to migrate ClickHouse database " + database + ":\n  "
                    + String.join("\n  ", problems));
        }
    }

    private AppliedScript apply(Connection connection, ClickHouseScript script, String appliedBy) throws SQLException {
        long start = System.nanoTime();
        LOG.info("Applying ClickHouse script {} to {}", script.fileName(), database);
        try (Statement statement = connection.createStatement()) {
            for (String sql : script.statements()) {
                try {
                    statement.execute(sql);
                } catch (SQLException e) {
                    throw new MigrationException(script.fileName() + " failed at statement:\n" + sql + "\n→ " + e.getMessage(), e);
                }
            }
        }
        long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        Instant now = clock.instant();
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + HISTORY_TABLE
                + " (version, description, script, checksum, applied_at, applied_by, execution_ms) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setInt(1, script.version());
            insert.setString(2, script.description());
            insert.setString(3, script.fileName());
            insert.setString(4, script.checksum());
            insert.setTimestamp(5, Timestamp.from(now));
            insert.setString(6, appliedBy);
            insert.setLong(7, millis);
            insert.executeUpdate();
        }
        return new AppliedScript(script.version(), script.description(), script.checksum(), now, appliedBy);
    }
}
