package org.itaoversight.api.measures;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.itaoversight.api.testing.TestingOversightApi;
import org.itaoversight.api.testing.TestingServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Importing an agency's measures report through the API, against real PostgreSQL and Keycloak. This class owns
 * อบต.ถ้ำรงค์ (6760401) fiscal years 2564–2567 and อบต.ต่างอย (6111101) fiscal year 2566.
 */
@ExtendWith(TestingServers.class)
class MeasureImportApiTest {

    private static final String THAMRONG_IMPORTS = "/api/v1/agencies/6760401/measure-imports";
    private static final String THAMRONG_MEASURES = "/api/v1/agencies/6760401/measures";

    private final TestingOversightApi api;

    MeasureImportApiTest(TestingOversightApi api) {
        this.api = api;
    }

    private static String sample(String name) throws IOException {
        try (InputStream in = MeasureImportApiTest.class.getResourceAsStream("/samples/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private int storedMeasures(String measures, int year) {
        TestingOversightApi.Response list = api.as("platform-admin").get(measures + "?year=" + year + "&size=200");
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        return list.json().get("total").asInt();
    }

    @Test
    void aPreviewReadsTheDocumentAndStoresNothing() throws IOException {
        int before = storedMeasures(THAMRONG_MEASURES, 2564);
        TestingOversightApi.Response preview = api.as("admin-thamrong").post(THAMRONG_IMPORTS + "?dryRun=true",
                "text/plain; charset=UTF-8", sample("measures-report-thamrong-2564.txt"));

        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        assertThat(preview.json().get("dryRun").asBoolean()).isTrue();
        assertThat(preview.json().get("fiscalYear").asInt()).isEqualTo(2564);
        assertThat(preview.json().get("report").get("measures")).hasSize(9);
        assertThat(preview.json().get("report").get("measures").get(0).get("period").get("start").asText()).isEqualTo("2021-02-04");
        assertThat(preview.json().get("stored").isNull()).isTrue();
        assertThat(storedMeasures(THAMRONG_MEASURES, 2564)).isEqualTo(before);
    }

    @Test
    void importingStoresTheMeasuresOnceKeepsWhatTheAgencyRecordedAndTakesCorrections() throws IOException {
        String document = sample("measures-report-thamrong-2564.txt");
        JsonNode first = importThamrong(document);
        JsonNode again = importThamrong(document);

        assertThat(first.get("created").asInt() + first.get("unchanged").asInt()).isEqualTo(9);
        assertThat(again.get("created").asInt()).isZero();
        assertThat(again.get("updated").asInt()).isZero();
        assertThat(again.get("unchanged").asInt()).isEqualTo(9);
        JsonNode stored = api.as("admin-thamrong").get(THAMRONG_MEASURES + "?year=2564").json();
        assertThat(stored.get("total").asInt()).isEqualTo(9);
        JsonNode measureFour = stored.get("measures").get(3).get("measure");
        assertThat(measureFour.get("number").asInt()).isEqualTo(4);
        assertThat(measureFour.get("title").asText()).isEqualTo("มีมาตรการการรับข้อมูล และการตอบแบบสอบถามที่รวดเร็ว และทันเหตุการณ์");
        assertThat(measureFour.get("responsibleUnits").get(0).asText()).isEqualTo("สำนักงานปลัด");
        assertThat(measureFour.get("periodStart").asText()).isEqualTo("2020-11-06");
        assertThat(measureFour.get("targets").get(0).asText()).isEqualTo("indicator:9");
        // The report gives an output for every measure, never that it is complete.
        assertThat(measureFour.get("status").asText()).isEqualTo("IN_PROGRESS");

        // The administrator marks measure 4 done; a corrected document then changes its text but not its status.
        String item = THAMRONG_MEASURES + "/" + measureFour.get("id").asLong();
        JsonNode current = api.as("admin-thamrong").get(item).json();
        com.fasterxml.jackson.databind.node.ObjectNode draft = current.deepCopy();
        draft.retain("fiscalYear", "number", "title", "targets", "steps", "responsibleUnits", "periodStart", "periodEnd",
                "periodText", "output", "outcome", "evidenceLinks", "version");
        draft.put("status", "DONE").put("completedOn", "2020-11-20");
        TestingOversightApi.Response done = api.as("admin-thamrong").send("PUT", item, "application/json", draft.toString());
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        JsonNode corrected = importThamrong(document.replace("การตอบแบบสอบถามที่รวดเร็ว และทันเหตุการณ์",
                "การตอบแบบสอบถามที่รวดเร็วและทันเหตุการณ์"));

        assertThat(corrected.get("updated").asInt()).isEqualTo(1);
        assertThat(corrected.get("unchanged").asInt()).isEqualTo(8);
        JsonNode after = api.as("admin-thamrong").get(item).json();
        assertThat(after.get("title").asText()).isEqualTo("มีมาตรการการรับข้อมูล และการตอบแบบสอบถามที่รวดเร็วและทันเหตุการณ์");
        assertThat(after.get("status").asText()).isEqualTo("DONE");
        JsonNode history = api.as("admin-thamrong").get(item + "/history").json();
        assertThat(history.get(history.size() - 1).get("action").asText()).isEqualTo("import");
        assertThat(history.get(history.size() - 1).get("changes").asText()).contains("title").doesNotContain("status");
    }

    private JsonNode importThamrong(String document) {
        TestingOversightApi.Response imported = api.as("admin-thamrong").post(THAMRONG_IMPORTS, "text/plain; charset=UTF-8", document);
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.json().get("dryRun").asBoolean()).isFalse();
        return imported.json().get("stored");
    }

    @Test
    void anotherAgencysDocumentIsRefusedAndNothingIsStored() throws IOException {
        TestingOversightApi.Response refused = api.as("admin-thamrong").post(THAMRONG_IMPORTS, "text/plain; charset=UTF-8",
                sample("measures-report-tangoi-2566.txt"));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("problems").get(0).asText())
                .isEqualTo("เอกสารนี้เป็นรายงานขององค์การบริหารส่วนตำบลต่างอย (6111101) ไม่ใช่ของหน่วยงาน 6760401");
        assertThat(storedMeasures(THAMRONG_MEASURES, 2566)).isZero();
    }

