package org.itaoversight.api.measures.importing;

import java.util.List;

/**
 * One measure as read from an agency's report.
 *
 * @param number           its number in this platform: the order in the document (1, 2, …), which stays unique when a
 *                         document restarts its numbering per section
 * @param numberAsWritten  the number as the document writes it ({@code ๑}), empty when it has none
 * @param lines            the document lines it was read from (more than one when a page break continued a cell)
 * @param targets          the weak points it targets: question codes ({@code e12}) and indicators ({@code indicator:4})
 *                         written in the measure or in the section introducing its table
 * @param warnings         what could not be read or needs a person's eye
 */
public record ImportedMeasure(int number, String numberAsWritten, List<Integer> lines, String title, List<String> targets,
                              String steps, List<String> responsibleUnits, PlannedPeriod period, String output,
                              String outcome, List<String> warnings) {

    public ImportedMeasure {
        lines = List.copyOf(lines);
        targets = List.copyOf(targets);
        responsibleUnits = List.copyOf(responsibleUnits);
        warnings = List.copyOf(warnings);
    }
}
