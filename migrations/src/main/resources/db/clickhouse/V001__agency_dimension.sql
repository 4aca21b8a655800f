-- The registry as seen by analytics: one row per agency, refreshed from PostgreSQL whenever the registry loads.
-- Analytics join results to it for names, types and districts; the newest version of a row wins.
CREATE TABLE IF NOT EXISTS agency_dimension
(
    province_code LowCardinality(String),
    agency_code   String,
    name_th       String,
    agency_type   LowCardinality(String),
    district_th   String,
    version       DateTime64(3, 'UTC')
)
ENGINE = ReplacingMergeTree(version)
ORDER BY (province_code, agency_code);
