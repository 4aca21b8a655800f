package org.itaoversight.api.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.SignedJWT;
import java.io.StringWriter;
import org.itaoversight.api.registry.RegistryConfiguration;
import org.itaoversight.api.registry.RegistrySource;
import org.itaoversight.api.testing.TestingOversightApi;
import org.itaoversight.api.testing.TestingServers;
import org.itaoversight.tenants.registry.RegistryCsv;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Writes are audited with the token's subject and username; the trail cannot be changed. */
@ExtendWith(TestingServers.class)
class AuditTrailTest {

    private final TestingOversightApi api;

    AuditTrailTest(TestingOversightApi api) {
        this.api = api;
    }

    private static String currentRegistryCsv() {
        StringWriter csv = new StringWriter();
        RegistryCsv.writeAgencies(csv, new RegistrySource(new RegistryConfiguration()).load().agencies());
        return csv.toString();
    }

    @Test
    void aRegistryLoadRecordsTheSubjectAndUsernameOfTheToken() throws Exception {
        String token = api.tokens().accessToken("platform-admin");
        String subject = SignedJWT.parse(token).getJWTClaimsSet().getSubject();

        TestingOversightApi.Response load = api.withToken(token).post("/api/v1/registry/agencies", "text/csv", currentRegistryCsv());

        assertThat(load.status()).isEqualTo(200);
        assertThat(load.json().get("changed").asBoolean()).isFalse();
        JsonNode latest = api.as("platform-admin").get("/api/v1/audit-events?limit=1").json().get(0);
        assertThat(latest.get("subject").asText()).isEqualTo(subject);
        assertThat(latest.get("username").asText()).isEqualTo("platform-admin");
        assertThat(latest.get("action").asText()).isEqualTo("registry.load");
        assertThat(new ObjectMapper().readTree(latest.get("details").asText()).get("agencies").asInt()).isEqualTo(7_850);
    }

    @Test
    void aBadCodeListIsRefusedWithEveryProblemAndLoadsNothing() {
        int before = api.as("platform-admin").get("/api/v1/audit-events?limit=1000").json().size();

        TestingOversightApi.Response refused = api.as("platform-admin").post("/api/v1/registry/agencies", "text/csv",
                "code,name_th,type,province_code,district\n6730301,องค์การบริหารส่วนตำบลบางระกำ,SAO,73,นครชัยศรี\n"
                        + "67X,,village,99,ก\n");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("message").asText())
                .contains("upload, line 3, column code", "upload, line 3, column name_th", "upload, line 3, column type");
        assertThat(api.as("platform-admin").get("/api/v1/audit-events?limit=1000").json().size()).isEqualTo(before);
        assertThat(api.as("platform-admin").get("/api/v1/agencies/6730301").json().get("nameTh").asText())
                .isEqualTo("องค์การบริหารส่วนตำบลบางระกำ");
    }

    @Test
    void theTrailIsAppendOnlyInTheDatabase() {
        api.as("platform-admin").post("/api/v1/registry/agencies", "text/csv", currentRegistryCsv());
        Jdbi postgres = Jdbi.create(api.support().getConfiguration().getDatabase().getUrl());

        assertThatThrownBy(() -> postgres.useHandle(h -> h.execute("UPDATE audit_event SET username = 'someone-else'")))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> postgres.useHandle(h -> h.execute("DELETE FROM audit_event")))
                .hasMessageContaining("append-only");
    }

    @Test
    void onlyPlatformAdministratorsReadTheTrail() {
        assertThat(api.as("officer-nakhonpathom").get("/api/v1/audit-events").status()).isEqualTo(403);
        assertThat(api.as("platform-admin").get("/api/v1/audit-events?limit=0").status()).isEqualTo(400);
    }
}
