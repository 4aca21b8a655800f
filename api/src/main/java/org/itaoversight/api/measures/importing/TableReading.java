package org.itaoversight.api.measures.importing;

import java.util.List;

/**
 * How the reader understood one table of the document, so that a person can check it and correct it.
 *
 * @param table       the table's number in the document, from 1 (what {@link ReadingChoices} refers to)
 * @param where       where the table starts ("บรรทัด 12", "ตาราง 2 แถว 1", "หน้า 3")
 * @param headerRows  how many rows at its start were read as its header (0: none found)
 * @param firstRows   its first rows (header and up to three more), cells shortened
 * @param columns     its reading of each column
 * @param source      how the reading came about: {@code HEADER} (from the header row), {@code CONTINUES} (a table
 *                    without its own header, read like the table before it), {@code CHOSEN} (the administrator's
 *                    mapping), {@code NONE} (not read: no header understood)
 * @param measures    how many measures were read from it
 * @param problems    what a person should look at (Thai)
 */
public record TableReading(int table, String where, int headerRows, List<List<String>> firstRows, List<ColumnReading> columns,
                           String source, int measures, List<String> problems) {

    public TableReading {
        firstRows = firstRows.stream().map(List::copyOf).toList();
        columns = List.copyOf(columns);
        problems = List.copyOf(problems);
    }

    /**
     * The reading of one column.
     *
     * @param column     its position, from 0
     * @param header     its header text, empty when the table has none
     * @param role       what it is read as
     * @param confidence 0–1: how sure the reader is (1 when the administrator said so)
     * @param why        why, in Thai
     */
    public record ColumnReading(int column, String header, ColumnRole role, double confidence, String why) {
    }
}
