--liquibase formatted sql

--changeset ita-oversight:006-report-schedule-archived
--comment: Schedules are archived, never deleted: their runs and archived PDFs stay readable by whoever could read them.
ALTER TABLE report_schedule ADD COLUMN archived_at timestamptz, ADD COLUMN archived_by text;
ALTER TABLE report_run DROP CONSTRAINT report_run_schedule_id_fkey;
ALTER TABLE report_run ADD CONSTRAINT report_run_schedule_id_fkey FOREIGN KEY (schedule_id) REFERENCES report_schedule (id);
CREATE FUNCTION report_schedule_is_never_deleted() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RAISE EXCEPTION ''report_schedule rows are archived, never deleted''; END';
CREATE TRIGGER report_schedule_never_deleted BEFORE DELETE ON report_schedule
    FOR EACH ROW EXECUTE FUNCTION report_schedule_is_never_deleted();
--rollback DROP TRIGGER report_schedule_never_deleted ON report_schedule; DROP FUNCTION report_schedule_is_never_deleted();
--rollback ALTER TABLE report_run DROP CONSTRAINT report_run_schedule_id_fkey;
--rollback ALTER TABLE report_run ADD CONSTRAINT report_run_schedule_id_fkey FOREIGN KEY (schedule_id) REFERENCES report_schedule (id) ON DELETE CASCADE;
--rollback ALTER TABLE report_schedule DROP COLUMN archived_at, DROP COLUMN archived_by;

--changeset ita-oversight:006-audit-event-no-truncate
--comment: The audit trail is append-only at the database: no UPDATE or DELETE (trigger of 002), no TRUNCATE either.
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only();
--rollback DROP TRIGGER audit_event_no_truncate ON audit_event;
