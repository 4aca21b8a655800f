-- ITA results, one row per agency and fiscal year, with the ten indicator scores in the row so that replacing a
-- year's partition (ALTER TABLE … REPLACE PARTITION) swaps totals and indicators together, atomically for readers.
-- Ordered for the analytics: by province, year, agency.
CREATE TABLE IF NOT EXISTS ita_result
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
ENGINE = MergeTree
PARTITION BY fiscal_year
ORDER BY (province_code, fiscal_year, agency_code);

-- Question scores (the long layout), one row per agency, year and question code.
CREATE TABLE IF NOT EXISTS ita_question_score
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
ENGINE = MergeTree
PARTITION BY fiscal_year
ORDER BY (province_code, fiscal_year, agency_code, question);
