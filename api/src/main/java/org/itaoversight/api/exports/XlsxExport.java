package org.itaoversight.api.exports;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes a table as XLSX with POI's streaming workbook (100 rows in memory at a time): a bold header row of Thai
 * column names frozen at the top, numbers as numeric cells, dates as dates, and text as inline strings — never a
 * formula, whatever it starts with ({@link FormulaSafety}).
 */
public final class XlsxExport {

    private static final int WINDOW = 100;

    public void write(ExportTable table, OutputStream out) throws IOException {
        SXSSFWorkbook workbook = new SXSSFWorkbook(null, WINDOW, true, false);
        try {
            SXSSFSheet sheet = workbook.createSheet(sheetName(table.sheetName()));
            Font bold = workbook.createFont();
            bold.setBold(true);
            CellStyle header = workbook.createCellStyle();
            header.setFont(bold);
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            Row first = sheet.createRow(0);
            for (int k = 0; k < table.headers().size(); k++) {
                Cell cell = first.createCell(k);
                cell.setCellValue(table.headers().get(k));
                cell.setCellStyle(header);
                sheet.setColumnWidth(k, Math.min(60, Math.max(10, table.headers().get(k).length() + 4)) * 256);
            }
            sheet.createFreezePane(0, 1);
            int r = 1;
            for (List<Object> values : table.rows()) {
                Row row = sheet.createRow(r++);
                for (int k = 0; k < values.size(); k++) {
                    Object value = values.get(k);
                    if (value == null) {
                        continue;
                    }
                    Cell cell = row.createCell(k);
                    if (value instanceof Number number) {
                        cell.setCellValue(number.doubleValue());
                    } else if (value instanceof Boolean flag) {
                        cell.setCellValue(flag);
                    } else if (value instanceof LocalDate day) {
                        cell.setCellValue(day);
                        cell.setCellStyle(date);
                    } else {
                        cell.setCellValue(value.toString()); // an inline string: never parsed as a formula
                    }
                }
            }
            workbook.write(out);
        } finally {
            workbook.close(); // also deletes the temporary files
        }
    }

    /** A sheet name without the characters Excel forbids, at most 31 characters. */
    static String sheetName(String name) {
        String clean = name.replaceAll("[\\\\/?*\\[\\]:]", " ").strip();
        return clean.isEmpty() ? "ข้อมูล" : clean.substring(0, Math.min(31, clean.length()));
    }
}
