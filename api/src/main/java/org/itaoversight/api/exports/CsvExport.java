package org.itaoversight.api.exports;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes a table as CSV for spreadsheets: UTF-8 with a byte order mark (so Excel reads the Thai), CRLF lines, every
 * text field quoted and formula-safe ({@link FormulaSafety}), numbers plain ({@code 89.79}, {@code -1.50}).
 */
public final class CsvExport {

    public void write(ExportTable table, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        line(writer, table.headers().stream().<Object>map(h -> h).toList());
        for (List<Object> row : table.rows()) {
            line(writer, row);
        }
        writer.flush();
    }

    private static void line(Writer writer, List<Object> values) throws IOException {
        for (int k = 0; k < values.size(); k++) {
            if (k > 0) {
                writer.write(',');
            }
            writer.write(field(values.get(k)));
        }
        writer.write("\r\n");
    }

    static String field(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        return "\"" + FormulaSafety.forCsv(value.toString()).replace("\"", "\"\"") + "\"";
    }
}
