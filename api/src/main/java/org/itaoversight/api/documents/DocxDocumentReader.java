package org.itaoversight.api.documents;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.xwpf.usermodel.IBody;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFSDT;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.apache.xmlbeans.XmlCursor;
import org.apache.xmlbeans.XmlObject;
import org.itaoversight.api.ita.text.ThaiNumerals;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTP;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTR;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTbl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTText;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

/**
 * A Word document (.docx) through Apache POI: paragraphs in order, and tables from the document's own table
 * structure. A cell spanning several grid columns gives its text to the first and leaves the others empty; a cell
 * merged with the one above (vertical merge) is empty, so the row reads as continuing the row above. A cell's
 * paragraphs are its lines; automatic numbering (๑. ๒. …, 1) 2) …) is written out as Word displays it.
 *
 * <p>Tables are found where agencies put them: in the body, inside a text box (its paragraphs and tables read in
 * place of the paragraph that anchors it, once although Word stores a text box twice for older readers), and inside a
 * table used as a frame: a row whose only content is a cell holding a table of several rows and columns is read as
 * that cell's paragraphs and tables, not as one row. A table inside a cell beside other content (a small list in a
 * steps cell) stays that cell's text.
 *
 * <p>The archive is checked before it is opened: entry count and inflated size are bounded (a ZIP bomb is refused).
 */
final class DocxDocumentReader {

    private final DocumentLimits limits;

    DocxDocumentReader(DocumentLimits limits) {
        this.limits = limits;
    }

