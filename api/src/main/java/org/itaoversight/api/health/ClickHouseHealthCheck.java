package org.itaoversight.api.health;

import com.codahale.metrics.health.HealthCheck;
import org.jdbi.v3.core.Jdbi;

/** ClickHouse answers through the application's own JDBC pool; reports the server version. */
public final class ClickHouseHealthCheck extends HealthCheck {

    private final Jdbi clickhouse;

    public ClickHouseHealthCheck(Jdbi clickhouse) {
        this.clickhouse = clickhouse;
    }

    @Override
    protected Result check() {
        String version = clickhouse.withHandle(handle -> handle.createQuery("SELECT version()").mapTo(String.class).one());
        return Result.healthy("ClickHouse " + version);
    }
}
