package org.itaoversight.api.documents;

import java.util.List;

/**
 * One line of a document as every format gives it: a paragraph (one cell) or a table row (its cells, in column
 * order; a cell's own line breaks are {@code \n}).
 *
 * @param number         the line's position in the document, from 1 (a text file's line number)
 * @param where          where a person finds it: "บรรทัด 12", "หน้า 3", "ตาราง 2 แถว 5"
 * @param table          which table of the document the row belongs to (from 1, as the document's own structure says:
 *                       a Word table, a ruled PDF table), 0 for a paragraph or when the format does not say (text)
 * @param afterPageBreak the row comes right after a page break (or, in text, after a blank line or repeated header):
 *                       a cell continued here was cut mid-sentence
 */
public record DocumentLine(int number, String where, int table, List<String> cells, boolean afterPageBreak) {

    public DocumentLine {
        cells = List.copyOf(cells);
    }

    public boolean isRow() {
        return cells.size() >= 2;
    }

    public String text() {
        return String.join("\t", cells);
    }

    public boolean isBlank() {
        return cells.stream().allMatch(String::isBlank);
    }
}
