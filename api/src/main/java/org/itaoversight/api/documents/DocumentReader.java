package org.itaoversight.api.documents;

/**
 * Reads any agency document — Word (.docx), PDF with a text layer, or text — into the same lines of paragraphs and
 * table rows, the format told by the file's content.
 */
public final class DocumentReader {

    private final DocumentLimits limits;

    public DocumentReader(DocumentLimits limits) {
        this.limits = limits;
    }

    public DocumentReader() {
        this(DocumentLimits.defaults());
    }

    /** @throws UnreadableDocumentException with a Thai message when the document cannot be read at all */
    public DocumentContent read(String fileName, byte[] content) {
        if (content.length == 0) {
            throw new UnreadableDocumentException("ไฟล์ว่างเปล่า ไม่มีข้อมูล");
        }
        return switch (DocumentFormat.detect(content, fileName)) {
            case PDF -> new PdfDocumentReader(limits).read(content);
            case DOCX -> new DocxDocumentReader(limits).read(content);
            case TEXT -> new TextDocumentReader(limits).read(content);
        };
    }
}
