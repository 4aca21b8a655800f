package org.itaoversight.api.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.itaoversight.api.registry.RegistryConfiguration;
import org.itaoversight.api.registry.RegistrySource;
import org.itaoversight.api.reports.schedule.ReportScheduleDao;
import org.itaoversight.api.testing.TestingOversightApi;
import org.itaoversight.api.testing.TestingServers;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every write — measures and their imports, schedules, loads — leaves its audit event (who, what, target, before and
 * after); a deleted schedule is archived with its runs and PDFs. This class owns agency 6730301's fiscal year 2591
 * (measures) and the 2564 result of the first agency of ยะลา (95), a province no other test loads (TwoApiInstancesTest
 * owns 2564 of นครปฐม).
 */
@ExtendWith(TestingServers.class)
class AuditedWritesTest {

    private final TestingOversightApi api;
    private final ObjectMapper json = new ObjectMapper();

    AuditedWritesTest(TestingOversightApi api) {
        this.api = api;
    }

    /** The audit events of a target, oldest first. */
    private List<JsonNode> eventsOf(String targetType, String targetId) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode event : api.as("platform-admin").get("/api/v1/audit-events?limit=1000").json()) {
            if (event.get("targetType").asText().equals(targetType) && event.get("targetId").asText().equals(targetId)) {
                found.addFirst(event);
            }
        }
        return found;
    }

    private JsonNode details(JsonNode event) throws Exception {
        return json.readTree(event.get("details").asText());
    }

    @Test
    void measureWritesAreAuditedWithBeforeAndAfter() throws Exception {
        String measures = "/api/v1/agencies/6730301/measures";
        JsonNode created = api.as("admin-bangrakam").post(measures, "application/json",
                "{\"fiscalYear\": 2591, \"number\": 1, \"title\": \"เปิดเผยข้อมูลการจัดซื้อ\", \"status\": \"PLANNED\"}").json();
        long id = created.get("id").asLong();
        TestingOversightApi.Response updated = api.as("admin-bangrakam").send("PUT", measures + "/" + id, "application/json",
                "{\"fiscalYear\": 2591, \"number\": 1, \"title\": \"เปิดเผยข้อมูลการจัดซื้อจัดจ้าง\", \"status\": \"IN_PROGRESS\", \"version\": 1}");
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(api.as("admin-bangrakam").post(measures + "/" + id + "/cancel?version=2", "application/json", "").status()).isEqualTo(200);

        List<JsonNode> events = eventsOf("measure", String.valueOf(id));
        assertThat(events).extracting(e -> e.get("action").asText()).containsExactly("measure.create", "measure.update", "measure.cancel");
        assertThat(events).allSatisfy(e -> assertThat(e.get("username").asText()).isEqualTo("admin-bangrakam"));
        assertThat(details(events.get(0)).get("before").isNull()).isTrue();
        assertThat(details(events.get(1)).get("before").get("title").asText()).isEqualTo("เปิดเผยข้อมูลการจัดซื้อ");
        assertThat(details(events.get(1)).get("after").get("title").asText()).isEqualTo("เปิดเผยข้อมูลการจัดซื้อจัดจ้าง");
        assertThat(details(events.get(2)).get("after").get("status").asText()).isEqualTo("CANCELLED");
        assertThat(events.get(0).get("occurredAt").asText()).isNotBlank();
    }

    @Test
    void aResultLoadIsAuditedInTheTransactionOfItsRecordAndARefusedOneToo() {
        String agency = new RegistrySource(new RegistryConfiguration()).load().agenciesOf("95").getFirst().code();
        TestingOversightApi.Response loaded = api.as("platform-admin").post("/api/v1/ita/loads?fileName=audit.csv", "text/csv",
                "agency_code,fiscal_year,total,level\n" + agency + ",2564,77.70,B\n");
        assertThat(loaded.status()).isEqualTo(200);

        List<JsonNode> events = eventsOf("ita_load", loaded.json().get("loadId").asText());
        assertThat(events).hasSize(1);
        assertThat(events.getFirst().get("action").asText()).isEqualTo("ita.load");
        assertThat(events.getFirst().get("details").asText()).contains("LOADED").contains("audit.csv");
    }

    @Test
    void aDeletedScheduleIsArchivedAuditedAndItsRunsAndPdfsStayReadable() throws Exception {
        TestingOversightApi.Response created = api.as("platform-admin").post("/api/v1/report-schedules", "application/json", """
                {"scope": "PROVINCE", "code": "73", "dayOfMonth": 3, "timeOfDay": "07:00",
                 "recipients": ["officer-nakhonpathom@ita-oversight.example"]}""");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        TestingOversightApi.Response changed = api.as("platform-admin").send("PUT", "/api/v1/report-schedules/" + id, "application/json", """
                {"scope": "PROVINCE", "code": "73", "dayOfMonth": 4, "timeOfDay": "07:00",
                 "recipients": ["officer-nakhonpathom@ita-oversight.example"]}""");
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        Jdbi postgres = ((org.itaoversight.api.OversightApplication) api.support().getApplication()).running().orElseThrow()
                .databases().postgres();
        ReportScheduleDao dao = postgres.onDemand(ReportScheduleDao.class);
        long run = dao.createRun(id, "2099-01", "PROVINCE", "73", new String[] {"officer-nakhonpathom@ita-oversight.example"})
                .orElseThrow();
        postgres.useHandle(h -> h.execute("UPDATE report_run SET pdf = ?, sha256 = ?, status = 'SENT' WHERE id = ?",
                "%PDF-1.7 archived".getBytes(java.nio.charset.StandardCharsets.US_ASCII), "0".repeat(64), run));

        assertThat(api.as("platform-admin").request("DELETE", "/api/v1/report-schedules/" + id).status()).isEqualTo(204);

        assertThat(api.as("platform-admin").get("/api/v1/report-schedules/" + id).status()).isEqualTo(404);
        assertThat(api.as("platform-admin").get("/api/v1/report-schedules").body()).doesNotContain("\"id\":" + id + ",");
        assertThat(api.as("officer-nakhonpathom").get("/api/v1/report-runs/" + run).status()).isEqualTo(200);
        TestingOversightApi.Response pdf = api.as("officer-nakhonpathom").get("/api/v1/report-runs/" + run + "/report.pdf");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(new String(pdf.bytes(), java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-1.7 archived");
        assertThat(api.as("officer-phetchaburi").get("/api/v1/report-runs/" + run).status()).isEqualTo(403);
        assertThat(dao.enabled()).noneMatch(s -> s.id() == id);

        List<JsonNode> events = eventsOf("report_schedule", String.valueOf(id));
        assertThat(events).extracting(e -> e.get("action").asText()).containsExactly("schedule.create", "schedule.update", "schedule.archive");
        assertThat(details(events.get(1)).get("before").get("dayOfMonth").asInt()).isEqualTo(3);
        assertThat(details(events.get(1)).get("after").get("dayOfMonth").asInt()).isEqualTo(4);
        assertThat(details(events.get(2)).get("after").isNull()).isTrue();

        assertThatThrownBy(() -> postgres.useHandle(h -> h.execute("DELETE FROM report_schedule WHERE id = ?", id)))
                .hasMessageContaining("archived, never deleted");
        assertThatThrownBy(() -> postgres.useHandle(h -> h.execute("TRUNCATE audit_event")))
                .hasMessageContaining("append-only");
    }
}
