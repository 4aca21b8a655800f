-- Cluster form of db/clickhouse/V003: monthly snapshots of measure completion, sharded by province. A snapshot of
-- the same month taken again replaces the earlier one (the newest taken_at wins; the key includes the province, so
-- both versions are on the same shard).
CREATE TABLE IF NOT EXISTS measure_completion_snapshot_local ON CLUSTER '{cluster}'
(
    snapshot_month Date,
    fiscal_year    UInt16,
    province_code  LowCardinality(String),
    agency_code    String,
    planned        UInt32,
    done           UInt32,
    done_on_time   UInt32,
    overdue        UInt32,
    taken_at       DateTime64(3, 'UTC')
)
ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/{database}/{table}', '{replica}', taken_at)
ORDER BY (province_code, fiscal_year, snapshot_month, agency_code);

CREATE TABLE IF NOT EXISTS measure_completion_snapshot ON CLUSTER '{cluster}' AS measure_completion_snapshot_local
ENGINE = Distributed('{cluster}', '{database}', 'measure_completion_snapshot_local', cityHash64(province_code));
