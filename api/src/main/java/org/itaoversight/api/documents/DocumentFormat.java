package org.itaoversight.api.documents;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The kinds of document an agency uploads. Told by content (the file's first bytes), not by its name: a PDF starts
 * with {@code %PDF-}, a Word document is a ZIP archive holding {@code word/document.xml}; anything else is read as text.
 */
public enum DocumentFormat {
    TEXT, DOCX, PDF;

    public static DocumentFormat detect(byte[] content, String fileName) {
        if (startsWith(content, "%PDF-", 1024)) {
            return PDF;
        }
        if (content.length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4) {
            return DOCX; // a ZIP; the DOCX reader says so when it holds no Word document
        }
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".doc") && content.length >= 8 && (content[0] & 0xFF) == 0xD0 && (content[1] & 0xFF) == 0xCF) {
            throw new UnreadableDocumentException("ไฟล์นี้เป็นเอกสาร Word รุ่นเก่า (.doc) ซึ่งระบบอ่านไม่ได้"
                    + " กรุณาบันทึกเป็น .docx (Word: บันทึกเป็น > เอกสาร Word) แล้วอัปโหลดใหม่");
        }
        return TEXT;
    }

    /** "%PDF-" within the first bytes (some generators put junk before the header). */
    private static boolean startsWith(byte[] content, String magic, int within) {
        byte[] m = magic.getBytes(StandardCharsets.US_ASCII);
        int limit = Math.min(content.length - m.length, within);
        for (int i = 0; i <= limit; i++) {
            boolean match = true;
            for (int j = 0; j < m.length && match; j++) {
                match = content[i + j] == m[j];
            }
            if (match) {
                return true;
            }
        }
        return false;
    }
}
