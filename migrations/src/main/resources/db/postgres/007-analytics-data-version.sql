--liquibase formatted sql

--changeset ita-oversight:007-analytics-data-version
--comment: The version of the data the analytics read (ITA results, the registry as ClickHouse sees it, completion snapshots). Raised after every change of that data has completed; API instances read it per request and cache answers under it.
CREATE TABLE analytics_data_version (
    id         smallint    PRIMARY KEY CHECK (id = 1),
    version    bigint      NOT NULL,
    changed_at timestamptz NOT NULL DEFAULT now(),
    reason     text        NOT NULL
);
INSERT INTO analytics_data_version (id, version, reason) VALUES (1, 1, 'created');
--rollback DROP TABLE analytics_data_version;
