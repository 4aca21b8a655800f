package org.itaoversight.api.documents;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

/**
 * Builds the Word and PDF forms of the test corpus from its text forms (run by {@code api/src/test/corpus/generate.sh};
 * the outputs are kept as fixtures). A text document is what converters give: tab-separated rows, a blank line and a
 * repeated header at a page break, a cut cell continued on a row with an empty first cell, {@code <p>} in cells. The
 * Word and HTML forms are what the agency wrote: one table with its header once (the PDF repeats it on every page as
 * browsers do), the cut cell whole again, paragraphs in cells, a two-level header as merged cells.
 *
 * <pre>
 *   CorpusGenerator forms DIR       DIR/*.txt → *.docx and *.html (the script prints the HTML to PDF)
 *   CorpusGenerator negatives DIR   DIR/negative/: an image-only PDF, a PDF with private-use Thai glyphs, a PDF
 *                                   whose Thai text layer maps to Latin-1 look-alikes
 * </pre>
 */
public final class CorpusGenerator {

    private static final Pattern BREAKS = Pattern.compile("(?i)<br\\s*/?>|</p>\\s*<p[^>]*>|</?li[^>]*>|</?ul[^>]*>|</?ol[^>]*>|</p>|<p[^>]*>");

    private CorpusGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[1]);
        if (args[0].equals("forms")) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path text : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                    List<Block> blocks = blocks(Files.readString(text, StandardCharsets.UTF_8));
                    String base = text.toString().substring(0, text.toString().length() - 4);
                    writeDocx(blocks, Path.of(base + ".docx"));
                    Files.writeString(Path.of(base + ".html"), html(blocks, args.length > 2 ? args[2] : ""), StandardCharsets.UTF_8);
                }
            }
        } else if (args[0].equals("negatives")) {
            negatives(dir, Path.of(args[2]));
        } else if (args[0].equals("private-use")) {
            privateUse(Path.of(args[2]), dir);
        }
    }

    /** A paragraph (one line) or a table (its rows; the first {@code headerRows} are its header). */
    record Block(String paragraph, List<List<String>> rows, int headerRows) {
    }

    /** The agency's document behind a converted text: page-break remnants undone. */
    static List<Block> blocks(String text) {
        List<Block> blocks = new ArrayList<>();
        List<List<String>> table = null;
        int headerRows = 0;
        boolean blank = false;
        for (String line : text.replace("\r", "").split("\n")) {
            if (line.isBlank()) {
                blank = true;
                continue;
            }
            List<String> cells = List.of(line.split("\t", -1));
            if (cells.size() < 2) {
                if (table != null) {
                    blocks.add(new Block(null, table, headerRows));
                    table = null;
                }
                blocks.add(new Block(line, null, 0));
                blank = false;
                continue;
            }
            if (table == null) {
                table = new ArrayList<>();
                table.add(new ArrayList<>(cells));
                headerRows = 1;
            } else if (table.size() == 1 && isSecondHeaderRow(table.getFirst(), cells)) {
                table.add(new ArrayList<>(cells));
                headerRows = 2;
            } else if (cells.equals(table.getFirst()) || isHeaderAgain(table.getFirst(), cells)) {
                // the header repeated at a page break (sometimes wrapped differently): the browser repeats it itself,
                // Word has it once
            } else if (blank && cells.getFirst().isBlank() && table.size() > headerRows) {
                List<String> before = table.getLast();
                for (int c = 0; c < cells.size() && c < before.size(); c++) {
                    if (!cells.get(c).isBlank()) {
                        before.set(c, before.get(c).isBlank() ? cells.get(c) : before.get(c) + " " + cells.get(c));
                    }
                }
            } else {
                table.add(new ArrayList<>(cells));
            }
            blank = false;
        }
        if (table != null) {
            blocks.add(new Block(null, table, headerRows));
        }
        return blocks;
    }

    private static boolean isHeaderAgain(List<String> header, List<String> row) {
        return row.size() == header.size() && row.getFirst().strip().equals(header.getFirst().strip())
                && row.stream().allMatch(c -> c.length() <= 60);
    }

    private static boolean isSecondHeaderRow(List<String> top, List<String> row) {
        boolean fillsGap = false;
        for (int c = 0; c < row.size() && c < top.size(); c++) {
            if (!row.get(c).isBlank() && !top.get(c).isBlank() && c > 0 && top.get(c - 1).isBlank()) {
                return false;
            }
            if (!row.get(c).isBlank() && top.get(c).isBlank()) {
                fillsGap = true;
            }
        }
        return fillsGap && row.stream().noneMatch(c -> c.length() > 60 || c.matches("^\\s*[0-9๐-๙].*"));
    }

    /** A cell's paragraphs, markup removed. */
    static List<String> paragraphs(String cell) {
        String text = BREAKS.matcher(cell).replaceAll("\n").replaceAll("<[^>]{0,200}>", " ")
                .replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
        List<String> out = new ArrayList<>();
        for (String p : text.split("\n")) {
            if (!p.isBlank()) {
                out.add(p.replaceAll("\\s+", " ").strip());
            }
        }
        return out;
    }

    /** Whether a header cell spans the empty cells after it (a two-level header's upper row). */
    private static int span(List<List<String>> rows, int headerRows, int c) {
        if (headerRows < 2) {
            return 1;
        }
        List<String> top = rows.get(0);
        int span = 1;
        while (c + span < top.size() && top.get(c + span).isBlank() && !rows.get(1).get(c + span).isBlank()) {
            span++;
        }
        return span;
    }

    static void writeDocx(List<Block> blocks, Path out) throws IOException {
        try (XWPFDocument document = new XWPFDocument()) {
            for (Block block : blocks) {
                if (block.paragraph() != null) {
                    XWPFRun run = document.createParagraph().createRun();
                    run.setText(block.paragraph().replace("**", ""));
                    run.setFontFamily("TH SarabunPSK");
                    continue;
                }
                int width = block.rows().stream().mapToInt(List::size).max().orElse(1);
                XWPFTable table = document.createTable(block.rows().size(), width);
                for (int r = 0; r < block.rows().size(); r++) {
                    List<String> cells = block.rows().get(r);
                    XWPFTableRow row = table.getRow(r);
                    if (r < block.headerRows()) {
                        row.setRepeatHeader(true);
                    }
                    List<Integer> removed = new ArrayList<>();
                    for (int c = 0; c < width; c++) {
                        XWPFTableCell cell = row.getCell(c);
                        String text = c < cells.size() ? cells.get(c) : "";
                        if (r == 0 && block.headerRows() == 2 && text.isBlank() && !removed.contains(c)) {
                            continue;
                        }
                        XWPFParagraph first = cell.getParagraphs().getFirst();
                        List<String> paragraphs = paragraphs(text);
                        for (int p = 0; p < paragraphs.size(); p++) {
                            XWPFParagraph paragraph = p == 0 ? first : cell.addParagraph();
                            paragraph.createRun().setText(paragraphs.get(p));
                        }
                        if (block.headerRows() == 2 && r < 2) {
                            CTTcPr properties = cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
                            boolean mergedDown = r == 0 && !text.isBlank() && block.rows().get(1).get(c).isBlank();
                            if (mergedDown) {
                                properties.addNewVMerge().setVal(STMerge.RESTART);
                            } else if (r == 1 && text.isBlank() && !block.rows().get(0).get(c).isBlank()) {
                                properties.addNewVMerge();
                            }
                            int span = r == 0 ? span(block.rows(), 2, c) : 1;
                            if (span > 1) {
                                properties.addNewGridSpan().setVal(BigInteger.valueOf(span));
                                for (int s = 1; s < span; s++) {
                                    removed.add(c + s);
                                }
                            }
                        }
                    }
                    for (int k = removed.size() - 1; k >= 0; k--) {
                        row.removeCell(removed.get(k));
                    }
                }
            }
            try (OutputStream stream = Files.newOutputStream(out)) {
                document.write(stream);
            }
        }
    }

    static String html(List<Block> blocks, String fontDir) {
        StringBuilder html = new StringBuilder("""
                <!DOCTYPE html><html lang="th"><head><meta charset="utf-8"><style>
                @font-face { font-family: 'Sarabun'; src: url('file://FONTDIR/Sarabun-Regular.ttf'); }
                @font-face { font-family: 'Sarabun'; font-weight: bold; src: url('file://FONTDIR/Sarabun-Bold.ttf'); }
                @page { size: A4 landscape; margin: 14mm; }
                body { font-family: 'Sarabun'; font-size: 11pt; line-height: 1.5; }
                table { border-collapse: collapse; width: 100%; margin: 6pt 0; }
                th, td { border: 0.8pt solid #000; padding: 3pt 4pt; vertical-align: top; text-align: left; }
                th { font-weight: bold; text-align: center; vertical-align: middle; }
                td p, th p { margin: 0; }
                </style></head><body>
                """.replace("FONTDIR", fontDir));
        for (Block block : blocks) {
            if (block.paragraph() != null) {
                html.append("<p>").append(escape(block.paragraph().replace("**", ""))).append("</p>\n");
                continue;
            }
            html.append("<table>");
            for (int r = 0; r < block.rows().size(); r++) {
                List<String> cells = block.rows().get(r);
                boolean header = r < block.headerRows();
                html.append(r == 0 && header ? "<thead>" : "").append(r == block.headerRows() ? "<tbody>" : "").append("<tr>");
                for (int c = 0; c < cells.size(); c++) {
                    String tag = header ? "th" : "td";
                    String attributes = "";
                    if (header && block.headerRows() == 2) {
                        if (r == 0 && cells.get(c).isBlank()) {
                            continue; // covered by a span
                        }
                        if (r == 1 && cells.get(c).isBlank()) {
                            continue; // covered by a cell merged down
                        }
                        if (r == 0 && block.rows().get(1).get(c).isBlank()) {
                            attributes = " rowspan=\"2\"";
                        }
                        int span = r == 0 ? span(block.rows(), 2, c) : 1;
                        if (span > 1) {
                            attributes += " colspan=\"" + span + "\"";
                        }
                    }
                    html.append('<').append(tag).append(attributes).append('>');
                    for (String p : paragraphs(cells.get(c))) {
                        html.append("<p>").append(escape(p)).append("</p>");
                    }
                    html.append("</").append(tag).append('>');
                }
                html.append("</tr>").append(r == block.headerRows() - 1 ? "</thead>" : "");
            }
            html.append("</tbody></table>\n");
        }
        return html.append("</body></html>\n").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /**
     * Documents the platform must refuse or repair, made from a corpus PDF: its pages as images only (a scan); its
     * Thai tone marks and upper vowels mapped to private-use code points (as Windows-era Thai fonts do); its Thai
     * mapped to Latin-1 look-alikes (a font without a usable Unicode map).
     */
    static void negatives(Path source, Path outDir) throws IOException {
        Files.createDirectories(outDir);
        byte[] pdf = Files.readAllBytes(source);
        try (PDDocument original = Loader.loadPDF(pdf); PDDocument scan = new PDDocument()) {
            PDFRenderer renderer = new PDFRenderer(original);
            for (int p = 0; p < original.getNumberOfPages(); p++) {
                BufferedImage image = renderer.renderImageWithDPI(p, 100);
                PDPage page = new PDPage(new PDRectangle(original.getPage(p).getMediaBox().getWidth(),
                        original.getPage(p).getMediaBox().getHeight()));
                scan.addPage(page);
                PDImageXObject xobject = LosslessFactory.createFromImage(scan, image);
                try (PDPageContentStream content = new PDPageContentStream(scan, page)) {
                    content.drawImage(xobject, 0, 0, page.getMediaBox().getWidth(), page.getMediaBox().getHeight());
                }
            }
            scan.save(outDir.resolve("scanned-image-only.pdf").toFile());
        }
        rewriteToUnicode(pdf, outDir.resolve("unreadable-text-layer.pdf"), false);
    }

    /** Rewrites every font's ToUnicode map: marks to private-use code points, or all Thai to Latin-1 look-alikes. */
    private static void rewriteToUnicode(byte[] pdf, Path out, boolean privateUse) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (PDPage page : document.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    if (!(font.getCOSObject().getDictionaryObject(COSName.TO_UNICODE) instanceof COSStream stream)) {
                        continue;
                    }
                    String cmap;
                    try (var in = stream.createInputStream()) {
                        cmap = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
                    }
                    String rewritten = remap(cmap, privateUse);
                    try (OutputStream write = stream.createOutputStream(COSName.FLATE_DECODE)) {
                        write.write(rewritten.getBytes(StandardCharsets.ISO_8859_1));
                    }
                }
            }
            document.save(out.toFile());
        }
    }

    /** A ToUnicode CMap with every mapping written out one by one (ranges expanded), Thai remapped. */
    private static String remap(String cmap, boolean privateUse) {
        List<String> entries = new ArrayList<>();
        java.util.regex.Matcher chars = Pattern.compile("beginbfchar(.*?)endbfchar", Pattern.DOTALL).matcher(cmap);
        while (chars.find()) {
            java.util.regex.Matcher pair = Pattern.compile("<([0-9A-Fa-f]+)>\\s*<([0-9A-Fa-f]+)>").matcher(chars.group(1));
            while (pair.find()) {
                entries.add("<" + pair.group(1) + "> <" + target(pair.group(2), privateUse) + ">");
            }
        }
        java.util.regex.Matcher ranges = Pattern.compile("beginbfrange(.*?)endbfrange", Pattern.DOTALL).matcher(cmap);
        while (ranges.find()) {
            java.util.regex.Matcher range = Pattern.compile("<([0-9A-Fa-f]+)>\\s*<([0-9A-Fa-f]+)>\\s*<([0-9A-Fa-f]+)>").matcher(ranges.group(1));
            while (range.find()) {
                int width = range.group(1).length();
                int from = Integer.parseInt(range.group(1), 16);
                int to = Integer.parseInt(range.group(2), 16);
                int start = Integer.parseInt(range.group(3), 16);
                for (int code = from; code <= to; code++) {
                    String destination = String.format("%04X", start + code - from);
                    entries.add("<" + String.format("%0" + width + "X", code) + "> <" + target(destination, privateUse) + ">");
                }
            }
        }
        int begin = cmap.indexOf("begincodespacerange");
        int end = cmap.indexOf("endcodespacerange") + "endcodespacerange".length();
        StringBuilder out = new StringBuilder("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
                + "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n/CMapName /Adobe-Identity-UCS def\n"
                + "/CMapType 2 def\n1 " + cmap.substring(begin, end) + "\n");
        for (int i = 0; i < entries.size(); i += 100) {
            List<String> chunk = entries.subList(i, Math.min(entries.size(), i + 100));
            out.append(chunk.size()).append(" beginbfchar\n").append(String.join("\n", chunk)).append("\nendbfchar\n");
        }
        return out.append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n").toString();
    }

    private static String target(String hex, boolean privateUse) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i + 4 <= hex.length(); i += 4) {
            int c = Integer.parseInt(hex.substring(i, i + 4), 16);
            int mapped = c >= 0x0E01 && c <= 0x0E5B ? (privateUse ? toPrivateUse(c) : c - 0x0E01 + 0x00A1) : c;
            out.append(String.format("%04X", mapped));
        }
        return out.toString();
    }

    /**
     * A small measures report drawn directly (a ruled table, one line per cell) with Sarabun, whose text layer then
     * maps tone marks and upper vowels to the private-use code points of Windows-era Thai fonts: it must read like any
     * other document.
     */
    static void privateUse(Path fontDir, Path corpus) throws IOException {
        Path pdf = corpus.resolve("17-private-use-glyphs.pdf");
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth()));
            document.addPage(page);
            PDFont font = org.apache.pdfbox.pdmodel.font.PDType0Font.load(document, fontDir.resolve("Sarabun-Regular.ttf").toFile());
            float height = page.getMediaBox().getHeight();
            String[] title = {"รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. ๒๕๖๗",
                    "องค์การบริหารส่วนตำบลห้วยไร่ อำเภอเมืองเลย จังหวัดเลย"};
            String[][] rows = {{"มาตรการ", "ขั้นตอนการดำเนินการ", "ผู้รับผิดชอบ", "ระยะเวลา"},
                    {"๑. ติดประกาศขั้นตอนการให้บริการที่จุดบริการ", "จัดทำป้ายและติดตั้ง", "สำนักปลัด", "ต.ค. ๖๖ – ธ.ค. ๖๖"},
                    {"๒. เผยแพร่ผลการจัดซื้อจัดจ้างทุกเดือน", "นำข้อมูลขึ้นเว็บไซต์", "กองคลัง", "ตลอดปีงบประมาณ"}};
            float[] widths = {300, 200, 120, 150};
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                float y = height - 50;
                for (String line : title) {
                    content.beginText();
                    content.setFont(font, 14);
                    content.newLineAtOffset(40, y);
                    content.showText(line);
                    content.endText();
                    y -= 24;
                }
                y -= 10;
                float rowHeight = 24;
                content.setLineWidth(0.8f);
                for (String[] row : rows) {
                    float x = 40;
                    for (int c = 0; c < row.length; c++) {
                        content.addRect(x, y - rowHeight, widths[c], rowHeight);
                        content.beginText();
                        content.setFont(font, 11);
                        content.newLineAtOffset(x + 4, y - 17);
                        content.showText(row[c]);
                        content.endText();
                        x += widths[c];
                    }
                    content.stroke();
                    y -= rowHeight;
                }
            }
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            document.save(bytes);
            rewriteToUnicode(bytes.toByteArray(), pdf, true);
        }
    }

    /** The private-use glyph a Windows-era font uses for a mark or upper vowel (shifted left), else the character. */
    private static int toPrivateUse(int c) {
        return switch (c) {
            case 0x0E48 -> 0xF705;
            case 0x0E49 -> 0xF706;
            case 0x0E4A -> 0xF707;
            case 0x0E4B -> 0xF708;
            case 0x0E4C -> 0xF709;
            case 0x0E34 -> 0xF701;
            case 0x0E35 -> 0xF702;
            case 0x0E31 -> 0xF710;
            case 0x0E38 -> 0xF718;
            default -> c;
        };
    }
}
