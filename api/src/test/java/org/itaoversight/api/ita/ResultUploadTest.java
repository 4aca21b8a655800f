package org.itaoversight.api.ita;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.itaoversight.api.testing.TestingOversightApi;
import org.itaoversight.api.testing.TestingServers;
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
    void officersAndAgencyAdministratorsCannotLoad() {
        assertThat(api.as("officer-nakhonpathom").post("/api/v1/ita/loads", "text/csv", "x").status()).isEqualTo(403);
        assertThat(api.as("admin-bangrakam").post("/api/v1/ita/loads", "text/csv", "x").status()).isEqualTo(403);
    }
}
