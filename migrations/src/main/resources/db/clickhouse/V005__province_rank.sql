-- Each agency's place in its province for a year, with its total of the year before, computed when the year is
-- loaded instead of at every read: the ranking and the movers of a province-year read its rows here, already in rank
-- order, instead of a window over two years of ita_result.
CREATE TABLE IF NOT EXISTS ita_province_rank
(
    fiscal_year    UInt16,
    province_code  LowCardinality(String),
    rank           UInt64,
    agency_code    String,
    agency_type    LowCardinality(String),
    total          Decimal(5, 2),
    level          LowCardinality(String),
    -- NULL when the agency has no result in the same province the year before (an older year does not count).
    previous_total Nullable(Decimal(5, 2))
)
ENGINE = MergeTree
PARTITION BY fiscal_year
ORDER BY (province_code, fiscal_year, rank, agency_code)
SETTINGS index_granularity = 1024;

-- The one definition of ita_province_rank's rows, for the years first … last (a parameterized view: only those years
-- and the one before are read). rank() gives tied totals the same rank; lagInFrame over the agency's rows in the
-- province, ordered by year, gives the total of its previous row, kept only when that row is of the year before.
-- Loading year Y rebuilds Y and Y + 1 (first = last = the year).
CREATE VIEW IF NOT EXISTS ita_province_rank_source AS
SELECT fiscal_year, province_code, rank() OVER (PARTITION BY province_code, fiscal_year ORDER BY total DESC) AS rank,
       agency_code, agency_type, total, level,
       if(previous_year = fiscal_year - 1, previous, NULL) AS previous_total
FROM (SELECT fiscal_year, province_code, agency_code, agency_type, total, level,
             lagInFrame(toNullable(total)) OVER agency_years AS previous,
             lagInFrame(toNullable(fiscal_year)) OVER agency_years AS previous_year
      FROM ita_result
      WHERE fiscal_year BETWEEN {first:UInt16} - 1 AND {last:UInt16}
      WINDOW agency_years AS (PARTITION BY province_code, agency_code ORDER BY fiscal_year
                              ROWS BETWEEN 1 PRECEDING AND CURRENT ROW))
WHERE fiscal_year BETWEEN {first:UInt16} AND {last:UInt16};

-- Results loaded before this script: every year filled once (an empty table only, so the script can be re-run).
INSERT INTO ita_province_rank
SELECT * FROM ita_province_rank_source(first = 0, last = 65535)
WHERE (SELECT count() FROM ita_province_rank) = 0;
