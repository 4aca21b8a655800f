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
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFSDT;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.itaoversight.api.ita.text.ThaiNumerals;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

/**
 * A Word document (.docx) through Apache POI: paragraphs in order, and tables from the document's own table
 * structure. A cell spanning several grid columns gives its text to the first and leaves the others empty; a cell
 * merged with the one above (vertical merge) is empty, so the row reads as continuing the row above. A cell's
 * paragraphs are its lines; automatic numbering (๑. ๒. …, 1) 2) …) is written out as Word displays it.
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
            Lines lines = new Lines(new Numbering());
            int table = 0;
            for (IBodyElement element : document.getBodyElements()) {
                switch (element) {
                    case XWPFParagraph paragraph -> lines.paragraph(lines.numbering.text(paragraph));
                    case XWPFTable t -> lines.table(++table, t);
                    case XWPFSDT sdt -> lines.paragraph(sdt.getContent().getText());
                    default -> {
                    }
                }
            }
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
        final List<DocumentLine> lines = new ArrayList<>();
        final Numbering numbering;
        int paragraphs;

        Lines(Numbering numbering) {
            this.numbering = numbering;
        }

        void paragraph(String text) {
            for (String line : text.split("\n", -1)) {
                paragraphs++;
                lines.add(new DocumentLine(lines.size() + 1, "ย่อหน้า " + paragraphs, 0, List.of(line), false));
            }
        }

        void table(int number, XWPFTable table) {
            int r = 0;
            for (XWPFTableRow row : table.getRows()) {
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
