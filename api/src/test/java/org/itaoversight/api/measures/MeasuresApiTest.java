package org.itaoversight.api.measures;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.itaoversight.api.testing.TestingOversightApi;
import org.itaoversight.api.testing.TestingServers;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Measures through the API against real PostgreSQL and Keycloak. Years keep tests apart: CRUD uses 2565, each
 * test its own measure numbers; completion owns 2566; effectiveness owns 2568 (and reloads 6730301's 2567 row, which
 * ResultAnalyticsTest restores before each of its tests).
 */
@ExtendWith(TestingServers.class)
class MeasuresApiTest {

    private static final String MEASURES = "/api/v1/agencies/6730301/measures";

    private final TestingOversightApi api;

    MeasuresApiTest(TestingOversightApi api) {
        this.api = api;
    }

    private static String measure(int year, int number, String title, String status, String extra) {
        return """
                {"fiscalYear": %d, "number": %d, "title": "%s", "targets": ["o20", "indicator:2"],
                 "steps": "จัดทำคู่มือ", "responsibleUnits": ["สำนักปลัด", "กองคลัง"], "periodStart": "2022-10-01",
                 "periodEnd": "2023-04-30", "periodText": "ตุลาคม ๒๕๖๕-เมษายน ๒๕๖๖", "status": "%s"%s}"""
                .formatted(year, number, title, status, extra);
    }

    private JsonNode create(String body) {
        TestingOversightApi.Response created = api.as("admin-bangrakam").post(MEASURES, "application/json", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    @Test
    void anAgencyAdministratorCreatesAMeasureAndTheHistoryRecordsWho() {
        JsonNode created = create(measure(2565, 1, "เผยแพร่รายงานผลการใช้จ่ายงบประมาณ", "PLANNED", ""));

        assertThat(created.get("version").asInt()).isEqualTo(1);
        assertThat(created.get("responsibleUnits")).hasSize(2);
        assertThat(created.get("targets").get(0).asText()).isEqualTo("o20");
        JsonNode history = api.as("admin-bangrakam").get(MEASURES + "/" + created.get("id").asLong() + "/history").json();
        assertThat(history).hasSize(1);
        assertThat(history.get(0).get("action").asText()).isEqualTo("create");
        assertThat(history.get(0).get("username").asText()).isEqualTo("admin-bangrakam");
    }

    @Test
    void invalidFieldsAreReportedOneByOne() {
        TestingOversightApi.Response refused = api.as("admin-bangrakam").post(MEASURES, "application/json", """
                {"fiscalYear": 2565, "number": 0, "title": " ", "targets": ["x99"], "periodStart": "2023-05-01",
                 "periodEnd": "2023-01-31", "status": "PLANNED", "progress": 150, "evidenceLinks": ["ftp://x"]}""");

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("errors").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("number", "title", "targets", "periodEnd", "progress", "evidenceLinks");
        assertThat(refused.json().get("errors").get("title").asText()).isEqualTo("ต้องระบุชื่อมาตรการ");
    }

    @Test
    void anUpdateNamesItsVersionAndAStaleOneIsAConflictThatChangesNothing() {
        JsonNode created = create(measure(2565, 2, "จัดทำคู่มือการปฏิบัติงาน", "PLANNED", ""));
        String item = MEASURES + "/" + created.get("id").asLong();

        TestingOversightApi.Response updated = api.as("admin-bangrakam").send("PUT", item, "application/json",
                measure(2565, 2, "จัดทำคู่มือการปฏิบัติงาน", "IN_PROGRESS", ", \"progress\": 40, \"version\": 1"));
        TestingOversightApi.Response stale = api.as("admin-bangrakam").send("PUT", item, "application/json",
                measure(2565, 2, "ชื่อที่เขียนทับ", "PLANNED", ", \"version\": 1"));

        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().get("version").asInt()).isEqualTo(2);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().get("current").get("version").asInt()).isEqualTo(2);
        JsonNode now = api.as("admin-bangrakam").get(item).json();
        assertThat(now.get("title").asText()).isEqualTo("จัดทำคู่มือการปฏิบัติงาน");
        assertThat(now.get("status").asText()).isEqualTo("IN_PROGRESS");
        JsonNode history = api.as("admin-bangrakam").get(item + "/history").json();
        assertThat(history).hasSize(2);
        JsonNode changes = history.get(1).get("changes");
        assertThat(changes.get("status").get("from").asText()).isEqualTo("PLANNED");
        assertThat(changes.get("status").get("to").asText()).isEqualTo("IN_PROGRESS");
        assertThat(changes.has("progress")).isTrue();
    }

