--liquibase formatted sql

--changeset ita-oversight:004-measure
--comment: Improvement measures (มาตรการ) of an agency for a fiscal year, with optimistic locking (version).
CREATE TABLE measure (
    id                bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    agency_code       varchar(10) NOT NULL REFERENCES agency (code),
    fiscal_year       integer     NOT NULL CHECK (fiscal_year BETWEEN 2500 AND 2700),
    number            integer     NOT NULL CHECK (number > 0),
    title             text        NOT NULL CHECK (title <> ''),
    targets           text[]      NOT NULL DEFAULT '{}',
    steps             text        NOT NULL DEFAULT '',
    responsible_units text[]      NOT NULL DEFAULT '{}',
    period_start      date,
    period_end        date,
    period_text       text        NOT NULL DEFAULT '',
    status            text        NOT NULL CHECK (status IN ('PLANNED', 'IN_PROGRESS', 'DONE', 'CANCELLED')),
    progress          integer     NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
    completed_on      date,
    output            text        NOT NULL DEFAULT '',
    outcome           text        NOT NULL DEFAULT '',
    evidence_links    text[]      NOT NULL DEFAULT '{}',
    version           integer     NOT NULL DEFAULT 1,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    UNIQUE (agency_code, fiscal_year, number),
    CHECK (period_end IS NULL OR period_start IS NULL OR period_end >= period_start)
);
CREATE INDEX measure_agency_year_idx ON measure (agency_code, fiscal_year);
--rollback DROP TABLE measure;

--changeset ita-oversight:004-measure-history
--comment: Every change of a measure: who, when, what changed. Append-only.
CREATE TABLE measure_history (
    id         bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    measure_id bigint      NOT NULL REFERENCES measure (id),
    version    integer     NOT NULL,
    changed_at timestamptz NOT NULL DEFAULT now(),
    subject    text        NOT NULL,
    username   text        NOT NULL,
    action     text        NOT NULL,
    changes    jsonb       NOT NULL
);
CREATE INDEX measure_history_measure_idx ON measure_history (measure_id, version);
CREATE FUNCTION measure_history_is_append_only() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RAISE EXCEPTION ''measure_history is append-only''; END';
CREATE TRIGGER measure_history_append_only BEFORE UPDATE OR DELETE ON measure_history
    FOR EACH ROW EXECUTE FUNCTION measure_history_is_append_only();
--rollback DROP TABLE measure_history; DROP FUNCTION measure_history_is_append_only();
