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
import java.util.Optional;
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
 *
 * <p>On a cluster ({@link ClickHouseClusterScripts}) it works in one of two ways: {@link #withDistributedDdl} sends the
 * scripts' {@code ON CLUSTER} statements to one endpoint and keeps the history in a table replicated to every node
 * (ClickHouse Keeper needed); {@link #onEachNode} applies each script on every node itself, each statement on all nodes
 * before the next (a statement may read, through the cluster, what the previous ones made), and keeps the history on
 * each node, so that a node added later, or missed by a run cut off, gets exactly the scripts it lacks.
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

    private final List<ConnectionFactory> nodes;
    private final Optional<String> onCluster;
    private final String database;
    private final List<ClickHouseScript> scripts;
    private final Clock clock;

    /** A single server (or a cluster's endpoint with single-node scripts). */
    public ClickHouseMigrator(ConnectionFactory connections, String database, List<ClickHouseScript> scripts, Clock clock) {
        this(List.of(connections), Optional.empty(), database, scripts, clock);
    }

    private ClickHouseMigrator(List<ConnectionFactory> nodes, Optional<String> onCluster, String database,
                               List<ClickHouseScript> scripts, Clock clock) {
        if (!IDENTIFIER.matcher(database).matches()) {
            throw new IllegalArgumentException("ClickHouse database name '" + database + "' is not a plain identifier");
        }
        onCluster.filter(name -> !IDENTIFIER.matcher(name).matches()).ifPresent(name -> {
            throw new IllegalArgumentException("ClickHouse cluster name '" + name + "' is not a plain identifier");
        });
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("no ClickHouse node to migrate");
        }
        this.nodes = List.copyOf(nodes);
        this.onCluster = onCluster;
        this.database = database;
        this.scripts = List.copyOf(scripts);
        this.clock = clock;
    }

    /**
     * A cluster with ClickHouse Keeper: the cluster form of the scripts, sent {@code ON CLUSTER} to one endpoint; the
     * history is a Replicated table on every node.
     */
    public static ClickHouseMigrator withDistributedDdl(ConnectionFactory endpoint, String cluster, String database, Clock clock) {
        return new ClickHouseMigrator(List.of(endpoint), Optional.of(cluster), database,
                ClickHouseClusterScripts.withDistributedDdl(cluster, database), clock);
    }

    /** A cluster without Keeper: the cluster form of the scripts, applied by this migrator on each of the nodes. */
    public static ClickHouseMigrator onEachNode(List<ConnectionFactory> nodes, String cluster, String database, Clock clock) {
        return onEachNode(nodes, database, ClickHouseClusterScripts.forEachNode(cluster, database), clock);
    }

    /** As {@link #onEachNode(List, String, String, Clock)}, with the given (already filled) scripts. */
    public static ClickHouseMigrator onEachNode(List<ConnectionFactory> nodes, String database, List<ClickHouseScript> scripts,
                                                Clock clock) {
        return new ClickHouseMigrator(nodes, Optional.empty(), database, scripts, clock);
    }

    /**
     * Brings the database up to date.
     *
     * @return the scripts applied by this run, in order; empty when the database was already up to date
     */
    public List<AppliedScript> migrate(String appliedBy) {
        List<Connection> open = new ArrayList<>();
        try {
            for (ConnectionFactory node : nodes) {
                try (Connection server = node.open("default"); Statement statement = server.createStatement()) {
                    statement.execute("CREATE DATABASE IF NOT EXISTS `" + database + "`" + onClusterClause());
                }
                open.add(node.open(database));
            }
            List<Map<Integer, AppliedScript>> applied = new ArrayList<>();
            for (Connection connection : open) {
                createHistoryTable(connection);
                Map<Integer, AppliedScript> onNode = applied(connection);
                verify(onNode);
                applied.add(onNode);
            }
            List<AppliedScript> done = new ArrayList<>();
            for (ClickHouseScript script : scripts) {
                List<Connection> lacking = new ArrayList<>();
                for (int node = 0; node < open.size(); node++) {
                    if (!applied.get(node).containsKey(script.version())) {
                        lacking.add(open.get(node));
                    }
                }
                if (!lacking.isEmpty()) {
                    done.add(apply(lacking, script, appliedBy));
                }
            }
            return List.copyOf(done);
        } catch (SQLException e) {
            throw new MigrationException("ClickHouse schema migration of database " + database + " failed: " + e.getMessage(), e);
        } finally {
            for (Connection connection : open) {
                try {
                    connection.close();
                } catch (SQLException e) {
                    LOG.debug("closing a ClickHouse connection failed", e);
                }
            }
        }
    }

    /** The scripts recorded as applied (on every node, when there are several), by version. */
    public Map<Integer, AppliedScript> applied() {
        Map<Integer, AppliedScript> everywhere = null;
        for (ConnectionFactory node : nodes) {
            try (Connection connection = node.open(database)) {
                createHistoryTable(connection);
                Map<Integer, AppliedScript> onNode = applied(connection);
                if (everywhere == null) {
                    everywhere = new HashMap<>(onNode);
                } else {
                    everywhere.keySet().retainAll(onNode.keySet());
                }
            } catch (SQLException e) {
                throw new MigrationException("cannot read the ClickHouse schema history of " + database + ": " + e.getMessage(), e);
            }
        }
        return Map.copyOf(everywhere);
    }

    private String onClusterClause() {
        return onCluster.map(name -> " ON CLUSTER '" + name + "'").orElse("");
    }

    private void createHistoryTable(Connection connection) throws SQLException {
        // On a Keeper cluster one history for the whole cluster: every node of every shard holds a replica of it.
        String engine = onCluster.map(name -> "ReplicatedMergeTree('/clickhouse/tables/all/" + database + "/" + HISTORY_TABLE
                + "', '{shard}-{replica}')").orElse("MergeTree");
        try (Statement statement = connection.createStatement()) {
            statement.execute("""
                    CREATE TABLE IF NOT EXISTS %s%s
                    (
                        version      UInt32,
                        description  String,
                        script       String,
                        checksum     String,
                        applied_at   DateTime64(3, 'UTC'),
                        applied_by   String,
                        execution_ms UInt64
                    )
                    ENGINE = %s
                    ORDER BY version""".formatted(HISTORY_TABLE, onClusterClause(), engine));
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

    /** Runs the script's statements one by one, each on every given node before the next, then records it on each. */
    private AppliedScript apply(List<Connection> onNodes, ClickHouseScript script, String appliedBy) throws SQLException {
        long start = System.nanoTime();
        LOG.info("Applying ClickHouse script {} to {}{}", script.fileName(), database,
                onNodes.size() > 1 ? " on " + onNodes.size() + " nodes" : "");
        for (String sql : script.statements()) {
            for (Connection connection : onNodes) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute(sql);
                } catch (SQLException e) {
                    throw new MigrationException(script.fileName() + " failed at statement:\n" + sql + "\n→ " + e.getMessage(), e);
                }
            }
        }
        long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        Instant now = clock.instant();
        for (Connection connection : onNodes) {
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
        }
        return new AppliedScript(script.version(), script.description(), script.checksum(), now, appliedBy);
    }
}
