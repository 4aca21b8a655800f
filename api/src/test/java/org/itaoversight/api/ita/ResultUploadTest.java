package org.itaoversight.api.ita;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.itaoversight.api.ita.catalog.Catalog;
import org.itaoversight.api.registry.RegistryConfiguration;
import org.itaoversight.api.registry.RegistrySource;
import org.itaoversight.api.testing.TestingOversightApi;
import org.itaoversight.api.testing.TestingServers;
import org.itaoversight.tenants.registry.Agency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Uploading result files through the API. */
@ExtendWith(TestingServers.class)
class ResultUploadTest {

    private final TestingOversightApi api;

    ResultUploadTest(TestingOversightApi api) {
        this.api = api;
    }

    @Test
    void aPlatformAdministratorLoadsAFileAndTheLoadIsAudited() {
        TestingOversightApi.Response response = api.as("platform-admin").post("/api/v1/ita/loads?fileName=2565.csv", "text/csv",
                "agency_code,fiscal_year,total,level\n6730301,2565,89.79,A\n");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("rowsAccepted").asInt()).isEqualTo(1);
        assertThat(response.json().get("fiscalYears").get(0).asInt()).isEqualTo(2565);
        JsonNode audit = api.as("platform-admin").get("/api/v1/audit-events?limit=1").json().get(0);
        assertThat(audit.get("action").asText()).isEqualTo("ita.load");
        assertThat(audit.get("targetId").asText()).isEqualTo(response.json().get("loadId").asText());
    }

    @Test
    void aBadFileIsRefusedWithEveryProblem() {
        TestingOversightApi.Response response = api.as("platform-admin").post("/api/v1/ita/loads?fileName=bad.csv", "text/csv",
                "agency_code,fiscal_year,total\n6730301,2565,189\n1234567,2565,80\n");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("problems")).hasSize(2);
        assertThat(response.json().get("problems").get(0).get("row").asInt()).isEqualTo(2);
        assertThat(response.json().get("problems").get(0).get("column").asText()).isEqualTo("total");
        assertThat(response.json().get("problems").get(1).get("reason").asText()).contains("unknown agency 1234567");
    }

    @Test
    void aQuestionFileReadWhileItLoadsIsRefusedWithItsProblemsWhenOnlyItsLastRowIsWrong() {
        StringBuilder csv = new StringBuilder("agency_code,fiscal_year,code,score\n");
        List<String> questions = Catalog.bundled().framework(2565).orElseThrow().indicators().stream()
                .flatMap(indicator -> indicator.questions().stream()).toList();
        questions.forEach(question -> csv.append("6730301,2565,").append(question).append(",50.00\n"));
        csv.append("6730301,2565,").append(questions.getFirst()).append(",120\n");

        TestingOversightApi.Response response = api.as("platform-admin").post(
                "/api/v1/ita/loads?fileName=streamed-last-row-bad.csv", "text/csv", csv.toString());

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("problemCount").asLong()).isEqualTo(1);
        assertThat(response.json().get("truncated").asBoolean()).isFalse();
        assertThat(response.json().get("problems")).hasSize(1);
        JsonNode problem = response.json().get("problems").get(0);
        assertThat(problem.get("row").asInt()).isEqualTo(questions.size() + 2);
        assertThat(problem.get("column").asText()).isEqualTo("score");
        assertThat(problem.get("reason").asText()).contains("score 120 is outside 0–100");
        assertThat(response.json().get("message").asText()).contains("ไม่มีการนำเข้าข้อมูลใด");
        JsonNode history = api.as("platform-admin").get("/api/v1/ita/loads?limit=500").json();
        List<String> outcomes = new java.util.ArrayList<>();
        history.get("loads").forEach(load -> {
            if (load.get("fileName").asText().equals("streamed-last-row-bad.csv")) {
                outcomes.add(load.get("status").asText() + " " + load.get("rowsAccepted").asInt());
            }
        });
        assertThat(outcomes).containsExactly("FAILED 0");
    }

    @Test
    void aCheckDescribesAFileLoadsNothingAndKnowsAFileAlreadyLoaded() {
        String neighbour = new RegistrySource(new RegistryConfiguration()).load().agenciesOf("73").stream().map(Agency::code)
                .filter(c -> !c.equals("6730301")).findFirst().orElseThrow();
        String csv = "agency_code,fiscal_year,total,level\n6730301,2565,86.17,A\n" + neighbour + ",2565,81.50,B\n";
        TestingOversightApi.Response check = api.as("platform-admin").post("/api/v1/ita/load-checks?fileName=check-2565.csv", "text/csv", csv);

        assertThat(check.status()).as(check.body()).isEqualTo(200);
        JsonNode described = check.json();
        assertThat(described.get("fileName").asText()).isEqualTo("check-2565.csv");
        assertThat(described.get("layout").asText()).isEqualTo("WIDE");
        assertThat(described.get("rows").asInt()).isEqualTo(2);
        assertThat(described.get("agencies").asInt()).isEqualTo(2);
        assertThat(described.get("provinces").toString()).isEqualTo("[\"73\"]");
        assertThat(described.get("fiscalYears").toString()).isEqualTo("[2565]");
        assertThat(described.get("alreadyLoaded").isNull()).isTrue();
        // Nothing was loaded: no ranking row carries the checked total.
        assertThat(api.as("platform-admin").get("/api/v1/provinces/73/ita/ranking?year=2565").body()).doesNotContain("86.17");

        TestingOversightApi.Response loaded = api.as("platform-admin").post("/api/v1/ita/loads?fileName=check-2565.csv", "text/csv", csv);
        assertThat(loaded.status()).isEqualTo(200);
        String loadId = loaded.json().get("loadId").asText();
        JsonNode again = api.as("platform-admin").post("/api/v1/ita/load-checks?fileName=renamed.csv", "text/csv", csv).json();
        assertThat(again.get("alreadyLoaded").get("id").asText()).isEqualTo(loadId);
        assertThat(again.get("alreadyLoaded").get("fileName").asText()).isEqualTo("check-2565.csv");

        JsonNode history = api.as("platform-admin").get("/api/v1/ita/loads?limit=500").json();
        JsonNode mine = null;
        for (JsonNode load : history.get("loads")) {
            if (load.get("id").asText().equals(loadId)) {
                mine = load;
            }
        }
        assertThat(mine).as("the load in the history").isNotNull();
        assertThat(mine.get("status").asText()).isEqualTo("LOADED");
        assertThat(mine.get("rowsAccepted").asInt()).isEqualTo(2);
        assertThat(mine.get("username").asText()).isEqualTo("platform-admin");
        assertThat(mine.get("sha256").asText()).isEqualTo(described.get("sha256").asText());
        assertThat(history.get("loads").get(0).get("startedAt").asText())
                .isGreaterThanOrEqualTo(history.get("loads").get(history.get("count").asInt() - 1).get("startedAt").asText());
    }

    @Test
    void aCheckRefusesABadFileWithEveryProblemLikeALoad() {
        TestingOversightApi.Response response = api.as("platform-admin").post("/api/v1/ita/load-checks?fileName=bad.csv", "text/csv",
                "agency_code,fiscal_year,total\n6730301,2565,189\n");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("problems").get(0).get("column").asText()).isEqualTo("total");
        assertThat(api.as("platform-admin").get("/api/v1/ita/loads?limit=0").status()).isEqualTo(400);
    }

    @Test
    void officersAndAgencyAdministratorsCannotLoad() {
        assertThat(api.as("officer-nakhonpathom").post("/api/v1/ita/load-checks", "text/csv", "x").status()).isEqualTo(403);
        assertThat(api.as("officer-nakhonpathom").get("/api/v1/ita/loads").status()).isEqualTo(403);
        assertThat(api.as("admin-bangrakam").get("/api/v1/ita/loads").status()).isEqualTo(403);
        assertThat(api.as("officer-nakhonpathom").post("/api/v1/ita/loads", "text/csv", "x").status()).isEqualTo(403);
        assertThat(api.as("admin-bangrakam").post("/api/v1/ita/loads", "text/csv", "x").status()).isEqualTo(403);
    }
}
