package org.itaoversight.api.exports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.itaoversight.api.testing.TestingOversightApi;
import org.itaoversight.api.testing.TestingServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Comparisons downloaded from the server: the same URL answers JSON, CSV and XLSX by {@code Accept} (or
 * {@code ?format=}); XLSX read back with POI has numbers as numbers and the Thai exact; a measure titled like a
 * formula stays inert text in both formats; and an export is refused to whoever may not read its JSON. Owns the
 * results of 6730301 in 2564 and its measure number 41 of 2563.
 */
@ExtendWith(TestingServers.class)
class ExportsApiTest {

    private static final String XLSX = ExportFormat.XLSX_TYPE;
    private static final String RANKING = "/api/v1/provinces/73/ita/ranking?year=2564";
    private static final String MEASURES = "/api/v1/agencies/6730301/measures?year=2563";

    private final TestingOversightApi api;

    ExportsApiTest(TestingOversightApi api) {
        this.api = api;
        TestingOversightApi.Response loaded = api.as("platform-admin").post("/api/v1/ita/loads?fileName=2564.csv", "text/csv", """
                agency_code,fiscal_year,total,level,indicator_1,indicator_2,indicator_3,indicator_4,indicator_5,indicator_6,indicator_7,indicator_8,indicator_9,indicator_10
                6730301,2564,84.96,B,86.76,84.96,82.95,80.59,81.42,93.40,85.37,79.98,97.50,100.00
                """);
        assertThat(loaded.status()).as(loaded.body()).isEqualTo(200);
        if (api.as("admin-bangrakam").get(MEASURES).json().get("total").asInt() == 0) {
            TestingOversightApi.Response created = api.as("admin-bangrakam").post("/api/v1/agencies/6730301/measures", "application/json", """
                    {"fiscalYear": 2563, "number": 41, "title": "=1+1", "targets": ["o20"], "steps": "@SUM(A1:A2)",
                     "responsibleUnits": ["-กองคลัง"], "periodStart": "2019-10-01", "periodEnd": "2020-09-30",
                     "periodText": "+ตลอดปีงบประมาณ", "status": "IN_PROGRESS", "progress": 40}""");
            assertThat(created.status()).as(created.body()).isEqualTo(201);
        }
    }

