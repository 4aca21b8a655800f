package org.itaoversight.api.documents;

/**
 * A document the platform cannot read at all (a scanned PDF, a text layer that maps to nothing readable, a damaged or
 * oversized file). The message is in Thai and says what to upload instead; nothing was stored.
 */
public final class UnreadableDocumentException extends RuntimeException {

    public UnreadableDocumentException(String messageTh) {
        super(messageTh);
    }

    public UnreadableDocumentException(String messageTh, Throwable cause) {
        super(messageTh, cause);
    }

    /** What to upload instead, said once for every kind of unreadable document. */
    public static final String UPLOAD_INSTEAD = "กรุณาอัปโหลดไฟล์ Word (.docx) หรือ PDF ที่ส่งออกจาก Word (บันทึกเป็น PDF) แทน";
}
