package org.itaoversight.api.documents;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.itaoversight.api.ita.text.TextDecoding;

/**
 * Text converted from an agency's document (UTF-8 or TIS-620 / windows-874): one line per paragraph, table rows as
 * tab-separated cells, a cell's paragraphs sometimes as {@code <p>…</p>}. A blank line between rows stands for a page
 * break.
 */
final class TextDocumentReader {

    private final DocumentLimits limits;

    TextDocumentReader(DocumentLimits limits) {
        this.limits = limits;
    }

    DocumentContent read(byte[] content) {
        TextDecoding.Decoded decoded = TextDecoding.decode(content);
        if (decoded.text().length() > limits.maxCharacters()) {
            throw new UnreadableDocumentException("เอกสารยาวเกิน " + limits.maxCharacters() + " ตัวอักษร ระบบไม่อ่านเอกสารขนาดนี้"
                    + " กรุณาแยกเป็นไฟล์ที่มีเฉพาะรายงานของหน่วยงาน");
        }
        String text = decoded.text().replace("\r\n", "\n").replace('\r', '\n');
        List<String> notes = new ArrayList<>();
        if (ThaiGlyphs.privateUseCount(text) > 0) {
            notes.add("แปลงอักขระไทยในรหัสส่วนตัว (U+F700–U+F71A) " + ThaiGlyphs.privateUseCount(text) + " ตัวเป็นอักขระไทยมาตรฐาน");
            text = ThaiGlyphs.normalize(text);
        }
        List<DocumentLine> lines = new ArrayList<>();
        boolean blankBefore = false;
        String[] raw = text.split("\n", -1);
        for (int i = 0; i < raw.length; i++) {
            List<String> cells = Arrays.asList(raw[i].split("\t", -1));
            DocumentLine line = new DocumentLine(i + 1, "บรรทัด " + (i + 1), 0, cells, blankBefore);
            lines.add(line);
            if (line.isBlank()) {
                blankBefore = true;
            } else if (line.isRow()) {
                blankBefore = false;
            }
        }
        return new DocumentContent(DocumentFormat.TEXT, decoded.encoding(), 0, lines, notes);
    }
}
