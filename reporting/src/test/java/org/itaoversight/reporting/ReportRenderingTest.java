package org.itaoversight.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.itaoversight.reporting.agency.AgencyReportRenderer;
import org.itaoversight.reporting.province.ProvinceReportRenderer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Both reports rendered from known data, read back by poppler, MuPDF and pdf.js: every reader must give back the Thai
 * that went in (names, numbers, labels), and the pages are counted. PNGs of every page go to target/visual for a
 * person to look at.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportRenderingTest {

    private final AgencyReportRenderer agencies = new AgencyReportRenderer();
    private final ProvinceReportRenderer provinces = new ProvinceReportRenderer();
    private Path agencyPdf;
    private Path agencyThaiDigitsPdf;
    private Path provincePdf;

    @BeforeAll
    void render() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "rendered"));
        agencyPdf = Files.write(dir.resolve("agency-6730301-2565.pdf"),
                agencies.render(Fixtures.bangRakam(), new ReportOptions(false, Fixtures.GENERATED)));
        agencyThaiDigitsPdf = Files.write(dir.resolve("agency-6730301-2565-thai-digits.pdf"),
                agencies.render(Fixtures.bangRakam(), new ReportOptions(true, Fixtures.GENERATED)));
        provincePdf = Files.write(dir.resolve("province-73-2568.pdf"),
                provinces.render(Fixtures.province(57), new ReportOptions(false, Fixtures.GENERATED)));
        for (Map.Entry<String, Path> pdf : Map.of("agency", agencyPdf, "agency-thai-digits", agencyThaiDigitsPdf,
                "province", provincePdf).entrySet()) {
            PdfText.pngs(pdf.getValue(), pdf.getKey());
        }
    }

    private static final String[] AGENCY_TEXT = {
            "รายงานสรุปผลการประเมินคุณธรรมและความโปร่งใส(ITA)", "องค์การบริหารส่วนตำบลบางระกำ",
            "อำเภอนครชัยศรีจังหวัดนครปฐม", "ปีงบประมาณพ.ศ.2565", "คะแนนรวม89.79", "ระดับA", "อันดับ5จาก57หน่วยงานในจังหวัด",
            "ค่ามัธยฐานจังหวัด88.10", "การใช้ทรัพย์สินของราชการ", "การปรับปรุงระบบการทำงาน", "การใช้งบประมาณ", "75.12", "ต่ำสุด",
            "O20", "รายงานผลการใช้จ่ายงบประมาณประจำปี", "60.76", "77.54",
            "เผยแพร่รายงานผลการใช้จ่ายงบประมาณประจำปีบนเว็บไซต์ของหน่วยงาน", "กำลังดำเนินการ·เกินกำหนด",
            "ณวันที่30กันยายน2566", "แล้วเสร็จ1(33.3%)", "เกินกำหนด1",
            "จัดทำโดยITAOversightเมื่อ22พฤศจิกายน2569เวลา14:30น.", "หน้า1/1"};

    @Test
    void agencyTextExtractsExactlyInPopplerMuPdfAndPdfJs() throws Exception {
        for (String text : new String[] {PdfText.pdftotext(agencyPdf), PdfText.mupdf(agencyPdf), PdfText.pdfjs(agencyPdf)}) {
            String compact = PdfText.compact(text);
            assertThat(compact).contains(AGENCY_TEXT);
            assertThat(text).doesNotContain("\uFFFD").doesNotContain("\u0E4D\u0E32");
        }
        assertThat(PdfText.pages(agencyPdf)).isEqualTo(1);
    }

    /** A line never starts with what cannot start a Thai syllable: a following vowel, a mark, or a silenced consonant. */
    @Test
    void linesBreakOnlyBetweenThaiSyllables() throws Exception {
        java.util.regex.Pattern badStart = java.util.regex.Pattern.compile("^[\u0E30-\u0E3A\u0E45\u0E47-\u0E4E\u0E46\u0E2F]"
                + "|^[\u0E01-\u0E2E][\u0E34\u0E38]?\u0E4C");
        for (Path pdf : List.of(agencyPdf, provincePdf)) {
            for (String line : PdfText.mupdf(pdf).split("\n")) {
                assertThat(badStart.matcher(line.strip()).find()).as("line \"%s\" of %s", line, pdf.getFileName()).isFalse();
            }
            assertThat(PdfText.pdftotext(pdf)).doesNotContain("\u2060");
            assertThat(PdfText.pdfjs(pdf)).doesNotContain("\u2060");
        }
    }

    @Test
    void thaiDigitsAreAnOption() throws Exception {
        String compact = PdfText.compact(PdfText.mupdf(agencyThaiDigitsPdf));
        assertThat(compact).contains("คะแนนรวม๘๙.๗๙", "ปีงบประมาณพ.ศ.๒๕๖๕", "อันดับ๕จาก๕๗", "๒๒พฤศจิกายน๒๕๖๙เวลา๑๔:๓๐น.", "หน้า๑/๑");
        assertThat(compact).doesNotContain("89.79");
    }

    @Test
    void provinceTextExtractsExactlyAndSpansItsPages() throws Exception {
        int pages = PdfText.pages(provincePdf);
        for (String text : new String[] {PdfText.pdftotext(provincePdf), PdfText.mupdf(provincePdf), PdfText.pdfjs(provincePdf)}) {
            String compact = PdfText.compact(text);
            assertThat(compact).contains("จังหวัดนครปฐม", "ปีงบประมาณพ.ศ.2568", "หน่วยงาน57แห่ง", "คะแนนเฉลี่ย87.55",
                    "ผ่านเกณฑ์85คะแนน71.9%", "ยังไม่บรรลุเป้าหมาย", "องค์การบริหารส่วนตำบลบางระกำ",
                    "องค์การบริหารส่วนตำบลทดสอบที่57", "ตัวชี้วัดที่อ่อนที่สุดของจังหวัด", "การใช้งบประมาณ79.40",
                    "หน่วยงานที่ควรติดตาม", "หน้า1/" + pages, "หน้า" + pages + "/" + pages);
            assertThat(text).doesNotContain("\uFFFD");
        }
        assertThat(pages).isBetween(3, 8);
    }
}
