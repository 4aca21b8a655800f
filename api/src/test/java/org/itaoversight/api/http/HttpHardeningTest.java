package org.itaoversight.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.itaoversight.api.testing.TestingKeycloak;
import org.itaoversight.api.testing.TestingOversightApi;
import org.itaoversight.api.testing.TestingServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What every request and response goes through: tokens only in headers, never logged; headers; parameters. */
@ExtendWith(TestingServers.class)
class HttpHardeningTest {

    private static final Path REQUEST_LOG = Path.of("target/testing/requests.log");

    private final TestingOversightApi api;
    private final TestingKeycloak keycloak;

    HttpHardeningTest(TestingOversightApi api, TestingKeycloak keycloak) {
        this.api = api;
        this.keycloak = keycloak;
    }

    @Test
    void aTokenInTheQueryIsRefusedAndNoTokenEverReachesTheRequestLog() throws Exception {
        String token = api.tokens().accessToken("officer-nakhonpathom");
        String marker = "marker" + System.nanoTime();

        TestingOversightApi.Response inQuery = api.anonymous().get("/api/v1/provinces/73/agencies?access_token=" + token
                + "&m=" + marker);
        TestingOversightApi.Response signInCode = api.anonymous().get("/app/?code=" + token.substring(0, 40) + "&m=" + marker);

        assertThat(inQuery.status()).isEqualTo(400);
        assertThat(inQuery.json().get("message").asText()).contains("Authorization");
        assertThat(signInCode.status()).isEqualTo(200);
        String log = logLinesWith(marker, 2);
        assertThat(log).contains("access_token=REDACTED").contains("code=REDACTED");
        assertThat(log).doesNotContain(token.substring(0, 40));
        assertThat(Files.readString(REQUEST_LOG, StandardCharsets.UTF_8)).doesNotContain(token.substring(0, 40));
    }

    /** The request log's lines with a marker, once the asynchronous appender has written the expected number. */
    private static String logLinesWith(String marker, int lines) throws IOException, InterruptedException {
        for (int attempt = 0; attempt < 100; attempt++) {
            if (Files.exists(REQUEST_LOG)) {
                String found = String.join("\n", Files.readAllLines(REQUEST_LOG, StandardCharsets.UTF_8).stream()
                        .filter(line -> line.contains(marker)).toList());
                if (found.lines().count() >= lines) {
                    return found;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the request log " + REQUEST_LOG.toAbsolutePath() + " has no " + lines + " lines with " + marker);
    }

    @Test
    void pagingBeyondAnyListOrBeyondAnIntIsABadRequest() {
        TestingOversightApi.Caller admin = api.as("admin-bangrakam");
        String measures = "/api/v1/agencies/6730301/measures";

        assertThat(admin.get(measures + "?page=10737420&size=200").status()).isEqualTo(400);
        assertThat(admin.get(measures + "?page=2147483647&size=200").status()).isEqualTo(400);
        TestingOversightApi.Response notAnInt = admin.get(measures + "?page=99999999999&size=200");
        assertThat(notAnInt.status()).isEqualTo(400);
        assertThat(notAnInt.json().get("message").asText()).contains("page");
        assertThat(admin.get(measures + "?page=1&size=99999999999").status()).isEqualTo(400);
        assertThat(admin.get(measures + "?page=1000&size=200").status()).isEqualTo(200);
        assertThat(api.as("platform-admin").get("/api/v1/audit-events?limit=99999999999").status()).isEqualTo(400);
        assertThat(api.as("platform-admin").get("/api/v1/ita/loads?limit=-2147483648").status()).isEqualTo(400);
        assertThat(api.as("officer-nakhonpathom").get("/api/v1/provinces/73/ita/movers?year=2567&limit=4294967296").status())
                .isEqualTo(400);
    }

    @Test
    void theDashboardIsServedWithAContentSecurityPolicyAndNeverFramed() {
        TestingOversightApi.Response page = api.anonymous().get("/app/");

        assertThat(page.status()).isEqualTo(200);
        String csp = page.header("Content-Security-Policy");
        assertThat(csp).contains("default-src 'none'").contains("script-src 'self'").contains("frame-ancestors 'none'")
                .contains("connect-src 'self' " + SecurityHeadersFilter.origin(keycloak.issuer())).doesNotContain("unsafe-eval");
        assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(api.anonymous().get("/app/app.js").header("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void apiAnswersAndArchivedPdfsAreNeverStored() {
        TestingOversightApi.Response json = api.as("officer-nakhonpathom").get("/api/v1/provinces/73/agencies");
        TestingOversightApi.Response pdf = api.as("officer-nakhonpathom").get("/api/v1/provinces/73/report.pdf?year=2568");
        TestingOversightApi.Response refused = api.as("admin-bangrakam").get("/api/v1/provinces/73/agencies");

        assertThat(json.status()).isEqualTo(200);
        assertThat(json.header("Cache-Control")).isEqualTo("no-store");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).startsWith("application/pdf");
        assertThat(pdf.header("Cache-Control")).contains("no-store");
        assertThat(refused.header("Cache-Control")).isEqualTo("no-store");
    }
}
