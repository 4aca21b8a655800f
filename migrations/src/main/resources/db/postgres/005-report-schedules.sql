--liquibase formatted sql

--changeset ita-oversight:005-report-schedule
--comment: Monthly report schedules: an agency or province summary sent on a day and time of every month.
CREATE TABLE report_schedule (
    id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    scope        text        NOT NULL CHECK (scope IN ('AGENCY', 'PROVINCE')),
    code         varchar(10) NOT NULL,
    day_of_month integer     NOT NULL CHECK (day_of_month BETWEEN 1 AND 28),
    time_of_day  time        NOT NULL DEFAULT '08:00',
    time_zone    text        NOT NULL DEFAULT 'Asia/Bangkok',
    recipients   text[]      NOT NULL CHECK (cardinality(recipients) BETWEEN 1 AND 50),
    thai_digits  boolean     NOT NULL DEFAULT false,
    enabled      boolean     NOT NULL DEFAULT true,
    created_by   text        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now()
);
--rollback DROP TABLE report_schedule;

--changeset ita-oversight:005-report-run
--comment: One run of a schedule per month (UNIQUE: two API instances can never both create it), its archived PDF and outcome.
CREATE TABLE report_run (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    schedule_id bigint      NOT NULL REFERENCES report_schedule (id) ON DELETE CASCADE,
    period      char(7)     NOT NULL,
    scope       text        NOT NULL,
    code        varchar(10) NOT NULL,
    status      text        NOT NULL CHECK (status IN ('PENDING', 'RETRYING', 'SENT', 'FAILED')),
    attempts    integer     NOT NULL DEFAULT 0,
    last_error  text,
    fiscal_year integer,
    parameters  jsonb,
    pdf         bytea,
    sha256      char(64),
    recipients  text[]      NOT NULL DEFAULT '{}',
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    sent_at     timestamptz,
    UNIQUE (schedule_id, period)
);
CREATE INDEX report_run_scope_idx ON report_run (scope, code, period);
--rollback DROP TABLE report_run;

--changeset ita-oversight:005-scheduled-tasks
--comment: db-scheduler's table (cluster-safe task executions shared by every API instance).
CREATE TABLE scheduled_tasks (
    task_name            text                     NOT NULL,
    task_instance        text                     NOT NULL,
    task_data            bytea,
    execution_time       timestamp with time zone,
    picked               boolean                  NOT NULL,
    picked_by            text,
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures integer,
    last_heartbeat       timestamp with time zone,
    version              bigint                   NOT NULL,
    priority             smallint,
    state                text,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX scheduled_tasks_execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks_priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);
--rollback DROP TABLE scheduled_tasks;
