-- Cluster form of db/clickhouse/V005 (see it for what the table is for). A province lives on one shard, and so do its
-- ranks: each shard holds ita_province_rank_local for its provinces, computed by its own ita_province_rank_source
-- from its own ita_result_local (the loader rebuilds a loaded year and the year after on each shard,
-- ShardedYearReplacement), and the analytics read them through the Distributed ita_province_rank.
CREATE TABLE IF NOT EXISTS ita_province_rank_local ON CLUSTER '{cluster}'
(
    fiscal_year    UInt16,
    province_code  LowCardinality(String),
    rank           UInt64,
    agency_code    String,
    agency_type    LowCardinality(String),
    total          Decimal(5, 2),
    level          LowCardinality(String),
    previous_total Nullable(Decimal(5, 2))
)
ENGINE = ReplicatedMergeTree('/clickhouse/tables/{shard}/{database}/{table}', '{replica}')
PARTITION BY fiscal_year
ORDER BY (province_code, fiscal_year, rank, agency_code)
SETTINGS index_granularity = 1024;

CREATE TABLE IF NOT EXISTS ita_province_rank ON CLUSTER '{cluster}' AS ita_province_rank_local
ENGINE = Distributed('{cluster}', '{database}', 'ita_province_rank_local', cityHash64(province_code));

CREATE VIEW IF NOT EXISTS ita_province_rank_source ON CLUSTER '{cluster}' AS
SELECT fiscal_year, province_code, rank() OVER (PARTITION BY province_code, fiscal_year ORDER BY total DESC) AS rank,
       agency_code, agency_type, total, level,
       if(previous_year = fiscal_year - 1, previous, NULL) AS previous_total
FROM (SELECT fiscal_year, province_code, agency_code, agency_type, total, level,
             lagInFrame(toNullable(total)) OVER agency_years AS previous,
             lagInFrame(toNullable(fiscal_year)) OVER agency_years AS previous_year
      FROM ita_result_local
      WHERE fiscal_year BETWEEN {first:UInt16} - 1 AND {last:UInt16}
      WINDOW agency_years AS (PARTITION BY province_code, agency_code ORDER BY fiscal_year
                              ROWS BETWEEN 1 PRECEDING AND CURRENT ROW))
WHERE fiscal_year BETWEEN {first:UInt16} AND {last:UInt16};

-- Results loaded before this script: every year filled once. Each shard gives the ranks of its own provinces, and
-- only while its own table is still empty (so the script can be re-run, and run on each node); they go back to their
-- shard through the Distributed table, synchronously, so a run on the next node finds them.
INSERT INTO ita_province_rank SETTINGS distributed_foreground_insert = 1
SELECT * FROM cluster('{cluster}', view(SELECT * FROM {database}.ita_province_rank_source(first = 0, last = 65535)
                                        WHERE (SELECT count() FROM {database}.ita_province_rank_local) = 0));
