package org.itaoversight.api.exports;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Answers a comparison in CSV or XLSX when the request asks for it ({@code Accept}, or {@code ?format=} through
 * {@link ExportFormatFilter}): the same URL, the same access check and data as its JSON, written by
 * {@link ExportTables} and {@link CsvExport} or {@link XlsxExport}, as a download with a file name.
 */
@Provider
@Produces({ExportFormat.CSV_TYPE, ExportFormat.XLSX_TYPE})
public final class ExportWriter implements MessageBodyWriter<Object> {

    private final ExportTables tables;
    private final CsvExport csv = new CsvExport();
    private final XlsxExport xlsx = new XlsxExport();

    public ExportWriter(ExportTables tables) {
        this.tables = tables;
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return ExportFormat.of(mediaType).isPresent() && ExportTables.supports(type);
    }

    @Override
    public void writeTo(Object answer, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                        MultivaluedMap<String, Object> headers, OutputStream out) throws IOException, WebApplicationException {
        ExportFormat format = ExportFormat.of(mediaType).orElseThrow();
        ExportTable table = tables.tableOf(answer).orElseThrow(() -> new IllegalStateException("no export for " + type.getName()));
        headers.putSingle("Content-Type", format == ExportFormat.CSV ? "text/csv;charset=UTF-8" : format.mediaType());
        headers.putSingle("Content-Disposition", "attachment; filename=\"" + table.fileStem() + "." + format.extension() + "\"");
        if (format == ExportFormat.CSV) {
            csv.write(table, out);
        } else {
            xlsx.write(table, out);
        }
    }
}
