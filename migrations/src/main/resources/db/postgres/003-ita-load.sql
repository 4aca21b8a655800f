--liquibase formatted sql

--changeset ita-oversight:003-ita-load
--comment: Every load of ITA results: who, when, which file (name and SHA-256), what it held and what was accepted.
CREATE TABLE ita_load (
    id            text        PRIMARY KEY,
    started_at    timestamptz NOT NULL DEFAULT now(),
    finished_at   timestamptz,
    subject       text        NOT NULL,
    username      text        NOT NULL,
    file_name     text        NOT NULL,
    sha256        char(64)    NOT NULL,
    layout        text        NOT NULL CHECK (layout IN ('WIDE', 'LONG')),
    fiscal_years  integer[]   NOT NULL,
    rows_accepted integer     NOT NULL,
    status        text        NOT NULL CHECK (status IN ('LOADED', 'FAILED')),
    error         text
);
CREATE INDEX ita_load_sha_idx ON ita_load (sha256);
--rollback DROP TABLE ita_load;
