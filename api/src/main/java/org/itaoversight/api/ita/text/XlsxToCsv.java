package org.itaoversight.api.ita.text;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The first sheet of an XLSX workbook as CSV text, one line per sheet row (so that line numbers are the sheet's row
 * numbers). Numeric cells are written exactly (no display formatting), text cells as they are.
 */
public final class XlsxToCsv {

    private XlsxToCsv() {
    }

    /** Whether the bytes are a ZIP container (XLSX), by their signature. */
    public static boolean isXlsx(byte[] bytes) {
        return bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
    }

    public static String convert(byte[] bytes) throws IOException {
        return convert(new ByteArrayInputStream(bytes));
    }

    public static String convert(java.io.InputStream in) throws IOException {
        try (Workbook workbook = new XSSFWorkbook(in)) {
            if (workbook.getNumberOfSheets() == 0) {
                return "";
            }
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter formatter = new DataFormatter();
            StringBuilder csv = new StringBuilder();
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row != null) {
                    for (int c = 0; c < row.getLastCellNum(); c++) {
                        if (c > 0) {
                            csv.append(',');
                        }
                        csv.append(quote(text(row.getCell(c), formatter)));
                    }
                }
                csv.append('\n');
            }
            return csv.toString();
        }
    }

    private static String text(Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        if (type == CellType.NUMERIC) {
            return BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
        }
        return formatter.formatCellValue(cell).strip();
    }

    private static String quote(String value) {
        return value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 ? value
                : '"' + value.replace("\"", "\"\"") + '"';
    }
}
