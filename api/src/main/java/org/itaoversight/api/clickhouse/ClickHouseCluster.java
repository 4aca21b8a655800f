package org.itaoversight.api.clickhouse;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.jdbi.v3.core.Jdbi;

/**
 * A ClickHouse cluster as the application writes to it: its name and one node of each shard, reached directly (not
 * through the endpoint, which may be a load balancer), each knowing which shard it is.
 *
 * <p>Every table of the cluster schema is sharded by {@value #SHARDING_KEY}. ClickHouse's Distributed engine sends a
 * row to the shard whose weight range holds the key's remainder modulo the sum of the weights (ranges in the order of
 * the shards); {@link #shardsOf} computes the same, so that the loader can stage rows on the right shard itself.
 */
public final class ClickHouseCluster {

    /** The sharding key of every Distributed table of the cluster schema (see the cluster scripts' index). */
    public static final String SHARDING_KEY = "cityHash64(province_code)";

    /** One shard: its number in the cluster (1-based), its weight, and the node of it that the application uses. */
    public record Shard(int number, int weight, String url, Jdbi jdbi) {
    }

    /** A node to use, before its shard is known. */
    public record Node(String url, Jdbi jdbi) {
    }

    private final String name;
    private final List<Shard> shards;

    private ClickHouseCluster(String name, List<Shard> shards) {
        this.name = name;
        this.shards = List.copyOf(shards);
    }

    /**
     * Asks each node which shard of {@code name} it is ({@code system.clusters}, {@code is_local}) and checks that the
     * nodes are exactly one per shard.
     *
     * @throws IllegalStateException naming the node or the shard that does not fit
     */
    public static ClickHouseCluster discover(String name, List<Node> nodes) {
        List<Shard> found = new ArrayList<>();
        int shardCount = -1;
        for (Node node : nodes) {
            List<int[]> rows = node.jdbi().withHandle(h -> h.createQuery("""
                            SELECT shard_num, shard_weight, max(is_local) AS local
                            FROM system.clusters WHERE cluster = :cluster GROUP BY shard_num, shard_weight ORDER BY shard_num""")
                    .bind("cluster", name)
                    .map((rs, ctx) -> new int[] {rs.getInt(1), rs.getInt(2), rs.getInt(3)}).list());
            if (rows.isEmpty()) {
                throw new IllegalStateException("ClickHouse node " + node.url() + " has no cluster named '" + name
                        + "' in its remote_servers");
            }
            if (shardCount >= 0 && rows.size() != shardCount) {
                throw new IllegalStateException("ClickHouse nodes disagree on cluster '" + name + "': " + node.url()
                        + " sees " + rows.size() + " shards, another node " + shardCount);
            }
            shardCount = rows.size();
            List<int[]> local = rows.stream().filter(row -> row[2] == 1).toList();
            if (local.size() != 1) {
                throw new IllegalStateException("ClickHouse node " + node.url() + " is " + (local.isEmpty() ? "not" : "more than one")
                        + " shard of cluster '" + name + "' (system.clusters.is_local)");
            }
            found.add(new Shard(local.getFirst()[0], local.getFirst()[1], node.url(), node.jdbi()));
        }
        found.sort(Comparator.comparingInt(Shard::number));
        TreeSet<Integer> numbers = new TreeSet<>();
        for (Shard shard : found) {
            if (!numbers.add(shard.number())) {
                throw new IllegalStateException("two of the configured ClickHouse nodes are shard " + shard.number()
                        + " of cluster '" + name + "'; list one node of each shard");
            }
        }
        if (found.size() != shardCount) {
            throw new IllegalStateException("cluster '" + name + "' has " + shardCount + " shards but " + found.size()
                    + " are configured (shards " + numbers + "); list one node of each shard");
        }
        return new ClickHouseCluster(name, found);
    }

    public String name() {
        return name;
    }

    public List<Shard> shards() {
        return shards;
    }

    /** The shard that holds each province's rows, by province code. */
    public Map<String, Shard> shardsOf(Collection<String> provinceCodes) {
        long totalWeight = shards.stream().mapToLong(Shard::weight).sum();
        Map<String, Shard> placed = new LinkedHashMap<>();
        Jdbi any = shards.getFirst().jdbi();
        for (String province : new TreeSet<>(provinceCodes)) {
            String key = any.withHandle(h -> h.createQuery("SELECT toString(cityHash64(:province))")
                    .bind("province", province).mapTo(String.class).one());
            long slot = new BigInteger(key).mod(BigInteger.valueOf(totalWeight)).longValue();
            placed.put(province, shardOfSlot(slot).orElseThrow());
        }
        return placed;
    }

    private Optional<Shard> shardOfSlot(long slot) {
        long upper = 0;
        for (Shard shard : shards) {
            upper += shard.weight();
            if (slot < upper) {
                return Optional.of(shard);
            }
        }
        return Optional.empty();
    }
}
