package org.itaoversight.api.measures;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.NotFoundException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Objects;
import java.util.Set;
import org.itaoversight.reporting.text.ThaiCalendar;
import org.itaoversight.tenants.access.OversightPrincipal;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Creates and changes measures, each change in one transaction with its history entry (who, when, what changed).
 * Updates are optimistic: they name the version they read, and a stale one changes nothing.
 */
public final class MeasureService {

    private static final Set<String> UNTRACKED = Set.of("version", "updatedAt", "createdAt", "id", "agencyCode");

    private final Jdbi postgres;
    private final ObjectMapper json;
    private final Clock clock;
    private final org.itaoversight.api.audit.AuditLog audit;

    public MeasureService(Jdbi postgres, ObjectMapper json, Clock clock) {
        this.postgres = postgres;
        this.json = json;
        this.clock = clock;
        this.audit = new org.itaoversight.api.audit.AuditLog(json);
    }

    public Measure create(OversightPrincipal who, String agency, MeasureDraft draft) {
        check(draft);
        return write(() -> postgres.inTransaction(handle -> {
            MeasureDao dao = handle.attach(MeasureDao.class);
            long id = dao.insert(agency, draft.fiscalYear(), draft.number(), draft.title().strip(), array(draft.targets()),
                    text(draft.steps()), array(draft.responsibleUnits()), draft.periodStart(), draft.periodEnd(),
                    text(draft.periodText()), draft.status().name(), progress(draft), completedOn(draft), text(draft.output()),
                    text(draft.outcome()), array(draft.evidenceLinks()));
            Measure created = dao.find(agency, id).orElseThrow();
            history(handle, who, created, "create", fields(created));
            audited(handle, who, "measure.create", null, created);
            return created;
        }));
    }

    public Measure update(OversightPrincipal who, String agency, long id, MeasureDraft draft) {
        if (draft.version() == null) {
            throw new MeasureValidationException(Map.of("version", "ต้องระบุเวอร์ชันที่แก้ไข (version) เพื่อป้องกันการเขียนทับ"));
        }
        check(draft);
        return write(() -> postgres.inTransaction(handle -> {
            MeasureDao dao = handle.attach(MeasureDao.class);
            Measure before = dao.find(agency, id).orElseThrow(() -> new NotFoundException("measure " + id + " of agency " + agency + " does not exist"));
            int changed = dao.update(id, agency, draft.version(), draft.fiscalYear(), draft.number(), draft.title().strip(),
                    array(draft.targets()), text(draft.steps()), array(draft.responsibleUnits()), draft.periodStart(),
                    draft.periodEnd(), text(draft.periodText()), draft.status().name(), progress(draft), completedOn(draft),
                    text(draft.output()), text(draft.outcome()), array(draft.evidenceLinks()));
            if (changed == 0) {
                throw new StaleMeasureException(before, draft.version());
            }
            Measure after = dao.find(agency, id).orElseThrow();
            String action = draft.status() == MeasureStatus.CANCELLED && before.status() != MeasureStatus.CANCELLED ? "cancel" : "update";
            history(handle, who, after, action, diff(before, after));
            audited(handle, who, "measure." + action, before, after);
            return after;
        }));
    }

    /** What storing an imported report did. */
    public record ImportCounts(int created, int updated, int unchanged, List<Integer> notInDocument) {
    }

