-- Cluster form of db/clickhouse/V001: the registry as seen by analytics, sharded by province like the results, so
-- that an agency's row is on the shard of its results. The newest version of a row wins (within its shard).
CREATE TABLE IF NOT EXISTS agency_dimension_local ON CLUSTER '{cluster}'
(
    province_code LowCardinality(String),
    agency_code   String,
    name_th       String,
    agency_type   LowCardinality(String),
    district_th   String,
    version       DateTime64(3, 'UTC')
)
ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/{database}/{table}', '{replica}', version)
ORDER BY (province_code, agency_code);

CREATE TABLE IF NOT EXISTS agency_dimension ON CLUSTER '{cluster}' AS agency_dimension_local
ENGINE = Distributed('{cluster}', '{database}', 'agency_dimension_local', cityHash64(province_code));
