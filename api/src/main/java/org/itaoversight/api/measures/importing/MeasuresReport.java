package org.itaoversight.api.measures.importing;

import java.util.List;
import java.util.Optional;

/**
 * What was read from an agency's measures report (รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส).
 *
 * @param encoding   the text encoding of a text file ({@code UTF-8}, {@code TIS-620/windows-874}), or the format
 * @param agencyCode the registry agency the document's header names, when the registry knows it
 * @param warnings   problems of the document as a whole (each measure carries its own)
 * @param format     {@code TEXT}, {@code DOCX} or {@code PDF}, as told by the file's content
 * @param tables     the tables found and how each column was read, for a person to check and correct
 * @param agency     how the header's agency was looked up (found / ambiguous with candidates / not found)
 */
public record MeasuresReport(String source, String encoding, Optional<String> agencyCode, Optional<String> agencyNameTh,
                             Optional<String> provinceNameTh, Optional<Integer> fiscalYear, List<ImportedMeasure> measures,
                             List<String> warnings, String format, List<TableReading> tables,
                             AgencyReading agency) {

    public MeasuresReport {
        measures = List.copyOf(measures);
        warnings = List.copyOf(warnings);
        tables = List.copyOf(tables);
    }

    /** Every warning, the document's and each measure's (prefixed with the measure's number). */
    public List<String> allWarnings() {
        List<String> all = new java.util.ArrayList<>(warnings);
        measures.forEach(m -> m.warnings().forEach(w -> all.add("measure " + m.number() + ": " + w)));
        return all;
    }
}
