-- Monthly snapshots of measure completion per agency, so that completion can be charted over time. A snapshot of
-- the same month taken again replaces the earlier one (the newest taken_at wins).
CREATE TABLE IF NOT EXISTS measure_completion_snapshot
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
ENGINE = ReplacingMergeTree(taken_at)
ORDER BY (province_code, fiscal_year, snapshot_month, agency_code);