    @Test
    void theRankingAnswersJsonCsvAndXlsxAtOneUrl() throws Exception {
        TestingOversightApi.Response json = api.as("officer-nakhonpathom").get(RANKING);
        assertThat(json.contentType()).startsWith("application/json");

        TestingOversightApi.Response csv = api.as("officer-nakhonpathom").get(RANKING, "text/csv");
        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        String text = new String(csv.bytes(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF\"อันดับ\",\"รหัสหน่วยงาน\",\"หน่วยงาน\",\"อำเภอ\",\"คะแนนรวม\",\"ระดับ\",\"ผ่านเกณฑ์ 85\"");
        // The number is plain, and 84.96 (printed 84.96) does not pass: the printed figure decides.
        assertThat(text).containsPattern("\"6730301\",\"องค์การบริหารส่วนตำบลบางระกำ\",\"[^\"]*\",84\\.96,\"B\",\"ไม่ผ่าน\"");

        TestingOversightApi.Response xlsx = api.as("officer-nakhonpathom").get(RANKING, XLSX);
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.contentType()).isEqualTo(XLSX);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.bytes()))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(texts(sheet.getRow(0))).startsWith("อันดับ", "รหัสหน่วยงาน", "หน่วยงาน", "อำเภอ", "คะแนนรวม", "ระดับ");
            Row mine = rowOf(sheet, "6730301");
            assertThat(mine.getCell(0).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(mine.getCell(2).getStringCellValue()).isEqualTo("องค์การบริหารส่วนตำบลบางระกำ");
            assertThat(mine.getCell(4).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(mine.getCell(4).getNumericCellValue()).isEqualTo(84.96);
        }
        TestingOversightApi.Response byParameter = api.as("officer-nakhonpathom").get(RANKING + "&format=xlsx");
        assertThat(byParameter.contentType()).isEqualTo(XLSX);
    }

    @Test
    void everyComparisonDownloadsAsXlsxWithThaiHeaders() throws Exception {
        for (String path : List.of("/api/v1/provinces/73/ita/matrix?year=2564", "/api/v1/provinces/73/ita/weakest-indicators?year=2564",
                "/api/v1/provinces/73/ita/movers?year=2564", "/api/v1/provinces/73/measure-completion?year=2563&asOf=2020-09-30",
                "/api/v1/provinces/73/measure-completion/monthly?year=2563", "/api/v1/agencies/6730301/ita/weakest-questions?year=2564",
                MEASURES)) {
            TestingOversightApi.Response xlsx = api.as("officer-nakhonpathom").get(path, XLSX);
            assertThat(xlsx.status()).as(path + " " + xlsx.body()).isEqualTo(200);
            try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.bytes()))) {
                assertThat(texts(book.getSheetAt(0).getRow(0)).getFirst()).as(path).matches(".*[\\u0E01-\\u0E5B].*");
            }
            TestingOversightApi.Response csv = api.as("officer-nakhonpathom").get(path, "text/csv");
            assertThat(csv.status()).as(path).isEqualTo(200);
        }
        TestingOversightApi.Response matrix = api.as("officer-nakhonpathom").get("/api/v1/provinces/73/ita/matrix?year=2564", XLSX);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(matrix.bytes()))) {
            Row mine = rowOf(book.getSheetAt(0), "6730301");
            assertThat(mine.getCell(2).getNumericCellValue()).isEqualTo(84.96);
            assertThat(mine.getCell(3).getNumericCellValue()).isEqualTo(86.76);
            assertThat(mine.getCell(4).getNumericCellValue()).isEqualTo(84.96);
            assertThat(texts(book.getSheetAt(0).getRow(0))).contains("ตัวชี้วัด 2 การใช้งบประมาณ");
        }
    }

    @Test
    void anAgencysIndicatorScoresDownloadWithTheLowestMarked() throws Exception {
        String path = "/api/v1/agencies/6730301/ita/indicator-scores?year=2564";
        TestingOversightApi.Response xlsx = api.as("admin-bangrakam").get(path, XLSX);
        assertThat(xlsx.status()).as(xlsx.body()).isEqualTo(200);
        assertThat(xlsx.header("Content-Disposition")).contains("indicators-6730301-2564.xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.bytes()))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(texts(sheet.getRow(0))).containsExactly("ตัวชี้วัดที่", "ตัวชี้วัด", "เครื่องมือ", "คะแนน", "ต่ำสุด");
            assertThat(sheet.getLastRowNum()).isEqualTo(10);
            Row second = rowWhere(sheet, 0, 2);
            assertThat(second.getCell(1).getStringCellValue()).isEqualTo("การใช้งบประมาณ");
            assertThat(second.getCell(3).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(second.getCell(3).getNumericCellValue()).isEqualTo(84.96);
            assertThat(second.getCell(4).getStringCellValue()).isEmpty();
            Row eighth = rowWhere(sheet, 0, 8);
            assertThat(eighth.getCell(3).getNumericCellValue()).isEqualTo(79.98);
            assertThat(eighth.getCell(4).getStringCellValue()).isEqualTo("ต่ำสุด");
        }
        String csv = new String(api.as("admin-bangrakam").get(path + "&format=csv").bytes(), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF\"ตัวชี้วัดที่\",\"ตัวชี้วัด\",\"เครื่องมือ\",\"คะแนน\",\"ต่ำสุด\"")
                .containsPattern("\r\n8,\"[^\"]+\",\"[^\"]*\",79\\.98,\"ต่ำสุด\"\r\n")
                .containsPattern("\r\n10,\"[^\"]+\",\"[^\"]*\",100(\\.00)?,\"\"");
        // Another agency's scores are not the caller's to download.
        assertThat(api.as("admin-thamrong").get(path, XLSX).status()).isEqualTo(403);
    }

    @Test
    void theAgenciesNeedingAttentionDownloadAsTheJsonListsThem() throws Exception {
        String path = "/api/v1/provinces/73/needs-attention?year=2564&asOf=2021-09-30";
        JsonNode json = api.as("officer-nakhonpathom").get(path).json();
        JsonNode mine = null;
        for (JsonNode agency : json.path("agencies")) {
            if (agency.path("agencyCode").asText().equals("6730301")) {
                mine = agency;
            }
        }
        assertThat(mine).as("84.96 is under the pass mark: 6730301 needs attention").isNotNull();
        TestingOversightApi.Response xlsx = api.as("officer-nakhonpathom").get(path, XLSX);
        assertThat(xlsx.status()).as(xlsx.body()).isEqualTo(200);
        assertThat(xlsx.header("Content-Disposition")).contains("attention-73-2564.xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.bytes()))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(texts(sheet.getRow(0))).containsExactly("รหัสหน่วยงาน", "หน่วยงาน", "คะแนนรวม", "สัดส่วนมาตรการแล้วเสร็จ", "เหตุผล", "ณ วันที่");
            assertThat(sheet.getLastRowNum()).isEqualTo(json.path("agencies").size());
            Row row = rowOf(sheet, "6730301");
            assertThat(row.getCell(1).getStringCellValue()).isEqualTo("องค์การบริหารส่วนตำบลบางระกำ");
            assertThat(row.getCell(2).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(row.getCell(2).getNumericCellValue()).isEqualTo(84.96);
            if (mine.path("completionRate").isNull()) {
                assertThat(row.getCell(3)).isNull();
            } else {
                assertThat(row.getCell(3).getNumericCellValue()).isEqualTo(mine.path("completionRate").asDouble());
            }
            assertThat(row.getCell(4).getStringCellValue()).isEqualTo(mine.path("reasonTh").asText()).isNotBlank();
            assertThat(row.getCell(5).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(java.time.LocalDate.of(2021, 9, 30));
        }
        String csv = new String(api.as("officer-nakhonpathom").get(path, "text/csv").bytes(), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF\"รหัสหน่วยงาน\",\"หน่วยงาน\",\"คะแนนรวม\"")
                .contains("\"6730301\",\"องค์การบริหารส่วนตำบลบางระกำ\",84.96,");
        assertThat(api.as("officer-phetchaburi").get(path, "text/csv").status()).isEqualTo(403);
    }

    @Test
    void theNationalTableByProvinceKeepsWithheldGroupsWithoutFigures() throws Exception {
        String path = "/api/v1/ita/national/pass-rates?year=2564";
        JsonNode json = api.as("platform-admin").get(path).json();
        TestingOversightApi.Response xlsx = api.as("platform-admin").get(path, XLSX);
        assertThat(xlsx.status()).as(xlsx.body()).isEqualTo(200);
        assertThat(xlsx.header("Content-Disposition")).contains("provinces-2564.xlsx");
        int withheld = 0;
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.bytes()))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(texts(sheet.getRow(0))).containsExactly("อันดับ", "รหัสจังหวัด", "จังหวัด", "หน่วยงานที่มีผล", "ผ่านเกณฑ์ 85 (แห่ง)",
                    "สัดส่วนผ่านเกณฑ์", "คะแนนเฉลี่ย", "หมายเหตุ");
            assertThat(sheet.getLastRowNum()).isEqualTo(json.path("byProvince").size());
            assertThat(rowOf(sheet, "73").getCell(2).getStringCellValue()).isEqualTo("นครปฐม");
            for (JsonNode group : json.path("byProvince")) {
                Row row = rowOf(sheet, group.path("groupCode").asText());
                if (group.path("withheld").asBoolean()) {
                    withheld++;
                    // No rank, no count, no rate, no mean: nothing the JSON withholds comes back in the file.
                    for (int column : new int[] {0, 3, 4, 5, 6}) {
                        assertThat(row.getCell(column)).as(group.path("groupCode").asText() + " column " + column).isNull();
                    }
                    assertThat(row.getCell(7).getStringCellValue()).isEqualTo(group.path("note").asText()).isNotBlank();
                } else {
                    assertThat(row.getCell(0).getCellType()).isEqualTo(CellType.NUMERIC);
                    assertThat(row.getCell(3).getNumericCellValue()).isEqualTo(group.path("agencies").asDouble());
                    assertThat(row.getCell(5).getNumericCellValue()).isEqualTo(group.path("passRate").asDouble());
                    assertThat(row.getCell(6).getNumericCellValue()).isEqualTo(group.path("meanTotal").asDouble());
                }
            }
        }
        assertThat(withheld).as("2564 has too few agencies per province: groups are withheld").isPositive();
        String csv = new String(api.as("platform-admin").get(path + "&format=csv").bytes(), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF\"อันดับ\",\"รหัสจังหวัด\",\"จังหวัด\"")
                .contains(",\"73\",\"นครปฐม\",").doesNotContain("\"73\",\"นครปฐม\",1,");
        assertThat(api.as("admin-bangrakam").get(path, XLSX).status()).isEqualTo(403);
    }

    @Test
    void aMeasureTitledLikeAFormulaStaysInertText() throws Exception {
        TestingOversightApi.Response xlsx = api.as("officer-nakhonpathom").get(MEASURES, XLSX);
        assertThat(xlsx.status()).isEqualTo(200);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.bytes()))) {
            Row measure = rowWhere(book.getSheetAt(0), 1, 41);
            Cell title = measure.getCell(2);
            assertThat(title.getCellType()).isEqualTo(CellType.STRING);
            assertThat(title.getStringCellValue()).isEqualTo("=1+1");
            assertThat(measure.getCell(6).getStringCellValue()).isEqualTo("+ตลอดปีงบประมาณ");
            assertThat(measure.getCell(11).getStringCellValue()).isEqualTo("-กองคลัง");
            assertThat(measure.getCell(8).getNumericCellValue()).isEqualTo(40);
            book.getSheetAt(0).forEach(row -> row.forEach(cell -> assertThat(cell.getCellType()).isNotEqualTo(CellType.FORMULA)));
        }
        String csv = new String(api.as("officer-nakhonpathom").get(MEASURES, "text/csv").bytes(), StandardCharsets.UTF_8);
        assertThat(csv).contains("\"'=1+1\"", "\"'+ตลอดปีงบประมาณ\"", "\"'-กองคลัง\"").doesNotContain(",\"=1+1\"");
        assertThat(csv).contains(",41,", ",40,");
    }

    @Test
    void anotherTenantsExportIsRefused() {
        assertThat(api.as("admin-thamrong").get(MEASURES, XLSX).status()).isEqualTo(403);
        assertThat(api.as("admin-thamrong").get(MEASURES + "&format=csv").status()).isEqualTo(403);
        assertThat(api.as("officer-phetchaburi").get(RANKING, "text/csv").status()).isEqualTo(403);
        assertThat(api.as("officer-phetchaburi").get("/api/v1/provinces/73/ita/matrix?year=2564", XLSX).status()).isEqualTo(403);
        assertThat(api.anonymous().get(RANKING, XLSX).status()).isEqualTo(401);
    }

    private static List<String> texts(Row row) {
        List<String> texts = new ArrayList<>();
        row.forEach(cell -> texts.add(cell.getStringCellValue()));
        return texts;
    }

    private static Row rowOf(Sheet sheet, String agencyCode) {
        for (Row row : sheet) {
            for (Cell cell : row) {
                if (cell.getCellType() == CellType.STRING && cell.getStringCellValue().equals(agencyCode)) {
                    return row;
                }
            }
        }
        throw new AssertionError("no row for " + agencyCode);
    }

    private static Row rowWhere(Sheet sheet, int column, double value) {
        for (Row row : sheet) {
            Cell cell = row.getCell(column);
            if (cell != null && cell.getCellType() == CellType.NUMERIC && cell.getNumericCellValue() == value) {
                return row;
            }
        }
        throw new AssertionError("no row with " + value + " in column " + column);
    }
}
