package org.itaoversight.api.measures.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.itaoversight.api.measures.MeasureDraft;
import org.itaoversight.api.measures.MeasureService;
import org.itaoversight.api.measures.MeasureStatus;
import org.itaoversight.tenants.access.OversightPrincipal;

/**
 * Reads an agency's measures report and, unless it is a dry run, stores its measures for that agency and year
 * ({@link MeasureService#importAll}: one transaction, a repeated import changes nothing).
 *
 * <p>The agency and year come from the document unless given; a given one that contradicts the document is an
 * error, because storing one agency's measures under another's is the mistake this must never make. A stored measure
 * starts {@code IN_PROGRESS} when the report gives its output (ผลการดำเนินการ) and {@code PLANNED} otherwise: a report
 * never says a measure is complete, so marking one done is left to the agency's administrator.
 */
public final class MeasuresReportImporter {

    private final Supplier<MeasuresReportReader> reader;
    private final MeasureService service;

    /** @param reader a reader over a current snapshot of the registry */
    public MeasuresReportImporter(Supplier<MeasuresReportReader> reader, MeasureService service) {
        this.reader = reader;
        this.service = service;
    }

    /**
     * What an import read and, when not a dry run, what it stored.
     *
     * @param problems every problem, in Thai: first those that stop a real import (the agency not found, ambiguous or
     *                 another's, the year missing or contradicted, no measure read), then the notes that do not (a
     *                 table or column not read, an ambiguous name resolved by the agency imported for); a dry run
     *                 returns them all beside what it read
     * @param issues   the same problems, each with what it concerns (the agency, the year, a table, the measures)
     * @param storable whether a real import with the same choices would store (no problem stops it)
     */
    public record ImportResult(Optional<String> agencyCode, Optional<Integer> fiscalYear, boolean dryRun, MeasuresReport report,
                               Optional<MeasureService.ImportCounts> stored, List<String> problems, List<Issue> issues,
                               boolean storable) {

        public ImportResult {
            problems = List.copyOf(problems);
            issues = List.copyOf(issues);
        }
    }

    /**
     * One problem and what it concerns, so that a person sees it beside that thing.
     *
     * @param subject  {@code AGENCY}, {@code YEAR}, {@code TABLE} (then {@code table} is its number) or {@code MEASURES}
     * @param blocking whether it stops a real import
     */
    public record Issue(String subject, Optional<Integer> table, String messageTh, boolean blocking) {

        static Issue of(String subject, String messageTh, boolean blocking) {
            return new Issue(subject, Optional.empty(), messageTh, blocking);
        }
    }

    public ImportResult importReport(OversightPrincipal who, String source, byte[] content, Optional<String> agency,
                                     Optional<Integer> year, boolean dryRun) {
        return importReport(who, source, content, agency, year, ReadingChoices.none(), dryRun);
    }

    /**
     * @param year    the year the importer says the document is for: one the document contradicts is a problem
     * @param choices the administrator's reading choices (column mapping, a fiscal year that overrides the document's)
     * @throws MeasureImportException when not a dry run and anything stands in the way (nothing is stored)
     */
    public ImportResult importReport(OversightPrincipal who, String source, byte[] content, Optional<String> agency,
                                     Optional<Integer> year, ReadingChoices choices, boolean dryRun) {
        MeasuresReport report = reader.get().read(source, content, choices);
        List<Issue> issues = new ArrayList<>();
        agencyIssues(report, agency, issues);
        if (year.isPresent() && report.fiscalYear().isPresent() && !year.get().equals(report.fiscalYear().get())) {
            issues.add(Issue.of("YEAR", "เอกสารนี้เป็นของปีงบประมาณ " + report.fiscalYear().get() + " ไม่ใช่ " + year.get(), true));
        }
        if (year.isEmpty() && report.fiscalYear().isEmpty()) {
            issues.add(Issue.of("YEAR", "เอกสารไม่ได้ระบุปีงบประมาณ กรุณาระบุปี", true));
        }
        if (report.measures().isEmpty()) {
            issues.add(Issue.of("MEASURES", "ไม่พบมาตรการในเอกสาร", true));
        }
        report.tables().stream().filter(t -> t.source().equals("NONE") || !t.problems().isEmpty())
                .forEach(t -> t.problems().forEach(p -> issues.add(new Issue("TABLE", Optional.of(t.table()),
                        "ตารางที่ " + t.table() + " (" + t.where() + "): " + p, false))));
        // The problems that stop an import first, then the notes.
        issues.sort(java.util.Comparator.comparing(issue -> !issue.blocking()));
        List<String> problems = issues.stream().map(Issue::messageTh).toList();
        boolean blocking = issues.stream().anyMatch(Issue::blocking);
        Optional<String> agencyCode = agency.or(report::agencyCode);
        Optional<Integer> fiscalYear = year.or(report::fiscalYear);
        if (dryRun) {
            return new ImportResult(agencyCode, fiscalYear, true, report, Optional.empty(), problems, issues, !blocking);
        }
        if (blocking) {
            throw new MeasureImportException(source, problems);
        }
        List<MeasureDraft> drafts = report.measures().stream().map(m -> draft(m, fiscalYear.orElseThrow())).toList();
        MeasureService.ImportCounts counts = service.importAll(who, agencyCode.orElseThrow(), fiscalYear.orElseThrow(), drafts);
        return new ImportResult(agencyCode, fiscalYear, false, report, Optional.of(counts), problems, issues, true);
    }