    @Test
    void cancelKeepsTheMeasureAndOfficersReadButDoNotEdit() {
        JsonNode created = create(measure(2565, 3, "ประชาสัมพันธ์ช่องทางร้องเรียน", "PLANNED", ""));
        String item = MEASURES + "/" + created.get("id").asLong();

        TestingOversightApi.Response officerEdit = api.as("officer-nakhonpathom").send("PUT", item, "application/json",
                measure(2565, 3, "แก้โดยเจ้าหน้าที่จังหวัด", "PLANNED", ", \"version\": 1"));
        TestingOversightApi.Response cancelled = api.as("admin-bangrakam").post(item + "/cancel?version=1", "application/json", "");

        assertThat(officerEdit.status()).isEqualTo(403);
        assertThat(api.as("officer-nakhonpathom").get(item).status()).isEqualTo(200);
        assertThat(api.as("admin-thamrong").get(item).status()).isEqualTo(403);
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asText()).isEqualTo("CANCELLED");
        assertThat(api.as("admin-bangrakam").get(item + "/history").json().get(1).get("action").asText()).isEqualTo("cancel");
    }

    @Test
    void completionAsOfADayHasExactFigures() {
        create(measure(2566, 1, "เสร็จทันเวลา", "DONE", ", \"completedOn\": \"2023-03-01\""));
        create(measure(2566, 2, "เสร็จล่าช้า", "DONE", ", \"completedOn\": \"2023-06-15\"").replace("2023-04-30", "2023-05-31"));
        create(measure(2566, 3, "เกินกำหนด", "IN_PROGRESS", "").replace("2023-04-30", "2023-03-31"));
        create(measure(2566, 4, "ยังไม่ถึงกำหนด", "PLANNED", "").replace("2023-04-30", "2023-09-30"));
        create(measure(2566, 5, "ยกเลิก", "CANCELLED", ""));

        JsonNode june = api.as("admin-bangrakam").get("/api/v1/agencies/6730301/measure-completion?year=2566&asOf=2023-06-30")
                .json().get("completion");
        JsonNode april = api.as("admin-bangrakam").get("/api/v1/agencies/6730301/measure-completion?year=2566&asOf=2023-04-01")
                .json().get("completion");
        JsonNode province = api.as("officer-nakhonpathom").get("/api/v1/provinces/73/measure-completion?year=2566&asOf=2023-06-30")
                .json().get("total");
        JsonNode overdue = api.as("admin-bangrakam").get(MEASURES + "?year=2566&overdue=true&asOf=2023-06-30").json();

        assertThat(june.get("planned").asLong()).isEqualTo(4);
        assertThat(june.get("done").asLong()).isEqualTo(2);
        assertThat(june.get("doneOnTime").asLong()).isEqualTo(1);
        assertThat(june.get("overdue").asLong()).isEqualTo(1);
        assertThat(june.get("completionRate").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(june.get("onTimeRate").decimalValue()).isEqualByComparingTo("0.25");
        assertThat(april.get("done").asLong()).isEqualTo(1);
        assertThat(april.get("overdue").asLong()).isEqualTo(1);
        assertThat(april.get("completionRate").decimalValue()).isEqualByComparingTo("0.25");
        assertThat(province.get("planned").asLong()).isEqualTo(4);
        assertThat(province.get("done").asLong()).isEqualTo(2);
        assertThat(overdue.get("total").asInt()).isEqualTo(1);
        assertThat(overdue.get("measures").get(0).get("measure").get("title").asText()).isEqualTo("เกินกำหนด");

        CompletionSnapshots snapshots = snapshots();
        snapshots.take(YearMonth.of(2023, 4), 2566);
        snapshots.take(YearMonth.of(2023, 6), 2566);
        snapshots.take(YearMonth.of(2023, 6), 2566);
        JsonNode months = api.as("officer-nakhonpathom").get("/api/v1/provinces/73/measure-completion/monthly?year=2566")
                .json().get("months");
        assertThat(months).hasSize(2);
        assertThat(months.get(0).get("month").asText()).isEqualTo("2023-04-01");
        assertThat(months.get(0).get("done").asLong()).isEqualTo(1);
        assertThat(months.get(0).get("overdue").asLong()).isEqualTo(1);
        assertThat(months.get(1).get("planned").asLong()).isEqualTo(4);
        assertThat(months.get(1).get("done").asLong()).isEqualTo(2);
        assertThat(months.get(1).get("doneOnTime").asLong()).isEqualTo(1);
    }

    @Test
    void effectivenessIsTheChangeOfEachTargetedScoreFromTheYearBefore() {
        TestingOversightApi.Response wide = api.as("platform-admin").post("/api/v1/ita/loads?fileName=eff-wide.csv", "text/csv",
                "agency_code,fiscal_year,indicator_1,indicator_2,indicator_3,indicator_4,indicator_5,indicator_6,indicator_7,"
                        + "indicator_8,indicator_9,indicator_10\n"
                        + "6730301,2567,90,70,90,90,90,90,90,90,90,90\n6730301,2568,90,80,90,90,90,90,90,90,90,90\n");
        TestingOversightApi.Response questions = api.as("platform-admin").post("/api/v1/ita/loads?fileName=eff-long.csv",
                "text/csv", "agency_code,fiscal_year,code,score\n6730301,2567,o20,60.76\n6730301,2567,e12,84.00\n"
                        + "6730301,2568,o20,90.00\n");
        assertThat(wide.status()).as(wide.body()).isEqualTo(200);
        assertThat(questions.status()).as(questions.body()).isEqualTo(200);
        create(measure(2568, 1, "ปรับปรุงการเผยแพร่รายงานงบประมาณ", "DONE", ", \"completedOn\": \"2024-03-01\""));
        create(measure(2568, 2, "ปรับปรุงการทำงาน", "IN_PROGRESS", "").replace("[\"o20\", \"indicator:2\"]", "[\"e12\"]"));
        create(measure(2568, 3, "ไม่มีเป้าหมาย", "PLANNED", "").replace("[\"o20\", \"indicator:2\"]", "[]"));

        JsonNode agency = api.as("admin-bangrakam").get("/api/v1/agencies/6730301/measure-effectiveness?year=2568").json();
        JsonNode province = api.as("officer-nakhonpathom").get("/api/v1/provinces/73/measure-effectiveness?year=2568").json();

        assertThat(agency.get("targets").asLong()).isEqualTo(3);
        assertThat(agency.get("measured").asLong()).isEqualTo(2);
        assertThat(agency.get("improved").asLong()).isEqualTo(2);
        assertThat(agency.get("meanChange").decimalValue()).isEqualByComparingTo("19.62");
        List<String> effects = new ArrayList<>();
        agency.get("effects").forEach(e -> effects.add(e.get("target").asText() + " "
                + (e.get("change").isNull() ? "missing" : e.get("change").decimalValue().setScale(2).toPlainString())));
        assertThat(effects).containsExactly("o20 29.24", "indicator:2 10.00", "e12 missing");
        assertThat(province.get("meanChange").decimalValue()).isEqualByComparingTo("19.62");
        assertThat(api.as("officer-phetchaburi").get("/api/v1/provinces/73/measure-effectiveness?year=2568").status())
                .isEqualTo(403);
    }

    private CompletionSnapshots snapshots() {
        var configuration = api.support().getConfiguration();
        String clickhouseUrl = configuration.getClickhouse().jdbcUrl(configuration.getClickhouse().getUrl(),
                configuration.getClickhouse().getDatabase());
        return new CompletionSnapshots(Jdbi.create(configuration.getDatabase().getUrl()).installPlugin(new SqlObjectPlugin()),
                Jdbi.create(clickhouseUrl, "default", ""), Clock.systemUTC());
    }
}
