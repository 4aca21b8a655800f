package org.itaoversight.api.exports;

import java.util.List;

/**
 * A comparison as a table to download: Thai column headers and rows of values. A value is a {@link Number} (written
 * as a number), a {@link java.time.LocalDate}, a {@link Boolean}, text, or null (an empty cell).
 *
 * @param sheetName the XLSX sheet's name (at most 31 characters)
 * @param fileStem  the downloaded file's name without its extension ({@code ranking-73-2568})
 */
public record ExportTable(String sheetName, String fileStem, List<String> headers, List<List<Object>> rows) {

    public ExportTable {
        headers = List.copyOf(headers);
        rows = rows.stream().map(row -> java.util.Collections.unmodifiableList(new java.util.ArrayList<>(row))).toList();
        for (List<Object> row : rows) {
            if (row.size() != headers.size()) {
                throw new IllegalArgumentException("a row of " + fileStem + " has " + row.size() + " values for " + headers.size() + " columns");
            }
        }
    }
}
