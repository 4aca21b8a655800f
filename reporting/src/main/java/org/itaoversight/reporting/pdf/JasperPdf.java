package org.itaoversight.reporting.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.sf.jasperreports.engine.JREmptyDataSource;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;
import net.sf.jasperreports.engine.util.JRLoader;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import org.itaoversight.reporting.ReportFonts;

/**
 * Fills a compiled template (built by {@code ReportCompiler}) with parameters and exports a PDF whose Thai is both
 * drawn right (the glyph renderer) and extracted right ({@link ThaiTextLayer}). Thread-safe: templates are read-only.
 */
public final class JasperPdf {

    private static final String TEMPLATES = "/org/itaoversight/reporting/templates/";
    private static final List<String> FACES = List.of("Sarabun-Regular", "Sarabun-Bold", "Sarabun-Italic", "Sarabun-BoldItalic");

    private final Map<String, JasperReport> templates = new HashMap<>();
    private final ThaiTextLayer textLayer;
    private final TaggedPdf tagging = new TaggedPdf();

    public JasperPdf(List<String> templateNames) {
        ThaiLineBreaking.ensure();
        for (String name : templateNames) {
            try (InputStream in = JasperPdf.class.getResourceAsStream(TEMPLATES + name + ".jasper")) {
                if (in == null) {
                    throw new IllegalStateException("report template " + name + ".jasper is not on the classpath (build the reporting module)");
                }
                templates.put(name, (JasperReport) JRLoader.loadObject(in));
            } catch (IOException | JRException e) {
                throw new IllegalStateException("cannot load report template " + name, e);
            }
        }
        Map<String, byte[]> fonts = new LinkedHashMap<>();
        for (String face : FACES) {
            try (InputStream in = JasperPdf.class.getResourceAsStream(ReportFonts.resource(face))) {
                if (in == null) {
                    throw new IllegalStateException("font " + face + ".ttf is not on the classpath (build the reporting module)");
                }
                fonts.put(face, in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        this.textLayer = new ThaiTextLayer(fonts);
    }

    public JasperReport template(String name) {
        JasperReport template = templates.get(name);
        if (template == null) {
            throw new IllegalArgumentException("no report template " + name);
        }
        return template;
    }

    /** Rows of a table: each row's columns c0, c1, … (and marks) as the template's fields. */
    public static JRMapCollectionDataSource rows(List<Map<String, ?>> rows) {
        List<Map<String, ?>> protectedRows = new java.util.ArrayList<>(rows.size());
        for (Map<String, ?> row : rows) {
            Map<String, Object> copy = new LinkedHashMap<>();
            row.forEach((key, value) -> copy.put(key, value instanceof String text ? ThaiLineBreaking.protect(text) : value));
            protectedRows.add(copy);
        }
        return new JRMapCollectionDataSource(protectedRows);
    }

    /** A table row: its columns as the template's fields c0, c1, …; a null column is empty. */
    public static Map<String, Object> row(String... columns) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < columns.length; i++) {
            row.put("c" + i, columns[i] == null ? "" : columns[i]);
        }
        return row;
    }

    /** A table row the template highlights (its field {@code mark}). */
    public static Map<String, Object> marked(boolean mark, String... columns) {
        Map<String, Object> row = row(columns);
        row.put("mark", mark);
        return row;
    }

    /**
     * @param title     the PDF's document title (its metadata, shown in the viewer's title bar)
     * @param headings  the headings as printed: tagged H1/H2 and bookmarked
     * @param furniture where the running header and footer lie (tagged as artifacts)
     * @param archival  PDF/A-2B for the archive
     */
    public byte[] render(String template, Map<String, Object> parameters, String title, List<TaggedPdf.Heading> headings,
                         TaggedPdf.PageFurniture furniture, boolean archival) {
        Map<String, Object> all = new HashMap<>();
        parameters.forEach((key, value) -> all.put(key, value instanceof String text ? ThaiLineBreaking.protect(text) : value));
        all.put(JRParameter.REPORT_LOCALE, java.util.Locale.forLanguageTag("th"));
        try {
            JasperPrint print = JasperFillManager.fillReport(template(template), all, new JREmptyDataSource(1));
            ByteArrayOutputStream pdf = new ByteArrayOutputStream(64 * 1024);
            JRPdfExporter exporter = new JRPdfExporter();
            exporter.setExporterInput(new SimpleExporterInput(print));
            exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(pdf));
            SimplePdfExporterConfiguration configuration = new SimplePdfExporterConfiguration();
            configuration.setMetadataTitle(title);
            configuration.setMetadataAuthor("ITA Oversight");
            configuration.setMetadataCreator("ITA Oversight (JasperReports)");
            configuration.setDisplayMetadataTitle(true);
            exporter.setConfiguration(configuration);
            exporter.exportReport();
            return tagging.finish(textLayer.repair(pdf.toByteArray()), title, headings, furniture, archival);
        } catch (JRException e) {
            throw new IllegalStateException("rendering " + template + " failed: " + e.getMessage(), e);
        }
    }
}
