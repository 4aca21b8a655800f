package org.itaoversight.api.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.dropwizard.testing.ConfigOverride;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.itaoversight.api.testing.TestingClickHouse;
import org.itaoversight.api.testing.TestingKeycloak;
import org.itaoversight.api.testing.TestingOversightApi;
import org.itaoversight.api.testing.TestingPostgres;
import org.itaoversight.api.testing.TestingServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Faults survived, against real servers of this class's own (the shared ones are never stopped): ClickHouse stopped,
 * PostgreSQL stopped, the identity provider out of reach — and everything back when they return. The API reaches the
 * realm's keys through a relay this class can cut (the API then sees Keycloak gone while tokens are still issued).
 */
@ExtendWith(TestingServers.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsTest {

    private final TestingPostgres postgres = TestingPostgres.startStoppable();
    private final TestingClickHouse clickhouse = TestingClickHouse.startStoppable();
    private final TestingKeycloak keycloak;
    private final HttpServer keysRelay;
    private final TestingOversightApi api;

    FaultsTest(TestingKeycloak keycloak) throws IOException {
        this.keycloak = keycloak;
        this.keysRelay = relay(keycloak.issuer() + "/protocol/openid-connect/certs");
        this.api = TestingOversightApi.start(postgres, clickhouse, keycloak,
                ConfigOverride.config("auth.jwksUrl", "http://127.0.0.1:" + keysRelay.getAddress().getPort() + "/certs"));
    }

    /** A relay of the realm's published keys, on a port of its own. */
    private static HttpServer relay(String certs) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        HttpClient http = HttpClient.newHttpClient();
        server.createContext("/certs", exchange -> {
            try {
                byte[] body = http.send(HttpRequest.newBuilder(URI.create(certs)).build(), HttpResponse.BodyHandlers.ofByteArray()).body();
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exchange.sendResponseHeaders(502, -1);
            }
        });
        server.start();
        return server;
    }

    @AfterAll
    void stopEverything() {
        api.close();
        keysRelay.stop(0);
        clickhouse.close();
        postgres.close();
    }

    /** Waits (bounded) until a request answers with a status: the pools notice a server that came back. */
    private static TestingOversightApi.Response eventually(int status, Supplier<TestingOversightApi.Response> request)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        TestingOversightApi.Response response = request.get();
        while (response.status() != status && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            response = request.get();
        }
        return response;
    }

    @Test
    @Order(1)
    void clickHouseStoppedAnswers503InThaiWhileMeasuresWorkAndAllComesBack() throws Exception {
        TestingOversightApi.Caller admin = api.as("platform-admin");
        TestingOversightApi.Caller agency = api.as("admin-bangrakam");
        assertThat(admin.post("/api/v1/ita/loads?fileName=f.csv", "text/csv", "agency_code,fiscal_year,total,level\n6730301,2565,81.25,B\n")
                .status()).isEqualTo(200);
        String measures = "/api/v1/agencies/6730301/measures";
        assertThat(agency.post(measures, "application/json", "{\"fiscalYear\": 2566, \"number\": 1, \"title\": \"ก่อนหยุด\", \"status\": \"PLANNED\"}")
                .status()).isEqualTo(201);

        clickhouse.stop();

        TestingOversightApi.Response ranking = admin.get("/api/v1/provinces/73/ita/ranking?year=2565");
        assertThat(ranking.status()).as(ranking.body()).isEqualTo(503);
        assertThat(ranking.json().get("message").asText()).contains("ClickHouse").contains("ไม่พร้อมให้บริการชั่วคราว");
        assertThat(ranking.header("Retry-After")).isNotEmpty();
        assertThat(agency.get(measures + "?year=2566").status()).isEqualTo(200);
        assertThat(agency.post(measures, "application/json", "{\"fiscalYear\": 2566, \"number\": 2, \"title\": \"ระหว่างหยุด\", \"status\": \"PLANNED\"}")
                .status()).isEqualTo(201);
        assertThat(agency.get("/api/v1/agencies/6730301/measure-completion?year=2566").status()).isEqualTo(200);
        TestingOversightApi.Response health = api.getAdmin("/healthcheck");
        assertThat(health.status()).isEqualTo(500);
        assertThat(health.json().get("clickhouse").get("healthy").asBoolean()).isFalse();
        assertThat(health.json().get("postgresql").get("healthy").asBoolean()).isTrue();

        clickhouse.restart();

        TestingOversightApi.Response back = eventually(200, () -> admin.get("/api/v1/provinces/73/ita/ranking?year=2565"));
        assertThat(back.status()).as(back.body()).isEqualTo(200);
        assertThat(back.body()).contains("81.25");
        assertThat(eventually(200, () -> api.getAdmin("/healthcheck")).json().get("clickhouse").get("healthy").asBoolean()).isTrue();
    }

    @Test
    @Order(2)
    void postgresStoppedAnswers503NotA500AndAllComesBack() throws Exception {
        TestingOversightApi.Caller agency = api.as("admin-bangrakam");
        String measures = "/api/v1/agencies/6730301/measures?year=2566";
        assertThat(agency.get(measures).status()).isEqualTo(200);

        postgres.stop();

        TestingOversightApi.Response down = agency.get(measures);
        assertThat(down.status()).as(down.body()).isEqualTo(503);
        assertThat(down.json().get("message").asText()).contains("PostgreSQL");
        assertThat(api.as("officer-nakhonpathom").get("/api/v1/provinces/73/agencies").status()).isEqualTo(503);
        assertThat(api.getAdmin("/healthcheck").json().get("postgresql").get("healthy").asBoolean()).isFalse();

        postgres.restart();

        TestingOversightApi.Response back = eventually(200, () -> agency.get(measures));
        assertThat(back.status()).as(back.body()).isEqualTo(200);
        assertThat(back.json().get("total").asInt()).isEqualTo(2);
    }

    @Test
    @Order(3)
    void keycloakOutOfReachTokensAlreadyIssuedStillVerifyFromTheCachedKeys() {
        String officer = api.tokens().accessToken("officer-nakhonpathom");
        String admin = api.tokens().accessToken("platform-admin");
        assertThat(api.withToken(officer).get("/api/v1/provinces/73/agencies").status()).isEqualTo(200);

        keysRelay.stop(0);

        assertThat(api.withToken(officer).get("/api/v1/provinces/73/agencies").status()).isEqualTo(200);
        assertThat(api.withToken(admin).get("/api/v1/ita/loads").status()).isEqualTo(200);
        assertThat(api.withToken(officer.substring(0, officer.length() - 4) + "AAAA").get("/api/v1/provinces/73/agencies").status())
                .isEqualTo(401);
        assertThat(api.anonymous().get("/api/v1/provinces").status()).isEqualTo(401);
        assertThat(keycloak.issuer()).isNotBlank();
    }
}