    /**
     * Stores the measures read from an agency's report for a year, all in one transaction: a measure with a new number
     * is created; one whose number exists gets the document's text (title, targets, steps, units, period, output,
     * outcome) while its status, progress and evidence — kept in this platform — stay; an identical one is left alone,
     * so importing the same document twice changes nothing. Measures the document does not list are kept and named.
     */
    public ImportCounts importAll(OversightPrincipal who, String agency, int year, List<MeasureDraft> drafts) {
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate today = LocalDate.now(clock.withZone(ThaiCalendar.BANGKOK));
        drafts.forEach(draft -> draft.validate(today).forEach((field, message) ->
                errors.put("measures[" + draft.number() + "]." + field, message)));
        if (!errors.isEmpty()) {
            throw new MeasureValidationException(errors);
        }
        return write(() -> postgres.inTransaction(handle -> {
            MeasureDao dao = handle.attach(MeasureDao.class);
            int created = 0;
            int updated = 0;
            int unchanged = 0;
            for (MeasureDraft draft : drafts) {
                Optional<Measure> existing = dao.findByNumber(agency, year, draft.number());
                if (existing.isEmpty()) {
                    long id = dao.insert(agency, year, draft.number(), draft.title().strip(), array(draft.targets()),
                            text(draft.steps()), array(draft.responsibleUnits()), draft.periodStart(), draft.periodEnd(),
                            text(draft.periodText()), draft.status().name(), progress(draft), completedOn(draft),
                            text(draft.output()), text(draft.outcome()), array(draft.evidenceLinks()));
                    Measure stored = dao.find(agency, id).orElseThrow();
                    history(handle, who, stored, "import", fields(stored));
                    audited(handle, who, "measure.import", null, stored);
                    created++;
                    continue;
                }
                Measure before = existing.get();
                if (sameDocumentText(before, draft)) {
                    unchanged++;
                    continue;
                }
                dao.update(before.id(), agency, before.version(), year, draft.number(), draft.title().strip(),
                        array(draft.targets()), text(draft.steps()), array(draft.responsibleUnits()), draft.periodStart(),
                        draft.periodEnd(), text(draft.periodText()), before.status().name(), before.progress(),
                        before.completedOn().orElse(null), text(draft.output()), text(draft.outcome()),
                        before.evidenceLinks().toArray(new String[0]));
                Measure after = dao.find(agency, before.id()).orElseThrow();
                history(handle, who, after, "import", diff(before, after));
                audited(handle, who, "measure.import", before, after);
                updated++;
            }
            Set<Integer> numbers = new java.util.HashSet<>();
            drafts.forEach(d -> numbers.add(d.number()));
            List<Integer> notInDocument = dao.list(agency, year, null).stream().map(Measure::number)
                    .filter(n -> !numbers.contains(n)).sorted().toList();
            return new ImportCounts(created, updated, unchanged, notInDocument);
        }));
    }

    private static boolean sameDocumentText(Measure stored, MeasureDraft draft) {
        return stored.title().equals(draft.title().strip())
                && stored.targets().equals(List.of(array(draft.targets())))
                && stored.steps().equals(text(draft.steps()))
                && stored.responsibleUnits().equals(List.of(array(draft.responsibleUnits())))
                && stored.periodStart().equals(Optional.ofNullable(draft.periodStart()))
                && stored.periodEnd().equals(Optional.ofNullable(draft.periodEnd()))
                && stored.periodText().equals(text(draft.periodText()))
                && stored.output().equals(text(draft.output()))
                && stored.outcome().equals(text(draft.outcome()));
    }

    /** The audit event of a change to a measure, in the change's transaction: who, what, before and after. */
    private void audited(org.jdbi.v3.core.Handle handle, OversightPrincipal who, String action, Measure before, Measure after) {
        Map<String, Object> details = new java.util.LinkedHashMap<>();
        details.put("agency", after.agencyCode());
        details.put("before", before);
        details.put("after", after);
        audit.record(handle, who, action, "measure", String.valueOf(after.id()), details);
    }

    private void check(MeasureDraft draft) {
        Map<String, String> errors = draft.validate(LocalDate.now(clock.withZone(ThaiCalendar.BANGKOK)));
        if (!errors.isEmpty()) {
            throw new MeasureValidationException(errors);
        }
    }

    private static <T> T write(java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (UnableToExecuteStatementException e) {
            if (e.getCause() instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
                throw new MeasureValidationException(Map.of("number", "มีมาตรการลำดับนี้ในปีงบประมาณนี้อยู่แล้ว"));
            }
            throw e;
        }
    }

    private LocalDate completedOn(MeasureDraft draft) {
        if (draft.status() != MeasureStatus.DONE) {
            return null;
        }
        return draft.completedOn() != null ? draft.completedOn() : LocalDate.now(clock.withZone(ThaiCalendar.BANGKOK));
    }

    private static int progress(MeasureDraft draft) {
        return draft.status() == MeasureStatus.DONE ? 100 : draft.progress() == null ? 0 : draft.progress();
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }

    private static String[] array(java.util.List<String> values) {
        return MeasureDraft.nullToEmpty(values).toArray(new String[0]);
    }

    private void history(Handle handle, OversightPrincipal who, Measure measure, String action, Map<String, Object> changes) {
        try {
            handle.attach(MeasureDao.class).recordHistory(measure.id(), measure.version(), who.subject(), who.username(), action,
                    json.writeValueAsString(changes));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> fields(Measure measure) {
        Map<String, Object> all = new LinkedHashMap<>(json.convertValue(measure, Map.class));
        all.keySet().removeAll(UNTRACKED);
        return all;
    }

    /** Field → {from, to} for every field that changed. */
    private Map<String, Object> diff(Measure before, Measure after) {
        Map<String, Object> from = fields(before);
        Map<String, Object> to = fields(after);
        Map<String, Object> changes = new LinkedHashMap<>();
        to.forEach((field, value) -> {
            if (!Objects.equals(from.get(field), value)) {
                Map<String, Object> change = new LinkedHashMap<>();
                change.put("from", from.get(field));
                change.put("to", value);
                changes.put(field, change);
            }
        });
        return changes;
    }
}
