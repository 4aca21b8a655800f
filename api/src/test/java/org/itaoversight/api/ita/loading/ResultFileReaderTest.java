package org.itaoversight.api.ita.loading;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.itaoversight.api.ita.catalog.Catalog;
import org.itaoversight.api.ita.loading.AgencyYearResult;
import org.itaoversight.api.ita.loading.Layout;
import org.itaoversight.api.ita.loading.LoadProblem;
import org.itaoversight.api.ita.loading.ResultFile;
import org.itaoversight.api.ita.loading.ResultFileReader;
import org.itaoversight.api.ita.text.TextDecoding;
import org.itaoversight.tenants.registry.AgencyRegistry;
import org.itaoversight.tenants.registry.RegistryCsv;
import org.junit.jupiter.api.Test;

class ResultFileReaderTest {

    private static final String WIDE_HEADER = "agency_code,agency_name,fiscal_year,total,level,"
            + "indicator_1,indicator_2,indicator_3,indicator_4,indicator_5,indicator_6,indicator_7,indicator_8,indicator_9,indicator_10\n";
    private static final String BANG_RAKAM_2565 = "6730301,อบต.บางระกำ,2565,89.79,A,86.76,75.12,82.95,80.59,81.42,93.40,85.37,79.98,97.50,100.00\n";

    private final ResultFileReader reader = new ResultFileReader(Catalog.bundled(),
            AgencyRegistry.of(RegistryCsv.bundledProvinces(), RegistryCsv.bundledSampleAgencies()));

