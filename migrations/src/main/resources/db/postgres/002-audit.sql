--liquibase formatted sql

--changeset ita-oversight:002-audit-event
--comment: Every write through the API: who (token subject and username), when, what, on which target. Append-only.
CREATE TABLE audit_event (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at timestamptz NOT NULL DEFAULT now(),
    subject     text        NOT NULL,
    username    text        NOT NULL,
    action      text        NOT NULL,
    target_type text        NOT NULL,
    target_id   text        NOT NULL,
    details     jsonb       NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX audit_event_target_idx ON audit_event (target_type, target_id, occurred_at);
CREATE FUNCTION audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RAISE EXCEPTION ''audit_event is append-only''; END';
CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only();
--rollback DROP TABLE audit_event; DROP FUNCTION audit_event_is_append_only();