    /**
     * The document's agency against the one imported for: found and the same is fine; found and another is refused;
     * ambiguous is refused unless the agency imported for is one of the candidates (then noted); a name the registry
     * does not know is refused when an agency is given (the document may be another's) and when none is.
     */
    private static void agencyIssues(MeasuresReport report, Optional<String> agency, List<Issue> issues) {
        AgencyReading found = report.agency();
        String written = found.written().orElse("?");
        if (agency.isPresent()) {
            String code = agency.get();
            if (report.agencyCode().isPresent()) {
                if (!code.equals(report.agencyCode().get())) {
                    blocking(issues, "เอกสารนี้เป็นรายงานของ" + report.agencyNameTh().orElse("?") + " (" + report.agencyCode().get()
                            + ") ไม่ใช่ของหน่วยงาน " + code);
                }
            } else if (found.isAmbiguous() && found.isCandidate(code)) {
                note(issues, "หน่วยงาน: " + found.problem().orElse("") + " — นำเข้าเป็นของหน่วยงาน " + code + " ตามที่เลือก");
            } else if (found.isAmbiguous()) {
                blocking(issues, "หน่วยงาน: " + found.problem().orElse("") + " — ไม่มีหน่วยงาน " + code + " ในรายชื่อนี้");
            } else if (found.outcome().equals("NOT_FOUND")) {
                blocking(issues, "หน่วยงาน: " + found.problem().orElse("ไม่พบ " + written + " ในทะเบียน")
                        + " จึงไม่แน่ใจว่าเป็นรายงานของหน่วยงาน " + code + " กรุณาตรวจชื่อหน่วยงานในเอกสาร");
            } else if (found.outcome().equals("NOT_NAMED")) {
                note(issues, "หน่วยงาน: เอกสารไม่ได้ระบุชื่อหน่วยงานก่อนตารางแรก นำเข้าเป็นของหน่วยงาน " + code + " ตามที่เลือก");
            }
        } else if (report.agencyCode().isEmpty()) {
            blocking(issues, "หน่วยงาน: " + (found.isAmbiguous() ? found.problem().orElse("") + " ระบบไม่เลือกแทน"
                    : "เอกสารไม่ได้ระบุหน่วยงานที่มีในทะเบียน" + found.written().map(n -> " (ระบุว่า " + n + ")").orElse("")
                    + found.problem().filter(p -> found.outcome().equals("NOT_FOUND")).map(p -> ": " + p).orElse(""))
                    + " กรุณาระบุรหัสหน่วยงาน");
        }
    }

    private static void blocking(List<Issue> issues, String messageTh) {
        issues.add(Issue.of("AGENCY", messageTh, true));
    }

    private static void note(List<Issue> issues, String messageTh) {
        issues.add(Issue.of("AGENCY", messageTh, false));
    }

    private static MeasureDraft draft(ImportedMeasure measure, int year) {
        MeasureStatus status = measure.output().isBlank() ? MeasureStatus.PLANNED : MeasureStatus.IN_PROGRESS;
        return new MeasureDraft(year, measure.number(), measure.title(), measure.targets(), measure.steps(),
                measure.responsibleUnits(), measure.period().start().orElse(null), measure.period().end().orElse(null),
                measure.period().text(), status, null, null, measure.output(), measure.outcome(), List.of(), null);
    }
}
