package org.itaoversight.api.reports.schedule;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.itaoversight.api.audit.AuditLog;
import org.itaoversight.tenants.access.OversightPrincipal;
import org.jdbi.v3.core.Jdbi;

/**
 * Every change to the report schedules, each in one transaction with its audit event (who, what, before and after):
 * created, changed, archived. A schedule is never deleted: archiving keeps its runs and their PDFs.
 */
final class ScheduleWrites {

    private final Jdbi postgres;
    private final AuditLog audit;

    ScheduleWrites(Jdbi postgres, AuditLog audit) {
        this.postgres = postgres;
        this.audit = audit;
    }

    ReportSchedule create(OversightPrincipal who, ScheduleDraft draft) {
        return postgres.inTransaction(handle -> {
            ReportScheduleDao dao = handle.attach(ReportScheduleDao.class);
            long id = dao.insert(draft.scope().name(), draft.code(), draft.dayOfMonth(), draft.time(), draft.zone(),
                    draft.recipientArray(), Boolean.TRUE.equals(draft.thaiDigits()), !Boolean.FALSE.equals(draft.enabled()),
                    who.username());
            ReportSchedule created = dao.find(id).orElseThrow();
            audit.record(handle, who, "schedule.create", "report_schedule", String.valueOf(id), changes(Optional.empty(), Optional.of(created)));
            return created;
        });
    }

    ReportSchedule update(OversightPrincipal who, ReportSchedule before, ScheduleDraft draft) {
        return postgres.inTransaction(handle -> {
            ReportScheduleDao dao = handle.attach(ReportScheduleDao.class);
            dao.update(before.id(), draft.dayOfMonth(), draft.time(), draft.zone(), draft.recipientArray(),
                    Boolean.TRUE.equals(draft.thaiDigits()), !Boolean.FALSE.equals(draft.enabled()));
            ReportSchedule after = dao.find(before.id()).orElseThrow();
            audit.record(handle, who, "schedule.update", "report_schedule", String.valueOf(before.id()),
                    changes(Optional.of(before), Optional.of(after)));
            return after;
        });
    }

    void archive(OversightPrincipal who, ReportSchedule before) {
        postgres.useTransaction(handle -> {
            if (handle.attach(ReportScheduleDao.class).archive(before.id(), who.username()) == 1) {
                audit.record(handle, who, "schedule.archive", "report_schedule", String.valueOf(before.id()),
                        changes(Optional.of(before), Optional.empty()));
            }
        });
    }

    private static Map<String, Object> changes(Optional<ReportSchedule> before, Optional<ReportSchedule> after) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("before", before.orElse(null));
        details.put("after", after.orElse(null));
        return details;
    }
}
