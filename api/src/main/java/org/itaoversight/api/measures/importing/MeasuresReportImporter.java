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
     * @param problems why it could not be stored (agency not found, year missing, no measure read…), all of them; a
     *                 dry run returns them beside what it read, a real import with any of them stores nothing
     */
    public record ImportResult(Optional<String> agencyCode, Optional<Integer> fiscalYear, boolean dryRun, MeasuresReport report,
                               Optional<MeasureService.ImportCounts> stored, List<String> problems) {

        public ImportResult {
            problems = List.copyOf(problems);
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
        List<String> problems = new ArrayList<>();
        if (agency.isPresent() && report.agencyCode().isPresent() && !agency.get().equals(report.agencyCode().get())) {
            problems.add("เอกสารนี้เป็นรายงานของ" + report.agencyNameTh().orElse("?") + " (" + report.agencyCode().get()
                    + ") ไม่ใช่ของหน่วยงาน " + agency.get());
        }
        if (agency.isEmpty() && report.agencyCode().isEmpty()) {
            problems.add("เอกสารไม่ได้ระบุหน่วยงานที่มีในทะเบียน"
                    + report.agencyNameTh().map(n -> " (ระบุว่า " + n + ")").orElse("") + " กรุณาระบุรหัสหน่วยงาน");
        }
        if (year.isPresent() && report.fiscalYear().isPresent() && !year.get().equals(report.fiscalYear().get())) {
            problems.add("เอกสารนี้เป็นของปีงบประมาณ " + report.fiscalYear().get() + " ไม่ใช่ " + year.get());
        }
        if (year.isEmpty() && report.fiscalYear().isEmpty()) {
            problems.add("เอกสารไม่ได้ระบุปีงบประมาณ กรุณาระบุปี");
        }
        if (report.measures().isEmpty()) {
            problems.add("ไม่พบมาตรการในเอกสาร");
        }
        report.tables().stream().filter(t -> t.source().equals("NONE") || !t.problems().isEmpty())
                .forEach(t -> t.problems().forEach(p -> problems.add("ตารางที่ " + t.table() + " (" + t.where() + "): " + p)));
        Optional<String> agencyCode = agency.or(report::agencyCode);
        Optional<Integer> fiscalYear = year.or(report::fiscalYear);
        boolean blocking = problems.stream().anyMatch(p -> !p.startsWith("ตารางที่ "));
        if (dryRun) {
            return new ImportResult(agencyCode, fiscalYear, true, report, Optional.empty(), problems);
        }
        if (blocking) {
            throw new MeasureImportException(source, problems);
        }
        List<MeasureDraft> drafts = report.measures().stream().map(m -> draft(m, fiscalYear.orElseThrow())).toList();
        MeasureService.ImportCounts counts = service.importAll(who, agencyCode.orElseThrow(), fiscalYear.orElseThrow(), drafts);
        return new ImportResult(agencyCode, fiscalYear, false, report, Optional.of(counts), problems);
    }

    private static MeasureDraft draft(ImportedMeasure measure, int year) {
        MeasureStatus status = measure.output().isBlank() ? MeasureStatus.PLANNED : MeasureStatus.IN_PROGRESS;
        return new MeasureDraft(year, measure.number(), measure.title(), measure.targets(), measure.steps(),
                measure.responsibleUnits(), measure.period().start().orElse(null), measure.period().end().orElse(null),
                measure.period().text(), status, null, null, measure.output(), measure.outcome(), List.of(), null);
    }
}
