-- Cluster form of db/clickhouse/V002: ITA results and question scores on the shards, partitioned by fiscal year so
-- that the loader replaces a year shard by shard (ALTER TABLE …_local REPLACE PARTITION), and read through the
-- Distributed tables.
CREATE TABLE IF NOT EXISTS ita_result_local ON CLUSTER '{cluster}'
(
    fiscal_year       UInt16,
    province_code     LowCardinality(String),
    agency_code       String,
    agency_type       LowCardinality(String),
    total             Decimal(5, 2),
    level             LowCardinality(String),
    level_published   Bool,
    iit               Nullable(Decimal(5, 2)),
    eit               Nullable(Decimal(5, 2)),
    oit               Nullable(Decimal(5, 2)),
    indicator_scores  Array(Nullable(Decimal(5, 2))),
    catalog_framework LowCardinality(String),
    load_id           String,
    loaded_at         DateTime64(3, 'UTC')
)
ENGINE = ReplicatedMergeTree('/clickhouse/tables/{shard}/{database}/{table}', '{replica}')
PARTITION BY fiscal_year
ORDER BY (province_code, fiscal_year, agency_code);

CREATE TABLE IF NOT EXISTS ita_result ON CLUSTER '{cluster}' AS ita_result_local
ENGINE = Distributed('{cluster}', '{database}', 'ita_result_local', cityHash64(province_code));

CREATE TABLE IF NOT EXISTS ita_question_score_local ON CLUSTER '{cluster}'
(
    fiscal_year   UInt16,
    province_code LowCardinality(String),
    agency_code   String,
    question      LowCardinality(String),
    indicator     UInt8,
    score         Decimal(5, 2),
    load_id       String,
    loaded_at     DateTime64(3, 'UTC')
)
ENGINE = ReplicatedMergeTree('/clickhouse/tables/{shard}/{database}/{table}', '{replica}')
PARTITION BY fiscal_year
ORDER BY (province_code, fiscal_year, agency_code, question);

CREATE TABLE IF NOT EXISTS ita_question_score ON CLUSTER '{cluster}' AS ita_question_score_local
ENGINE = Distributed('{cluster}', '{database}', 'ita_question_score_local', cityHash64(province_code));
