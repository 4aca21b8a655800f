package org.itaoversight.api.ita.loading;

/**
 * One thing wrong with a result file: where (file, row, column) and why, in English (logs, the command line) and in
 * Thai (the dashboard).
 *
 * @param row      the line number in the file (1 = the header), 0 when the problem is about the whole file
 * @param column   the column's name, empty when it is about the whole row
 * @param reasonTh the same reason in Thai
 */
public record LoadProblem(String file, long row, String column, String reason, String reasonTh) {

    @Override
    public String toString() {
        return file + (row > 0 ? ", row " + row : "") + (column.isEmpty() ? "" : ", column " + column) + ": " + reason;
    }
}
