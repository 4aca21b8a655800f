package org.itaoversight.api.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** Every format becomes the same lines of paragraphs and table rows; what cannot be read is refused in Thai. */
class DocumentReaderTest {

    private final DocumentReader reader = new DocumentReader();

    private static byte[] corpus(String name) throws IOException {
        try (InputStream in = DocumentReaderTest.class.getResourceAsStream("/corpus/measures/" + name)) {
            return in.readAllBytes();
        }
    }

    private static List<List<String>> rows(DocumentContent content) {
        return content.lines().stream().filter(DocumentLine::isRow).map(DocumentLine::cells).toList();
    }

    @Test
    void theFormatIsToldByContentNotByName() throws IOException {
        assertThat(reader.read("report.txt", corpus("06-number-column.pdf")).format()).isEqualTo(DocumentFormat.PDF);
        assertThat(reader.read("report.pdf", corpus("06-number-column.docx")).format()).isEqualTo(DocumentFormat.DOCX);
        assertThat(reader.read("report.docx", corpus("06-number-column.txt")).format()).isEqualTo(DocumentFormat.TEXT);
    }

    @Test
    void theThreeFormatsOfOneDocumentGiveTheSameTableRows() throws IOException {
        List<List<String>> text = rows(reader.read("a.txt", corpus("06-number-column.txt")));
        List<List<String>> docx = rows(reader.read("a.docx", corpus("06-number-column.docx")));
        List<List<String>> pdf = rows(reader.read("a.pdf", corpus("06-number-column.pdf")));
        assertThat(docx).isEqualTo(text);
        assertThat(pdf).hasSameSizeAs(text);
        for (int r = 0; r < text.size(); r++) {
            assertThat(squeeze(pdf.get(r))).as("row " + r).isEqualTo(squeeze(text.get(r)));
        }
    }

    private static List<String> squeeze(List<String> cells) {
        return cells.stream().map(c -> c.replaceAll("[\\s\\u2028]+", "")).toList();
    }

    @Test
    void aWordTableWithMergedHeaderCellsKeepsItsColumns() throws IOException {
        DocumentContent docx = reader.read("a.docx", corpus("13-two-level-header.docx"));
        List<List<String>> rows = rows(docx);
        // "ผลการดำเนินงาน" spans two columns; the cells above "ผลผลิต" and "ผลลัพธ์" are merged down from the first row.
        assertThat(rows.get(0)).containsExactly("มาตรการ", "ขั้นตอนการดำเนินการ", "ผู้รับผิดชอบ", "ระยะเวลา", "ผลการดำเนินงาน", "");
        assertThat(rows.get(1)).containsExactly("", "", "", "", "ผลผลิต (Output)", "ผลลัพธ์ (Outcome)");
        assertThat(rows.get(2).get(0)).startsWith("๑. ลดขั้นตอน");
    }

    @Test
    void aPdfTableContinuedOnTheNextPageComesAfterAPageBreakWithTheCutCellsRest() throws IOException {
        DocumentContent pdf = reader.read("a.pdf", corpus("12-page-breaks-html-remnants.pdf"));
        assertThat(pdf.pages()).isEqualTo(2);
        DocumentLine continued = pdf.lines().stream().filter(l -> l.isRow() && l.where().equals("หน้า 2")).findFirst().orElseThrow();
        // the browser repeats the header on page 2; the row after it holds the rest of measure 3's cells
        assertThat(continued.afterPageBreak()).isTrue();
        assertThat(continued.cells().getFirst()).startsWith("มาตรการ/แนวทาง");
        assertThat(pdf.text()).contains("ให้ผู้บริหารทราบทุกไตรมาส");
    }

    @Test
    void aScannedPdfIsRefusedSayingWhatToUploadInstead() {
        assertThatThrownBy(() -> reader.read("scan.pdf", corpus("negative/scanned-image-only.pdf")))
                .isInstanceOf(UnreadableDocumentException.class)
                .hasMessageContaining("ไม่มีข้อความ").hasMessageContaining("สแกน").hasMessageContaining(".docx");
    }

    @Test
    void aThaiTextLayerThatMapsToNothingReadableIsRefused() {
        assertThatThrownBy(() -> reader.read("garbled.pdf", corpus("negative/unreadable-text-layer.pdf")))
                .isInstanceOf(UnreadableDocumentException.class)
                .hasMessageContaining("อ่านไม่ได้").hasMessageContaining("PDF ที่ส่งออกจาก Word");
    }

    @Test
    void privateUseThaiGlyphsAreReadAsStandardThai() throws IOException {
        DocumentContent pdf = reader.read("pua.pdf", corpus("17-private-use-glyphs.pdf"));
        assertThat(pdf.notes()).singleElement().asString().contains("U+F700");
        assertThat(pdf.text()).contains("ติดประกาศขั้นตอนการให้บริการที่จุดบริการ").doesNotContainPattern("[\\uF700-\\uF71A]");
        assertThat(ThaiGlyphs.normalize("ที\uF705\uF70Aน\u0E4D\u0E32")).isEqualTo("ที่่นำ");
    }

    @Test
    void aZipBombPosingAsAWordDocumentIsRefusedBeforeItIsOpened() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write("<w:document/>".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("word/media/huge.bin"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 8; i++) {
                zip.write(zeros);
            }
        }
        DocumentReader small = new DocumentReader(new DocumentLimits(300, 3_000_000, 2_000, 4L * 1024 * 1024));
        assertThatThrownBy(() -> small.read("bomb.docx", bytes.toByteArray()))
                .isInstanceOf(UnreadableDocumentException.class).hasMessageContaining("คลายการบีบอัด");
    }

    @Test
    void aZipThatIsNoWordDocumentAndAnOverlongPdfAreRefused() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("readme.txt"));
            zip.write("x".getBytes(StandardCharsets.UTF_8));
        }
        assertThatThrownBy(() -> reader.read("a.docx", bytes.toByteArray()))
                .isInstanceOf(UnreadableDocumentException.class).hasMessageContaining("ไม่ใช่เอกสาร Word");
        DocumentReader onePage = new DocumentReader(new DocumentLimits(1, 3_000_000, 2_000, 100L * 1024 * 1024));
        assertThatThrownBy(() -> onePage.read("long.pdf", corpus("12-page-breaks-html-remnants.pdf")))
                .isInstanceOf(UnreadableDocumentException.class).hasMessageContaining("2 หน้า");
    }
}