    @Test
    void aYearThatContradictsTheDocumentIsRefused() throws IOException {
        TestingOversightApi.Response refused = api.as("admin-thamrong").post(THAMRONG_IMPORTS + "?year=2565",
                "text/plain; charset=UTF-8", sample("measures-report-thamrong-2564.txt"));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("problems").get(0).asText()).isEqualTo("เอกสารนี้เป็นของปีงบประมาณ 2564 ไม่ใช่ 2565");
        assertThat(storedMeasures(THAMRONG_MEASURES, 2565)).isZero();
    }

    @Test
    void officersReadMeasuresButDoNotImportThem() throws IOException {
        TestingOversightApi.Response refused = api.as("officer-phetchaburi").post(THAMRONG_IMPORTS, "text/plain; charset=UTF-8",
                sample("measures-report-thamrong-2564.txt"));

        assertThat(refused.status()).isEqualTo(403);
    }

    @Test
    void onlyTheAgencysOwnAdministratorsImportNotThePlatformAdministrator() throws IOException {
        TestingOversightApi.Response refused = api.as("platform-admin").post("/api/v1/agencies/6111101/measure-imports",
                "text/plain; charset=UTF-8", sample("measures-report-tangoi-2566.txt"));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(storedMeasures("/api/v1/agencies/6111101/measures", 2566)).isZero();
    }

    private static byte[] corpus(String name) throws IOException {
        try (InputStream in = MeasureImportApiTest.class.getResourceAsStream("/corpus/measures/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void aScannedPdfIsRefusedWithAThaiMessageAndNothingIsStored() throws IOException {
        int before = storedMeasures(THAMRONG_MEASURES, 2567);
        TestingOversightApi.Response refused = api.as("admin-thamrong").post(THAMRONG_IMPORTS + "?fileName=scan.pdf",
                "application/pdf", corpus("negative/scanned-image-only.pdf"));

        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.json().get("problems").get(0).asText()).contains("สแกน").contains(".docx");
        assertThat(storedMeasures(THAMRONG_MEASURES, 2567)).isEqualTo(before);
    }

    @Test
    void aReportWithUnknownHeadersIsPreviewedMappedAndStored() {
        String document = """
                สรุปงานส่งเสริมความโปร่งใส ปีงบประมาณ พ.ศ. ๒๕๖๗
                องค์การบริหารส่วนตำบลถ้ำรงค์

                เรื่อง\tสิ่งที่ทำ\tคนทำ\tเมื่อไร
                ติดตั้งกล่องรับความคิดเห็นหน้าสำนักงาน\tจัดซื้อกล่องและติดตั้ง\tสำนักปลัด\tม.ค. ๖๗
                อบรมเรื่องผลประโยชน์ทับซ้อน\tเชิญวิทยากรจากอำเภอ\tงานการเจ้าหน้าที่\t๑๕ ก.พ. ๖๗
                """;
        TestingOversightApi.Response preview = api.as("admin-thamrong").post(THAMRONG_IMPORTS + "?dryRun=true",
                "text/plain; charset=UTF-8", document);
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        JsonNode table = preview.json().get("report").get("tables").get(0);
        assertThat(table.get("source").asText()).isEqualTo("NONE");
        assertThat(table.get("firstRows").get(0).get(1).asText()).isEqualTo("สิ่งที่ทำ");
        assertThat(preview.json().get("problems").toString()).contains("ไม่พบมาตรการในเอกสาร");

        TestingOversightApi.Response refused = api.as("admin-thamrong").post(THAMRONG_IMPORTS, "text/plain; charset=UTF-8", document);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(storedMeasures(THAMRONG_MEASURES, 2567)).isZero();

        TestingOversightApi.Response stored = api.as("admin-thamrong").post(
                THAMRONG_IMPORTS + "?columns=1.0%3DMEASURE,1.1%3DSTEPS,1.2%3DUNITS,1.3%3DPERIOD", "text/plain; charset=UTF-8", document);
        assertThat(stored.status()).as(stored.body()).isEqualTo(200);
        assertThat(stored.json().get("stored").get("created").asInt()).isEqualTo(2);
        JsonNode measures = api.as("admin-thamrong").get(THAMRONG_MEASURES + "?year=2567").json();
        assertThat(measures.get("total").asInt()).isEqualTo(2);
        assertThat(measures.toString()).contains("ติดตั้งกล่องรับความคิดเห็นหน้าสำนักงาน").contains("งานการเจ้าหน้าที่");
    }

    @Test
    void aDocumentWhoseAgencyFitsTwoAgenciesIsAskedAboutNotGuessedAndNothingIsStored() {
        // นครปฐม has two อบต.บางระกำ (อำเภอนครชัยศรี, อำเภอบางเลน); the document gives no district.
        String document = """
                มาตรการส่งเสริมคุณธรรมและความโปร่งใส ปีงบประมาณ พ.ศ. ๒๕๖๖
                องค์การบริหารส่วนตำบลบางระกำ จังหวัดนครปฐม

                มาตรการ\tขั้นตอน\tผู้รับผิดชอบ\tระยะเวลา
                ๑. จัดทำคู่มือการปฏิบัติงาน\tร่างคู่มือ\tสำนักปลัด\tตลอดปีงบประมาณ
                """;
        int before = storedMeasures(THAMRONG_MEASURES, 2566);
        TestingOversightApi.Response preview = api.as("admin-thamrong").post(THAMRONG_IMPORTS + "?dryRun=true",
                "text/plain; charset=UTF-8", document);

        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        JsonNode agency = preview.json().get("report").get("agency");
        assertThat(agency.get("outcome").asText()).isEqualTo("AMBIGUOUS");
        assertThat(agency.get("candidates")).hasSize(2);
        assertThat(preview.json().get("problems").get(0).asText()).startsWith("หน่วยงาน: ")
                .contains("6730301", "อำเภอบางเลน", "ไม่มีหน่วยงาน 6760401 ในรายชื่อนี้");
        TestingOversightApi.Response refused = api.as("admin-thamrong").post(THAMRONG_IMPORTS, "text/plain; charset=UTF-8", document);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(storedMeasures(THAMRONG_MEASURES, 2566)).isEqualTo(before);
    }

    @Test
    void aWordDocumentIsImportedLikeItsText() throws IOException {
        TestingOversightApi.Response preview = api.as("admin-thamrong").post(THAMRONG_IMPORTS + "?dryRun=true&fileName=report.docx",
                "application/octet-stream", corpus("sample-thamrong-2564.docx"));
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        assertThat(preview.json().get("report").get("format").asText()).isEqualTo("DOCX");
        assertThat(preview.json().get("report").get("measures")).hasSize(9);
    }
}
