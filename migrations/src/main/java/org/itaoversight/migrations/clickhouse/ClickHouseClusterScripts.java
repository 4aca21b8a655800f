package org.itaoversight.migrations.clickhouse;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The cluster form of the ClickHouse schema ({@value ClickHouseScripts#CLUSTER_LOCATION}) made ready to run on a named
 * cluster, in one of two ways:
 * <ul>
 *   <li>{@link #withDistributedDdl}: as written, for a cluster with ClickHouse Keeper — every statement goes
 *       {@code ON CLUSTER} through the distributed DDL queue and the shard tables are {@code Replicated*MergeTree};</li>
 *   <li>{@link #forEachNode}: for a cluster without Keeper (one node per shard, no replication; the embedded engine is
 *       such a cluster), the {@code ON CLUSTER} clause is removed and each {@code Replicated*MergeTree(path, replica,
 *       …)} becomes {@code *MergeTree(…)}, so that the migrator runs each statement on every node itself.</li>
 * </ul>
 * In both, {@code {cluster}} and {@code {database}} are replaced by the names given; the scripts' checksums stay those of
 * the files, so the schema history records what was written.
 */
public final class ClickHouseClusterScripts {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");
    private static final Pattern ON_CLUSTER = Pattern.compile("(?i)\\s+ON\\s+CLUSTER\\s+('[^']*'|`[^`]*`|[A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern REPLICATED_ENGINE =
            Pattern.compile("\\bReplicated(\\w*MergeTree)\\s*\\(\\s*'[^']*'\\s*,\\s*'[^']*'\\s*(,\\s*)?");

    private ClickHouseClusterScripts() {
    }

    /** The scripts as written, for a cluster with a distributed DDL queue (ClickHouse Keeper). */
    public static List<ClickHouseScript> withDistributedDdl(String cluster, String database) {
        return ClickHouseScripts.bundledClusterForm().stream().map(s -> fill(s, cluster, database, false)).toList();
    }

    /** The scripts rewritten to be run by the migrator on every node of a cluster without Keeper. */
    public static List<ClickHouseScript> forEachNode(String cluster, String database) {
        return ClickHouseScripts.bundledClusterForm().stream().map(s -> fill(s, cluster, database, true)).toList();
    }

    static ClickHouseScript fill(ClickHouseScript script, String cluster, String database, boolean eachNode) {
        requireIdentifier(cluster, "cluster");
        requireIdentifier(database, "database");
        String text = script.text().replace("{cluster}", cluster).replace("{database}", database);
        if (eachNode) {
            text = withoutReplication(text);
        }
        return new ClickHouseScript(script.version(), script.description(), script.fileName(), text, script.checksum());
    }

    /** Removes {@code ON CLUSTER …} and turns {@code Replicated*MergeTree('path', 'replica'[, args])} into {@code *MergeTree([args])}. */
    static String withoutReplication(String text) {
        String local = ON_CLUSTER.matcher(text).replaceAll("");
        Matcher engine = REPLICATED_ENGINE.matcher(local);
        return engine.replaceAll(match -> Matcher.quoteReplacement(match.group(1) + "("));
    }

    /**
     * The plain engine clause of a table's {@code engine_full}: {@code ReplicatedMergeTree('path', 'replica') PARTITION BY …}
     * becomes {@code MergeTree() PARTITION BY …} (a table to stage partitions in, on one node, that can exchange
     * partitions with the Replicated one); a plain engine stays as it is.
     */
    public static String plainEngine(String engineFull) {
        return REPLICATED_ENGINE.matcher(engineFull).replaceAll(match -> Matcher.quoteReplacement(match.group(1) + "("));
    }

    private static void requireIdentifier(String name, String what) {
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("ClickHouse " + what + " name '" + name + "' is not a plain identifier");
        }
    }
}