    DocumentContent read(byte[] content) {
        checkArchive(content);
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(content))) {
            Lines lines = new Lines(new Numbering(), document);
            lines.elements(document.getBodyElements());
            List<String> notes = new ArrayList<>();
            List<DocumentLine> read = lines.lines;
            String all = String.join("\n", read.stream().map(DocumentLine::text).toList());
            if (all.length() > limits.maxCharacters()) {
                throw new UnreadableDocumentException("เอกสารยาวเกิน " + limits.maxCharacters() + " ตัวอักษร ระบบไม่อ่านเอกสารขนาดนี้");
            }
            if (ThaiGlyphs.privateUseCount(all) > 0) {
                notes.add("แปลงอักขระไทยในรหัสส่วนตัว (U+F700–U+F71A) " + ThaiGlyphs.privateUseCount(all) + " ตัวเป็นอักขระไทยมาตรฐาน");
                read = read.stream().map(l -> new DocumentLine(l.number(), l.where(), l.table(),
                        l.cells().stream().map(ThaiGlyphs::normalize).toList(), l.afterPageBreak())).toList();
            }
            return new DocumentContent(DocumentFormat.DOCX, "DOCX", 0, read, notes);
        } catch (IOException | RuntimeException e) {
            if (e instanceof UnreadableDocumentException unreadable) {
                throw unreadable;
            }
            throw new UnreadableDocumentException("เปิดไฟล์ Word (.docx) ไม่ได้ ไฟล์อาจเสียหายหรือไม่ใช่เอกสาร Word ("
                    + e.getClass().getSimpleName() + ") " + UnreadableDocumentException.UPLOAD_INSTEAD, e);
        }
    }

    /** Counts entries and the bytes they really inflate to (headers can lie), before POI opens anything. */
    private void checkArchive(byte[] content) {
        boolean wordDocument = false;
        long inflated = 0;
        int entries = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (++entries > limits.maxZipEntries()) {
                    throw new UnreadableDocumentException("ไฟล์ .docx มีส่วนประกอบเกิน " + limits.maxZipEntries()
                            + " ส่วน ระบบไม่เปิดไฟล์นี้ (อาจเป็นไฟล์อันตราย)");
                }
                wordDocument |= entry.getName().equals("word/document.xml");
                int n;
                while ((n = zip.read(buffer)) > 0) {
                    inflated += n;
                    if (inflated > limits.maxInflatedBytes()) {
                        throw new UnreadableDocumentException("ไฟล์ .docx เมื่อคลายการบีบอัดมีขนาดเกิน "
                                + limits.maxInflatedBytes() / 1024 / 1024 + " MB ระบบไม่เปิดไฟล์นี้ (อาจเป็นไฟล์อันตราย)");
                    }
                }
            }
        } catch (IOException e) {
            throw new UnreadableDocumentException("ไฟล์ .docx เสียหาย เปิดไม่ได้ " + UnreadableDocumentException.UPLOAD_INSTEAD, e);
        }
        if (!wordDocument) {
            throw new UnreadableDocumentException("ไฟล์นี้เป็นไฟล์บีบอัด (ZIP) แต่ไม่ใช่เอกสาร Word (.docx) "
                    + UnreadableDocumentException.UPLOAD_INSTEAD);
        }
    }

    private static final class Lines {
        private static final String TEXT_BOXES = "declare namespace w='http://schemas.openxmlformats.org/wordprocessingml/2006/main' .//w:txbxContent";
        private static final String FALLBACK = "Fallback";
        final List<DocumentLine> lines = new ArrayList<>();
        final Numbering numbering;
        final IBody body;
        int paragraphs;
        int tables;

        Lines(Numbering numbering, IBody body) {
            this.numbering = numbering;
            this.body = body;
        }

        void elements(List<IBodyElement> elements) {
            for (IBodyElement element : elements) {
                switch (element) {
                    case XWPFParagraph paragraph -> paragraphWithTextBoxes(paragraph);
                    case XWPFTable t -> tableOrFrame(t);
                    case XWPFSDT sdt -> paragraph(sdt.getContent().getText());
                    default -> {
                    }
                }
            }
        }

        /** A paragraph; when it anchors text boxes, their content first, then the paragraph's own text. */
        private void paragraphWithTextBoxes(XWPFParagraph paragraph) {
            List<XmlObject> boxes = new ArrayList<>();
            for (XmlObject box : paragraph.getCTP().selectPath(TEXT_BOXES)) {
                if (!insideFallback(box)) {
                    boxes.add(box);
                }
            }
            if (boxes.isEmpty()) {
                paragraph(numbering.text(paragraph));
                return;
            }
            for (XmlObject box : boxes) {
                try (XmlCursor cursor = box.newCursor()) {
                    for (boolean more = cursor.toFirstChild(); more; more = cursor.toNextSibling()) {
                        XmlObject child = cursor.getObject();
                        if (child instanceof CTTbl table) {
                            tableOrFrame(new XWPFTable(table, body));
                        } else if (child instanceof CTP p) {
                            paragraph(ownText(new XWPFParagraph(p, body)));
                        }
                    }
                }
            }
            String own = ownText(paragraph);
            if (!own.isBlank()) {
                paragraph(own);
            }
        }

        /** Word writes a text box twice (DrawingML, and VML for older readers under mc:Fallback): one is read. */
        private static boolean insideFallback(XmlObject box) {
            try (XmlCursor cursor = box.newCursor()) {
                while (cursor.toParent()) {
                    if (cursor.getName() != null && cursor.getName().getLocalPart().equals(FALLBACK)) {
                        return true;
                    }
                }
            }
            return false;
        }

        /** A paragraph's own runs' text, without the text of the text boxes it anchors. */
        private static String ownText(XWPFParagraph paragraph) {
            StringBuilder text = new StringBuilder();
            for (CTR run : paragraph.getCTP().getRList()) {
                for (CTText t : run.getTList()) {
                    text.append(t.getStringValue());
                }
                if (run.sizeOfTabArray() > 0) {
                    text.append(' ');
                }
            }
            return text.toString();
        }

        /** A table, or a frame: its rows that only hold a table of several rows and columns read as their content. */
        private void tableOrFrame(XWPFTable table) {
            List<XWPFTableRow> rows = new ArrayList<>();
            for (XWPFTableRow row : table.getRows()) {
                XWPFTableCell frame = frameCell(row);
                if (frame == null) {
                    rows.add(row);
                    continue;
                }
                if (!rows.isEmpty()) {
                    table(++tables, rows);
                    rows = new ArrayList<>();
                }
                elements(frame.getBodyElements());
            }
            if (!rows.isEmpty()) {
                table(++tables, rows);
            }
        }

        /** The row's one cell with content, when that content includes a table of at least two rows and columns. */
        private static XWPFTableCell frameCell(XWPFTableRow row) {
            XWPFTableCell frame = null;
            for (XWPFTableCell cell : row.getTableCells()) {
                boolean holdsTable = cell.getTables().stream()
                        .anyMatch(t -> t.getRows().size() >= 2 && t.getRows().stream().anyMatch(r -> r.getTableCells().size() >= 2));
                if (holdsTable && frame == null) {
                    frame = cell;
                } else if (!cell.getText().isBlank() || holdsTable) {
                    return null;
                }
            }
            return frame;
        }

        void paragraph(String text) {
            for (String line : text.split("\n", -1)) {
                paragraphs++;
                lines.add(new DocumentLine(lines.size() + 1, "ย่อหน้า " + paragraphs, 0, List.of(line), false));
            }
        }

        void table(int number, List<XWPFTableRow> rows) {
            int r = 0;
            for (XWPFTableRow row : rows) {
                r++;
                List<String> cells = new ArrayList<>();
                for (XWPFTableCell cell : row.getTableCells()) {
                    CTTcPr properties = cell.getCTTc().getTcPr();
                    boolean mergedAbove = properties != null && properties.isSetVMerge()
                            && (properties.getVMerge().getVal() == null || properties.getVMerge().getVal() == STMerge.CONTINUE);
                    cells.add(mergedAbove ? "" : cellText(cell));
                    int span = properties != null && properties.isSetGridSpan()
                            ? properties.getGridSpan().getVal().intValue() : 1;
                    for (int s = 1; s < Math.min(span, 64); s++) {
                        cells.add("");
                    }
                }
                if (cells.size() == 1) {
                    cells.add(""); // a one-cell row (a section title across the table) is still a row of the table
                }
                lines.add(new DocumentLine(lines.size() + 1, "ตาราง " + number + " แถว " + r, number, cells, false));
            }
        }

        String cellText(XWPFTableCell cell) {
            List<String> parts = new ArrayList<>();
            for (IBodyElement element : cell.getBodyElements()) {
                switch (element) {
                    case XWPFParagraph paragraph -> parts.add(numbering.text(paragraph));
                    case XWPFTable nested -> nested.getRows().forEach(row -> row.getTableCells()
                            .forEach(c -> parts.add(cellText(c))));
                    case XWPFSDT sdt -> parts.add(sdt.getContent().getText());
                    default -> {
                    }
                }
            }
            return String.join("\n", parts.stream().filter(p -> !p.isBlank()).toList());
        }
    }

    /** Word's automatic numbering, counted as Word counts it: per list and level, deeper levels restart. */
    private static final class Numbering {
        private final Map<BigInteger, int[]> counters = new HashMap<>();

        String text(XWPFParagraph paragraph) {
            String text = paragraph.getText();
            BigInteger list = paragraph.getNumID();
            if (list == null || paragraph.getNumFmt() == null) {
                return text;
            }
            int level = paragraph.getNumIlvl() == null ? 0 : Math.min(paragraph.getNumIlvl().intValue(), 8);
            int[] count = counters.computeIfAbsent(list, l -> new int[9]);
            count[level]++;
            for (int deeper = level + 1; deeper < count.length; deeper++) {
                count[deeper] = 0;
            }
            String format = paragraph.getNumFmt();
            if (format.equals("bullet") || format.equals("none")) {
                return "- " + text;
            }
            String pattern = paragraph.getNumLevelText() == null ? "%" + (level + 1) + "." : paragraph.getNumLevelText();
            for (int l = 0; l <= level; l++) {
                pattern = pattern.replace("%" + (l + 1), number(Math.max(count[l], 1), format));
            }
            return pattern + " " + text;
        }

        private static String number(int n, String format) {
            String arabic = Integer.toString(n);
            if (format.startsWith("thai")) {
                StringBuilder thai = new StringBuilder();
                arabic.chars().forEach(c -> thai.append((char) ('\u0E50' + (c - '0'))));
                return thai.toString();
            }
            return ThaiNumerals.toArabic(arabic);
        }
    }
}
