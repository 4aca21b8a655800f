package org.itaoversight.api.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.health.HealthCheck;
import org.itaoversight.api.testing.TestingKeycloak;
import org.itaoversight.api.testing.TestingOversightApi;
import org.itaoversight.api.testing.TestingServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Health checks and metrics on the admin port. */
@ExtendWith(TestingServers.class)
class AdminEndpointsTest {

    private final TestingOversightApi api;
    private final TestingKeycloak keycloak;

    AdminEndpointsTest(TestingOversightApi api, TestingKeycloak keycloak) {
        this.api = api;
        this.keycloak = keycloak;
    }

    @Test
    void bothDatabasesAreHealthy() {
        TestingOversightApi.Response health = api.getAdmin("/healthcheck");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("postgresql").get("healthy").asBoolean()).isTrue();
        assertThat(health.json().get("clickhouse").get("healthy").asBoolean()).isTrue();
        assertThat(health.json().get("keycloak").get("healthy").asBoolean()).isTrue();
        assertThat(health.json().get("keycloak").get("message").asText()).contains("/realms/ita-oversight", "published key(s)");
        // The API under test runs no scheduler, so it sends no mail and does not depend on SMTP.
        assertThat(health.json().has("smtp")).isFalse();
    }

    @Test
    void aRealmThatDoesNotAnswerIsUnhealthy() throws Exception {
        String missing = keycloak.issuer().replace("/realms/ita-oversight", "/realms/no-such-realm");

        HealthCheck.Result result = new KeycloakHealthCheck(missing, new com.fasterxml.jackson.databind.ObjectMapper()).execute();

        assertThat(result.isHealthy()).isFalse();
        assertThat(result.getMessage()).isEqualTo("realm " + missing + ": discovery answered HTTP 404");
    }

    @Test
    void theApplicationsOwnClickHouseConnectionReachesClickHouse26() {
        HealthCheck.Result result = api.support().getEnvironment().healthChecks().runHealthCheck("clickhouse");

        assertThat(result.isHealthy()).isTrue();
        assertThat(result.getMessage()).matches("ClickHouse 26\\.\\d+\\.\\d+\\.\\d+");
    }

    @Test
    void resourceTimingsAppearInTheMetrics() {
        api.as("platform-admin").get("/api/v1/provinces");

        TestingOversightApi.Response metrics = api.getAdmin("/metrics");

        assertThat(metrics.json().get("timers").get("org.itaoversight.api.registry.ProvincesResource.list").get("count").asInt())
                .isPositive();
    }
}
