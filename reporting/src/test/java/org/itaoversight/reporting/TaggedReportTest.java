package org.itaoversight.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.PDFTextStripperByArea;
import org.apache.pdfbox.text.TextPosition;
import org.itaoversight.reporting.agency.AgencyReportRenderer;
import org.itaoversight.reporting.province.ProvinceReportRenderer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/**
 * Every report as a reader and an archive see it, opened with PDFBox: tagged with a structure tree, {@code /Lang (th)},
 * a bookmark per section, the running header on every page after the first and the page number at the right margin;
 * the findings of the review (empty sections explained, periods from dates, published levels that differ from the
 * band footnoted, the matrix coloured by the printed figure); and the archived runs valid PDF/A-2B by veraPDF.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaggedReportTest {

    private static final String AGENCY_HEADER = "รายงานสรุปผลการประเมินITA·องค์การบริหารส่วนตำบลบางระกำ·ปีงบประมาณพ.ศ.2566";
    private static final String PROVINCE_HEADER = "รายงานสรุปผลการประเมินITA·จังหวัดนครปฐม·ปีงบประมาณพ.ศ.2568";

    private final AgencyReportRenderer agencies = new AgencyReportRenderer();
    private final ProvinceReportRenderer provinces = new ProvinceReportRenderer();
    /** Every report the renderers make, by name, with the header its later pages must carry. */
    private final Map<String, byte[]> reports = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();

    @BeforeAll
    void render() throws Exception {
        ReportOptions arabic = new ReportOptions(false, Fixtures.GENERATED);
        add("agency-one-page", agencies.render(Fixtures.bangRakam(), arabic), AGENCY_HEADER.replace("2566", "2565"));
        add("agency-long", agencies.render(Fixtures.bangRakamWith(60, false), arabic), AGENCY_HEADER);
        add("agency-long-thai-digits", agencies.render(Fixtures.bangRakamWith(60, false), new ReportOptions(true, Fixtures.GENERATED)),
                AGENCY_HEADER.replace("2566", "๒๕๖๖"));
        add("agency-empty", agencies.render(Fixtures.bangRakamWith(0, true), arabic), AGENCY_HEADER);
        add("agency-archival", agencies.render(Fixtures.bangRakamWith(60, false), new ReportOptions(false, Fixtures.GENERATED, true)),
                AGENCY_HEADER);
        add("province", provinces.render(Fixtures.province(57), arabic), PROVINCE_HEADER);
        add("province-archival", provinces.render(Fixtures.province(57), new ReportOptions(false, Fixtures.GENERATED, true)),
                PROVINCE_HEADER);
        Path dir = Files.createDirectories(Path.of("target", "rendered"));
        for (Map.Entry<String, byte[]> report : reports.entrySet()) {
            Path pdf = Files.write(dir.resolve(report.getKey() + ".pdf"), report.getValue());
            PdfText.pngs(pdf, report.getKey());
        }
    }

    private void add(String name, byte[] pdf, String header) {
        reports.put(name, pdf);
        headers.put(name, header);
    }

    @Test
    void everyReportIsTaggedThaiWithBookmarksAndAHeaderOnEveryLaterPage() throws Exception {
        for (Map.Entry<String, byte[]> report : reports.entrySet()) {
            String name = report.getKey();
            try (PDDocument pdf = Loader.loadPDF(report.getValue())) {
                assertThat(pdf.getDocumentCatalog().getMarkInfo()).as(name).isNotNull();
                assertThat(pdf.getDocumentCatalog().getMarkInfo().isMarked()).as(name).isTrue();
                assertThat(pdf.getDocumentCatalog().getLanguage()).as(name).isEqualTo("th");
                assertThat(pdf.getDocumentInformation().getTitle()).as(name).startsWith("ITA ");
                assertThat(pdf.getDocumentCatalog().getViewerPreferences().displayDocTitle()).as(name).isTrue();

                List<String> types = structureTypes(pdf.getDocumentCatalog().getStructureTreeRoot());
                assertThat(types).as(name).contains("Document", "H1", "H2", "P");
                assertThat(types.stream().filter("H2"::equals).count()).as(name).isGreaterThanOrEqualTo(4);

                List<String> bookmarks = new ArrayList<>();
                for (PDOutlineItem item : pdf.getDocumentCatalog().getDocumentOutline().children()) {
                    bookmarks.add(item.getTitle());
                    assertThat(item.findDestinationPage(pdf)).as("%s bookmark %s", name, item.getTitle()).isNotNull();
                }
                assertThat(bookmarks).as(name).hasSizeGreaterThanOrEqualTo(5);
                assertThat(String.join("|", bookmarks)).as(name).contains(name.startsWith("agency")
                        ? "มาตรการส่งเสริมคุณธรรมและความโปร่งใส" : "อันดับคะแนนรวมของหน่วยงาน");

                int pages = pdf.getNumberOfPages();
                if (!name.equals("agency-one-page") && !name.equals("agency-empty")) {
                    assertThat(pages).as(name).isGreaterThan(1);
                }
                for (int page = 0; page < pages; page++) {
                    String top = PdfText.compact(region(pdf, page, new Rectangle(0, 0, 595, 56)));
                    if (page == 0) {
                        assertThat(top).as("%s page 1 has no running header", name).doesNotContain(headers.get(name));
                    } else {
                        assertThat(top).as("%s page %d", name, page + 1).contains(headers.get(name));
                    }
                    String pageNumber = pageLabel(name, page + 1, pages);
                    assertThat(PdfText.compact(region(pdf, page, new Rectangle(0, 790, 595, 52))))
                            .as("%s footer of page %d", name, page + 1).contains(pageNumber);
                    assertThat(rightEdgeOf(pdf, page, pageNumber)).as("%s page number ends at the right margin", name)
                            .isBetween(595f - 36 - 2, 595f - 36 + 0.5f);
                }
            }
        }
    }

    @Test
    void archivedRunsAreValidPdfA2b() throws Exception {
        VeraGreenfieldFoundryProvider.initialise();
        for (String name : List.of("agency-archival", "province-archival")) {
            try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(reports.get(name)),
                    PDFAFlavour.PDFA_2_B);
                 PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_2_B, false)) {
                ValidationResult result = validator.validate(parser);
                List<String> failures = result.getTestAssertions().stream()
                        .filter(a -> a.getStatus() == TestAssertion.Status.FAILED)
                        .map(a -> a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + " " + a.getMessage())
                        .distinct().toList();
                assertThat(failures).as(name).isEmpty();
                assertThat(result.isCompliant()).as(name).isTrue();
            }
        }
        // A report to read now claims no conformance it was not checked for.
        try (PDDocument pdf = Loader.loadPDF(reports.get("province"))) {
            assertThat(pdf.getDocumentCatalog().getMetadata()).isNull();
        }
    }

    @Test
    void emptySectionsSayWhyInThai() throws Exception {
        String text = PdfText.compact(allText("agency-empty"));
        assertThat(text).contains("ยังไม่มีมาตรการของปี2566ในระบบ", "หน่วยงานยังไม่ได้บันทึกหรือนำเข้ามาตรการของปี2566",
                "ไม่มีข้อคำถามที่ได้คะแนนต่ำกว่า85คะแนนในปี2566");
        assertThat(text).doesNotContain("ไม่มีข้อมูล");
    }

    @Test
    void publishedLevelsThatDifferFromTheBandAreFootnoted() throws Exception {
        String agency = PdfText.compact(allText("agency-long"));
        assertThat(agency).contains("ระดับB*", "*ระดับที่ประกาศต่างจากช่วงคะแนนรวม:ปี2566ประกาศระดับBขณะที่คะแนน89.68อยู่ในช่วงระดับA");
        String province = PdfText.compact(allText("province"));
        assertThat(province).contains("*ระดับที่ประกาศต่างจากช่วงคะแนนรวม1หน่วยงาน:");
        assertThat(PdfText.compact(allText("agency-one-page"))).doesNotContain("ระดับที่ประกาศต่างจากช่วงคะแนนรวม");
    }

    @Test
    void aMeasureWithDatesButNoPeriodTextPrintsItsDates() throws Exception {
        assertThat(PdfText.compact(allText("agency-one-page"))).contains("1ม.ค.2566–30มิ.ย.2566");
        assertThat(PdfText.compact(allText("agency-long-thai-digits"))).contains("๑ต.ค.๒๕๖๕–๓๐ก.ย.๒๕๖๖");
    }

    /** 84.95 and 84.99 print "85.0" and are not highlighted; 84.94 prints "84.9" and is. Judged on the rendered page. */
    @Test
    void matrixCellsAreColouredByTheFigureAsPrinted() throws Exception {
        try (PDDocument pdf = Loader.loadPDF(reports.get("province"))) {
            int page = pageOf(pdf, "ทดสอบที่2");
            List<TextPosition> glyphs = new ArrayList<>();
            float[] rowY = {-1};
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) {
                    glyphs.addAll(positions);
                    if (rowY[0] < 0 && PdfText.compact(text).endsWith("ทดสอบที่2")) {
                        rowY[0] = positions.getLast().getYDirAdj();
                    }
                }
            };
            stripper.setStartPage(page + 1);
            stripper.setEndPage(page + 1);
            stripper.getText(pdf);
            assertThat(rowY[0]).isPositive();
            // The second agency's row: the glyphs on the baseline of its name, right of the name column.
            List<TextPosition> row = glyphs.stream().filter(g -> Math.abs(g.getYDirAdj() - rowY[0]) < 1.5f)
                    .filter(g -> g.getXDirAdj() > 200 && !g.getUnicode().isBlank())
                    .sorted((a, b) -> Float.compare(a.getXDirAdj(), b.getXDirAdj())).toList();
            List<List<TextPosition>> cells = new ArrayList<>();
            for (TextPosition glyph : row) {
                List<TextPosition> last = cells.isEmpty() ? null : cells.getLast();
                if (last == null || glyph.getXDirAdj() - (last.getLast().getXDirAdj() + last.getLast().getWidthDirAdj()) > 3) {
                    cells.add(new ArrayList<>());
                }
                cells.getLast().add(glyph);
            }
            BufferedImage image = new PDFRenderer(pdf).renderImageWithDPI(page, 72);
            List<String> printed = new ArrayList<>();
            List<Boolean> highlighted = new ArrayList<>();
            for (List<TextPosition> cell : cells) {
                StringBuilder figure = new StringBuilder();
                cell.forEach(g -> figure.append(g.getUnicode()));
                printed.add(figure.toString());
                TextPosition first = cell.getFirst();
                highlighted.add(isPink(image.getRGB(Math.round(first.getXDirAdj()) - 2,
                        Math.round(first.getYDirAdj() - first.getHeightDir() / 2))));
            }
            assertThat(printed).startsWith("85.0", "85.0", "84.9");
            assertThat(highlighted).startsWith(false, false, true);
        }
    }

    private static boolean isPink(int rgb) {
        int r = (rgb >> 16) & 0xFF;
        int g = (rgb >> 8) & 0xFF;
        int b = rgb & 0xFF;
        return r > 240 && g < 236 && b < 236;
    }


    private static int pageOf(PDDocument pdf, String compactText) throws IOException {
        for (int page = 0; page < pdf.getNumberOfPages(); page++) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(page + 1);
            stripper.setEndPage(page + 1);
            String text = PdfText.compact(stripper.getText(pdf));
            if (text.contains("คะแนนรายตัวชี้วัดของแต่ละหน่วยงาน") && text.contains(compactText)) {
                return page;
            }
        }
        throw new AssertionError("no matrix page with " + compactText);
    }

    private String allText(String name) throws IOException {
        try (PDDocument pdf = Loader.loadPDF(reports.get(name))) {
            return new PDFTextStripper().getText(pdf);
        }
    }

    private static String pageLabel(String name, int page, int pages) {
        String label = "หน้า" + page + "/" + pages;
        if (!name.contains("thai-digits")) {
            return label;
        }
        StringBuilder thai = new StringBuilder();
        for (char c : label.toCharArray()) {
            thai.append(Character.isDigit(c) ? (char) ('\u0E50' + (c - '0')) : c);
        }
        return thai.toString();
    }

    private static String region(PDDocument pdf, int page, Rectangle area) throws IOException {
        PDFTextStripperByArea stripper = new PDFTextStripperByArea();
        stripper.addRegion("r", area);
        stripper.extractRegions(pdf.getPage(page));
        return stripper.getTextForRegion("r");
    }

    /** Where the last glyph of a text on the page ends, in points from the left edge. */
    private static float rightEdgeOf(PDDocument pdf, int page, String compactText) throws IOException {
        float[] edge = {-1};
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void writeString(String text, List<TextPosition> positions) {
                if (PdfText.compact(text).contains(compactText)) {
                    TextPosition last = positions.getLast();
                    edge[0] = Math.max(edge[0], last.getXDirAdj() + last.getWidthDirAdj());
                }
            }
        };
        stripper.setStartPage(page + 1);
        stripper.setEndPage(page + 1);
        stripper.getText(pdf);
        return edge[0];
    }

    private static List<String> structureTypes(PDStructureTreeRoot root) {
        List<String> types = new ArrayList<>();
        for (Object kid : root.getKids()) {
            if (kid instanceof PDStructureElement element) {
                collect(element, types);
            }
        }
        return types;
    }

    private static void collect(PDStructureElement element, List<String> types) {
        types.add(element.getStructureType());
        for (Object kid : element.getKids()) {
            if (kid instanceof PDStructureElement child) {
                collect(child, types);
            }
        }
    }
}