    private ResultFile read(String csv) {
        return reader.read("results.csv", csv.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsAWideRowWithItsTenIndicators() {
        ResultFile file = read(WIDE_HEADER + BANG_RAKAM_2565);

        assertThat(file.problems()).isEmpty();
        assertThat(file.layout()).isEqualTo(Layout.WIDE);
        AgencyYearResult result = file.results().getFirst();
        assertThat(result.agency().code()).isEqualTo("6730301");
        assertThat(result.total()).isEqualByComparingTo("89.79");
        assertThat(result.level()).isEqualTo("A");
        assertThat(result.levelPublished()).isTrue();
        assertThat(result.iit()).contains(new BigDecimal("81.37"));
        assertThat(result.indicators()).hasSize(10).element(9).isEqualTo(new BigDecimal("100.00"));
        assertThat(file.warnings()).isEmpty();
        assertThat(file.sha256()).hasSize(64);
    }

    @Test
    void computesTheTotalAndBandWhenOnlyIndicatorsAreGivenAndStoresAPublishedLevelAsGiven() {
        ResultFile computed = read(WIDE_HEADER + "6730301,,2565,,,86.76,75.12,82.95,80.59,81.42,93.40,85.37,79.98,97.50,100.00\n");
        ResultFile published = read("agency_code,fiscal_year,total,level\n6111101,2568,94.64,B\n");

        assertThat(computed.results().getFirst().total()).isEqualByComparingTo("89.79");
        assertThat(computed.results().getFirst().level()).isEqualTo("A");
        assertThat(computed.results().getFirst().levelPublished()).isFalse();
        assertThat(published.results().getFirst().level()).isEqualTo("B");
        assertThat(published.results().getFirst().levelPublished()).isTrue();
    }

    @Test
    void flagsAPublishedTotalThatDisagreesWithItsIndicators() {
        ResultFile file = read(WIDE_HEADER + BANG_RAKAM_2565.replace("89.79", "91.00"));

        assertThat(file.problems()).isEmpty();
        assertThat(file.warnings()).singleElement().asString().contains("results.csv, row 2", "91.00", "89.79");
    }

    @Test
    void reportsEveryProblemWithRowColumnAndReason() {
        ResultFile file = read(WIDE_HEADER
                + BANG_RAKAM_2565
                + "9999999,,2565,88.00,A,,,,,,,,,,\n"
                + "6111101,,2565,101.5,A,,,,,,,,,,\n"
                + BANG_RAKAM_2565
                + "6760401,,2550,90.00,A,,,,,,,,,,\n"
                + "6111102,,2565,90.00,A+,,,,,,,,,,\n"
                + "6111102,อบต.ถ้ำรงค์,2566,90.00,A,,,,,,,,,,\n"
                + "6760401,,2566,เก้าสิบ,A,,,,,,,,,,\n"
                + "6760401,,2567,,,,,,,,,,,,\n");

        assertThat(file.isValid()).isFalse();
        assertThat(file.problems()).containsExactly(
                new LoadProblem("results.csv", 3, "agency_code", "unknown agency 9999999 (not in the registry)",
                        "ไม่พบหน่วยงานรหัส 9999999 ในทะเบียน"),
                new LoadProblem("results.csv", 4, "total", "score 101.5 is outside 0–100", "คะแนน 101.5 อยู่นอกช่วง 0–100"),
                new LoadProblem("results.csv", 5, "agency_code", "duplicate row: agency 6730301, year 2565 is already on row 2",
                        "แถวซ้ำ: หน่วยงาน 6730301 ปี 2565 มีแล้วในแถวที่ 2"),
                new LoadProblem("results.csv", 6, "fiscal_year", "year 2550 is outside the catalog (2561–2569)",
                        "ปี 2550 ไม่อยู่ในเกณฑ์การประเมินที่มี (2561–2569)"),
                new LoadProblem("results.csv", 7, "level", "level 'A+' is not one of the bands AA, A, B, C, D, E, F",
                        "ระดับ 'A+' ไม่ใช่ AA, A, B, C, D, E หรือ F"),
                new LoadProblem("results.csv", 8, "agency_name", "agency 6111102 is องค์การบริหารส่วนตำบลน้ำผุด in the registry, not อบต.ถ้ำรงค์",
                        "หน่วยงานรหัส 6111102 ในทะเบียนคือ องค์การบริหารส่วนตำบลน้ำผุด ไม่ใช่ อบต.ถ้ำรงค์"),
                new LoadProblem("results.csv", 9, "total", "'เก้าสิบ' is not a number", "'เก้าสิบ' ไม่ใช่ตัวเลข"),
                new LoadProblem("results.csv", 10, "total", "no total, and not all 10 indicator scores to compute it from",
                        "ไม่มีคะแนนรวม และคะแนนตัวชี้วัดไม่ครบ 10 ตัวที่จะคำนวณได้"));
    }

    @Test
    void aMissingColumnIsReportedAgainstTheHeader() {
        ResultFile file = read("agency,fiscal_year,total\n6730301,2565,89.79\n");

        assertThat(file.problems()).containsExactly(
                new LoadProblem("results.csv", 1, "agency_code", "missing column in the header", "หัวตารางไม่มีคอลัมน์ agency_code"));
    }

    @Test
    void readsQuestionScoresInTheLongLayoutWithCodesAsAgenciesWriteThem() {
        ResultFile file = read("agency_code,fiscal_year,code,score\n"
                + "6730301,๒๕๖๕,O๒๐,๖๐.๗๖\n"
                + "6730301,2565,E12,79.5\n"
                + "6730301,2565,o20,61\n"
                + "6730301,2565,x9,50\n");

        assertThat(file.layout()).isEqualTo(Layout.LONG);
        assertThat(file.problems()).containsExactly(
                new LoadProblem("results.csv", 4, "code", "duplicate row: agency 6730301, year 2565, question o20 is already on row 2",
                        "แถวซ้ำ: หน่วยงาน 6730301 ปี 2565 ข้อ o20 มีแล้วในแถวที่ 2"),
                new LoadProblem("results.csv", 5, "code", "unknown question code 'x9' for 2565 (ita-2561)",
                        "ไม่รู้จักข้อคำถาม 'x9' ของปี 2565 (ita-2561)"));
        assertThat(file.questions()).extracting(q -> q.question() + "=" + q.score().toPlainString() + "@" + q.indicator())
                .containsExactly("o20=60.76@9", "e12=79.5@8");
    }

    @Test
    void readsTis620AndAByteOrderMark() {
        String csv = WIDE_HEADER + BANG_RAKAM_2565;
        ResultFile legacy = reader.read("legacy.csv", csv.getBytes(TextDecoding.WINDOWS_874));
        byte[] bom = ("\uFEFF" + csv).getBytes(StandardCharsets.UTF_8);
        ResultFile withBom = reader.read("bom.csv", bom);

        assertThat(legacy.encoding()).isEqualTo("TIS-620/windows-874");
        assertThat(legacy.problems()).isEmpty();
        assertThat(legacy.results()).hasSize(1);
        assertThat(withBom.encoding()).isEqualTo("UTF-8 (BOM)");
        assertThat(withBom.problems()).isEmpty();
        assertThat(List.of(legacy.sha256(), withBom.sha256())).doesNotHaveDuplicates();
    }

    @Test
    void readsTheFirstSheetOfAnXlsxWorkbookWithItsRowNumbers() throws Exception {
        byte[] xlsx;
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
             java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
            org.apache.poi.ss.usermodel.Sheet sheet = workbook.createSheet("ITA 2565");
            String[] header = {"agency_code", "fiscal_year", "total", "level"};
            org.apache.poi.ss.usermodel.Row first = sheet.createRow(0);
            for (int i = 0; i < header.length; i++) {
                first.createCell(i).setCellValue(header[i]);
            }
            org.apache.poi.ss.usermodel.Row good = sheet.createRow(1);
            good.createCell(0).setCellValue("6730301");
            good.createCell(1).setCellValue(2565);
            good.createCell(2).setCellValue(89.79);
            good.createCell(3).setCellValue("A");
            org.apache.poi.ss.usermodel.Row thai = sheet.createRow(2);
            thai.createCell(0).setCellValue("6111101");
            thai.createCell(1).setCellValue("๒๕๖๕");
            thai.createCell(2).setCellValue("๘๔.๑๐");
            thai.createCell(3).setCellValue("B");
            org.apache.poi.ss.usermodel.Row bad = sheet.createRow(4);
            bad.createCell(0).setCellValue("6760401");
            bad.createCell(1).setCellValue(2565);
            bad.createCell(2).setCellValue(120);
            bad.createCell(3).setCellValue("A");
            workbook.write(out);
            xlsx = out.toByteArray();
        }

        ResultFile file = reader.read("results.xlsx", xlsx);

        assertThat(file.encoding()).isEqualTo("XLSX (first sheet)");
        assertThat(file.problems()).containsExactly(new LoadProblem("results.xlsx", 5, "total", "score 120 is outside 0–100",
                "คะแนน 120 อยู่นอกช่วง 0–100"));
        assertThat(file.results()).extracting(r -> r.agency().code() + " " + r.total().toPlainString())
                .containsExactly("6730301 89.79", "6111101 84.10");
    }
}
