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

    /** What an import read and, when not a dry run, what it stored. */
    public record ImportResult(String agencyCode, int fiscalYear, boolean dryRun, MeasuresReport report,
                               Optional<MeasureService.ImportCounts> stored) {
    }

    public ImportResult importReport(OversightPrincipal who, String source, byte[] content, Optional<String> agency,
                                     Optional<Integer> year, boolean dryRun) {
        MeasuresReport report = reader.get().read(source, content);
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
        if (!problems.isEmpty()) {
            throw new MeasureImportException(source, problems);
        }
        String agencyCode = agency.or(report::agencyCode).orElseThrow();
        int fiscalYear = year.or(report::fiscalYear).orElseThrow();
        if (dryRun) {
            return new ImportResult(agencyCode, fiscalYear, true, report, Optional.empty());
        }
        List<MeasureDraft> drafts = report.measures().stream().map(m -> draft(m, fiscalYear)).toList();
        MeasureService.ImportCounts counts = service.importAll(who, agencyCode, fiscalYear, drafts);
        return new ImportResult(agencyCode, fiscalYear, false, report, Optional.of(counts));
    }

    private static MeasureDraft draft(ImportedMeasure measure, int year) {
        MeasureStatus status = measure.output().isBlank() ? MeasureStatus.PLANNED : MeasureStatus.IN_PROGRESS;
        return new MeasureDraft(year, measure.number(), measure.title(), measure.targets(), measure.steps(),
                measure.responsibleUnits(), measure.period().start().orElse(null), measure.period().end().orElse(null),
                measure.period().text(), status, null, null, measure.output(), measure.outcome(), List.of(), null);
    }
}
