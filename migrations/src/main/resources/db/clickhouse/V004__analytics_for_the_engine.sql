-- Analytics written for the engine: agency names through a dictionary instead of JOIN … FINAL, and two small
-- pre-aggregated tables for the province and national aggregates.

-- The newest name and district of each agency (agency_dimension keeps every version until it merges).
CREATE VIEW IF NOT EXISTS agency_dimension_latest AS
SELECT agency_code, argMax(name_th, version) AS name_th, argMax(district_th, version) AS district_th
FROM agency_dimension
GROUP BY agency_code;

-- Agency names for dictGet: a hash table in memory (7,850 agencies), loaded lazily from the view above. The
-- registry loader reloads it (SYSTEM RELOAD DICTIONARY) after every change of agency_dimension; a server also
-- refreshes it by itself when the invalidate query's answer changes.
CREATE DICTIONARY IF NOT EXISTS agency_names
(
    agency_code String,
    name_th     String,
    district_th String
)
PRIMARY KEY agency_code
SOURCE(CLICKHOUSE(TABLE 'agency_dimension_latest' INVALIDATE_QUERY 'SELECT max(version), count() FROM agency_dimension'))
LAYOUT(COMPLEX_KEY_HASHED())
LIFETIME(MIN 60 MAX 120);

-- How many agencies of a province, year and agency type have each total. A total is Decimal(5, 2) between 0 and 100,
-- so a province-year has at most 10,001 rows here whatever the number of agencies: counts, exact sums, pass counts
-- and exact medians of totals are computed from it (cumulative counts) instead of from every agency's row.
-- Rebuilt per year partition by the result loader (from the view below, then REPLACE PARTITION), never inserted
-- into row by row.
CREATE TABLE IF NOT EXISTS ita_total_histogram
(
    fiscal_year   UInt16,
    province_code LowCardinality(String),
    agency_type   LowCardinality(String),
    total         Decimal(5, 2),
    agency_count  UInt64
)
ENGINE = MergeTree
PARTITION BY fiscal_year
ORDER BY (province_code, fiscal_year, agency_type, total)
-- Small granules: a province-year is a few hundred rows here, and a query should read about that many.
SETTINGS index_granularity = 1024;

-- The one definition of ita_total_histogram's rows, from ita_result (a filter on fiscal_year is pushed down).
CREATE VIEW IF NOT EXISTS ita_total_histogram_source AS
SELECT fiscal_year, province_code, agency_type, total, count() AS agency_count
FROM ita_result
GROUP BY fiscal_year, province_code, agency_type, total;

-- Per province, year and indicator: how many agencies have a score, the exact sum of their scores in hundredths,
-- and how many have this indicator as their weakest (ten rows per province-year).
CREATE TABLE IF NOT EXISTS ita_indicator_summary
(
    fiscal_year     UInt16,
    province_code   LowCardinality(String),
    indicator       UInt8,
    agency_count     UInt64,
    score_hundredths Int64,
    weakest_for     UInt64
)
ENGINE = MergeTree
PARTITION BY fiscal_year
ORDER BY (province_code, fiscal_year, indicator)
SETTINGS index_granularity = 1024;

CREATE VIEW IF NOT EXISTS ita_indicator_summary_source AS
SELECT fiscal_year, province_code, toUInt8(indicator) AS indicator, count() AS agency_count,
       sum(toInt64(assumeNotNull(score) * 100)) AS score_hundredths, countIf(score = weakest) AS weakest_for
FROM (
    SELECT fiscal_year, province_code, arrayJoin(arrayEnumerate(indicator_scores)) AS indicator,
           indicator_scores[indicator] AS score,
           arrayMin(arrayFilter(x -> isNotNull(x), indicator_scores)) AS weakest
    FROM ita_result)
WHERE score IS NOT NULL
GROUP BY fiscal_year, province_code, indicator;

-- One agency's years (its trend, its standing) are spread over every partition, in 8,192-row granules shared with the
-- rest of the country (a national year is 7,850 rows): this projection keeps a copy of the rows ordered by agency in
-- 256-row granules, so such a read takes 256 rows per year instead of whole years. Staging tables made AS ita_result
-- carry it, and REPLACE PARTITION swaps it with the rows.
ALTER TABLE ita_result ADD PROJECTION IF NOT EXISTS by_agency (SELECT * ORDER BY agency_code, fiscal_year)
    WITH SETTINGS (index_granularity = 256);
ALTER TABLE ita_result MATERIALIZE PROJECTION by_agency SETTINGS mutations_sync = 2;

-- Results loaded before this script: filled once (an empty table only, so the script can be re-run).
INSERT INTO ita_total_histogram SELECT * FROM ita_total_histogram_source
WHERE (SELECT count() FROM ita_total_histogram) = 0;

INSERT INTO ita_indicator_summary SELECT * FROM ita_indicator_summary_source
WHERE (SELECT count() FROM ita_indicator_summary) = 0;
