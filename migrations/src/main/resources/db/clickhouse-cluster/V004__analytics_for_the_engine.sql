-- Cluster form of db/clickhouse/V004 (see it for what each object is for).
-- The view and the name dictionary are on every node: the dictionary reads every shard through the Distributed
-- agency_dimension. The two aggregate tables are sharded by province like the results, and their _source views read
-- the shard's own ita_result_local, so that the loader rebuilds a year's aggregates on each shard from the provinces
-- of that shard (ShardedYearReplacement).
CREATE VIEW IF NOT EXISTS agency_dimension_latest ON CLUSTER '{cluster}' AS
SELECT agency_code, argMax(name_th, version) AS name_th, argMax(district_th, version) AS district_th
FROM agency_dimension
GROUP BY agency_code;

CREATE DICTIONARY IF NOT EXISTS agency_names ON CLUSTER '{cluster}'
(
    agency_code String,
    name_th     String,
    district_th String
)
PRIMARY KEY agency_code
SOURCE(CLICKHOUSE(TABLE 'agency_dimension_latest' INVALIDATE_QUERY 'SELECT max(version), count() FROM agency_dimension'))
LAYOUT(COMPLEX_KEY_HASHED())
LIFETIME(MIN 60 MAX 120);

CREATE TABLE IF NOT EXISTS ita_total_histogram_local ON CLUSTER '{cluster}'
(
    fiscal_year   UInt16,
    province_code LowCardinality(String),
    agency_type   LowCardinality(String),
    total         Decimal(5, 2),
    agency_count  UInt64
)
ENGINE = ReplicatedMergeTree('/clickhouse/tables/{shard}/{database}/{table}', '{replica}')
PARTITION BY fiscal_year
ORDER BY (province_code, fiscal_year, agency_type, total)
SETTINGS index_granularity = 1024;

CREATE TABLE IF NOT EXISTS ita_total_histogram ON CLUSTER '{cluster}' AS ita_total_histogram_local
ENGINE = Distributed('{cluster}', '{database}', 'ita_total_histogram_local', cityHash64(province_code));

CREATE VIEW IF NOT EXISTS ita_total_histogram_source ON CLUSTER '{cluster}' AS
SELECT fiscal_year, province_code, agency_type, total, count() AS agency_count
FROM ita_result_local
GROUP BY fiscal_year, province_code, agency_type, total;

CREATE TABLE IF NOT EXISTS ita_indicator_summary_local ON CLUSTER '{cluster}'
(
    fiscal_year     UInt16,
    province_code   LowCardinality(String),
    indicator       UInt8,
    agency_count     UInt64,
    score_hundredths Int64,
    weakest_for     UInt64
)
ENGINE = ReplicatedMergeTree('/clickhouse/tables/{shard}/{database}/{table}', '{replica}')
PARTITION BY fiscal_year
ORDER BY (province_code, fiscal_year, indicator)
SETTINGS index_granularity = 1024;

CREATE TABLE IF NOT EXISTS ita_indicator_summary ON CLUSTER '{cluster}' AS ita_indicator_summary_local
ENGINE = Distributed('{cluster}', '{database}', 'ita_indicator_summary_local', cityHash64(province_code));

CREATE VIEW IF NOT EXISTS ita_indicator_summary_source ON CLUSTER '{cluster}' AS
SELECT fiscal_year, province_code, toUInt8(indicator) AS indicator, count() AS agency_count,
       sum(toInt64(assumeNotNull(score) * 100)) AS score_hundredths, countIf(score = weakest) AS weakest_for
FROM (
    SELECT fiscal_year, province_code, arrayJoin(arrayEnumerate(indicator_scores)) AS indicator,
           indicator_scores[indicator] AS score,
           arrayMin(arrayFilter(x -> isNotNull(x), indicator_scores)) AS weakest
    FROM ita_result_local)
WHERE score IS NOT NULL
GROUP BY fiscal_year, province_code, indicator;

-- The projection by_agency of db/clickhouse/V004 on every shard table; the loader's staging tables are made AS the
-- shard table, so they carry it, and REPLACE PARTITION swaps it too.
ALTER TABLE ita_result_local ON CLUSTER '{cluster}' ADD PROJECTION IF NOT EXISTS by_agency (SELECT * ORDER BY agency_code, fiscal_year)
    WITH SETTINGS (index_granularity = 256);
ALTER TABLE ita_result_local ON CLUSTER '{cluster}' MATERIALIZE PROJECTION by_agency SETTINGS mutations_sync = 2;

-- Results loaded before this script: filled once. Each shard gives its own rows, and only while its own table is
-- still empty (so the script can be re-run, and run on each node); they go back to their shard through the
-- Distributed table, synchronously, so a run on the next node finds them.
INSERT INTO ita_total_histogram SETTINGS distributed_foreground_insert = 1
SELECT * FROM cluster('{cluster}', view(SELECT * FROM {database}.ita_total_histogram_source
                                        WHERE (SELECT count() FROM {database}.ita_total_histogram_local) = 0));

INSERT INTO ita_indicator_summary SETTINGS distributed_foreground_insert = 1
SELECT * FROM cluster('{cluster}', view(SELECT * FROM {database}.ita_indicator_summary_source
                                        WHERE (SELECT count() FROM {database}.ita_indicator_summary_local) = 0));
