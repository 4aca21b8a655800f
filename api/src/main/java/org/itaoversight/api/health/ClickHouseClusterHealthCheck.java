package org.itaoversight.api.health;

import com.codahale.metrics.health.HealthCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.itaoversight.api.clickhouse.ClickHouseCluster;

/**
 * On a ClickHouse cluster: every shard's node that the loader writes to answers (a load needs all of them; queries
 * through the endpoint need one replica of each shard).
 */
public final class ClickHouseClusterHealthCheck extends HealthCheck {

    private final Supplier<ClickHouseCluster> cluster;

    public ClickHouseClusterHealthCheck(Supplier<ClickHouseCluster> cluster) {
        this.cluster = cluster;
    }

    @Override
    protected Result check() {
        ClickHouseCluster shards = cluster.get();
        List<String> down = new ArrayList<>();
        for (ClickHouseCluster.Shard shard : shards.shards()) {
            try {
                shard.jdbi().withHandle(handle -> handle.createQuery("SELECT 1").mapTo(Integer.class).one());
            } catch (RuntimeException e) {
                down.add("shard " + shard.number() + " (" + shard.url() + "): " + e.getMessage());
            }
        }
        if (!down.isEmpty()) {
            return Result.unhealthy("cluster '" + shards.name() + "': " + String.join("; ", down));
        }
        return Result.healthy("cluster '" + shards.name() + "': " + shards.shards().size() + " shards answer");
    }
}
