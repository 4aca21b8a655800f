package org.itaoversight.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.GZIPOutputStream;
import org.itaoversight.api.testing.TestingOversightApi;
import org.itaoversight.api.testing.TestingServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Request bodies are read only for callers allowed to send them, and never beyond the size their endpoint accepts
 * (with the default limits: 64 MB for result files, 256 KB for JSON), counting the inflated bytes of gzip bodies.
 */
@ExtendWith(TestingServers.class)
class RequestBodyLimitsTest {

    /** 150 MB of result-file rows once inflated, about 150 KB as sent. */
    private static final byte[] GZIP_BOMB = gzip(150L * 1024 * 1024);
    /** A body that says it is gzip but is not: reading it fails (400), so an answer other than 400 means it was not read. */
    private static final byte[] NOT_GZIP = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 'n', 'o', 't', ' ', 'g', 'z', 'i', 'p'};

    private final TestingOversightApi api;

    RequestBodyLimitsTest(TestingOversightApi api) {
        this.api = api;
    }

    private static byte[] gzip(long inflatedBytes) {
        byte[] rows = "6730301,2565,89.79,A\n".repeat(4096).getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out, 1 << 16)) {
            gzip.write("agency_code,fiscal_year,total,level\n".getBytes(StandardCharsets.US_ASCII));
            for (long written = 0; written < inflatedBytes; written += rows.length) {
                gzip.write(rows);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @Test
    void aBodyIsNotReadForACallerWhoMayNotSendIt() {
        // Were the body read, the broken gzip would answer 400; the platform administrator's does.
        assertThat(api.as("admin-bangrakam").post("/api/v1/ita/loads", "text/csv", NOT_GZIP, "Content-Encoding", "gzip")
                .status()).isEqualTo(403);
        assertThat(api.as("officer-nakhonpathom").post("/api/v1/registry/agencies", "text/csv", NOT_GZIP,
                "Content-Encoding", "gzip").status()).isEqualTo(403);
        assertThat(api.as("admin-bangrakam").post("/api/v1/agencies/6760401/measure-imports", "text/plain", NOT_GZIP,
                "Content-Encoding", "gzip").status()).isEqualTo(403);
        assertThat(api.as("platform-admin").post("/api/v1/report-schedules", "application/json", NOT_GZIP,
                "Content-Encoding", "gzip").status()).isEqualTo(400);
    }

    @Test
    void fourParallelGzipBombsOfAnAgencyAdministratorAreRefusedUnreadWhileOthersAreServed() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            TestingOversightApi.Caller agencyAdministrator = api.as("admin-bangrakam");
            List<CompletableFuture<Integer>> bombs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                bombs.add(CompletableFuture.supplyAsync(() -> agencyAdministrator.post("/api/v1/ita/load-checks",
                        "text/csv", GZIP_BOMB, "Content-Encoding", "gzip").status(), pool));
            }
            TestingOversightApi.Response other = api.as("officer-nakhonpathom").get("/api/v1/provinces/73/agencies");
            for (CompletableFuture<Integer> bomb : bombs) {
                assertThat(bomb.get()).isEqualTo(403);
            }
            assertThat(other.status()).isEqualTo(200);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aGzipBodyIsCountedInflatedAndRefusedAtItsEndpointsLimit() {
        TestingOversightApi.Response response = api.as("platform-admin").post("/api/v1/ita/load-checks?fileName=bomb.csv",
                "text/csv", GZIP_BOMB, "Content-Encoding", "gzip");

        assertThat(GZIP_BOMB.length).isLessThan(1024 * 1024);
        assertThat(response.status()).as(response.body()).isEqualTo(413);
        assertThat(response.json().get("message").asText()).contains("ไฟล์ผลการประเมิน ITA").contains("64 MB");
        assertThat(api.as("platform-admin").get("/api/v1/provinces").status()).isEqualTo(200);
    }

    @Test
    void aMeasuresDocumentAboveRequestsMaxMeasuresDocumentIsRefusedBeforeTheDocumentReaderSeesIt() {
        String preview = "/api/v1/agencies/6730301/measure-imports?dryRun=true&fileName=big.pdf";
        // Declared larger than 20 MB: refused on its Content-Length (Expect: 100-continue, so not even sent).
        TestingOversightApi.Response declared = api.as("admin-bangrakam").post(preview, "application/pdf",
                new byte[20 * 1024 * 1024 + 1]);
        // A Word document that inflates past 20 MB as gzip: refused while it is counted, whatever its content.
        TestingOversightApi.Response inflated = api.as("admin-bangrakam").post(preview.replace("big.pdf", "big.docx"),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", gzip(21L * 1024 * 1024),
                "Content-Encoding", "gzip");

        for (TestingOversightApi.Response response : List.of(declared, inflated)) {
            assertThat(response.status()).as(response.body()).isEqualTo(413);
            assertThat(response.json().get("message").asText()).contains("เอกสารรายงานมาตรการ").contains("20 MB");
        }
        // Another agency's administrator is refused before a byte is read (403, not 413 or 422).
        assertThat(api.as("admin-thamrong").post(preview, "application/pdf", new byte[20 * 1024 * 1024 + 1]).status())
                .isEqualTo(403);
    }

    @Test
    void aJsonBodyAboveItsLimitIsRefusedInThaiAndNothingIsStored() {
        String title = "ก".repeat(300 * 1024 / 3 + 10);
        String measure = "{\"fiscalYear\":2567,\"number\":1,\"title\":\"" + title + "\"}";
        int before = api.as("admin-bangrakam").get("/api/v1/agencies/6730301/measures?year=2567&size=200").json().get("total").asInt();

        TestingOversightApi.Response response = api.as("admin-bangrakam").post("/api/v1/agencies/6730301/measures",
                "application/json", measure);
        TestingOversightApi.Response gzipped = api.as("admin-bangrakam").post("/api/v1/agencies/6730301/measures",
                "application/json", gzipText(measure), "Content-Encoding", "gzip");

        assertThat(response.status()).as(response.body()).isEqualTo(413);
        assertThat(response.json().get("message").asText()).contains("ข้อมูล JSON").contains("256 KB");
        assertThat(gzipped.status()).as(gzipped.body()).isEqualTo(413);
        assertThat(api.as("admin-bangrakam").get("/api/v1/agencies/6730301/measures?year=2567&size=200").json().get("total").asInt())
                .isEqualTo(before);
    }

    @Test
    void aBadFileAnswersWithItsFirstProblemsAndTheirNumberNotOneProblemPerRow() {
        StringBuilder csv = new StringBuilder("agency_code,fiscal_year,total\n");
        int rows = 0;
        while (csv.length() < 9 * 1024 * 1024) {
            csv.append("6730301,2565,").append(101 + rows % 800).append(".5\n");
            rows++;
        }
        TestingOversightApi.Response response = api.as("platform-admin").post("/api/v1/ita/load-checks?fileName=bad-9mb.csv",
                "text/csv", csv.toString());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("problemCount").asLong()).isEqualTo(rows);
        assertThat(response.json().get("truncated").asBoolean()).isTrue();
        assertThat(response.json().get("problems")).hasSize(100);
        assertThat(response.json().get("problems").get(0).get("row").asInt()).isEqualTo(2);
        assertThat(response.json().get("message").asText()).contains(String.valueOf(rows)).contains("100 รายการแรก");
        assertThat(response.bytes().length).isLessThan(64 * 1024);
    }

    @Test
    void everyResourceMethodThatReadsABodyDeclaresWhoMaySendItAndItsKind() {
        List<String> undeclared = new ArrayList<>();
        for (Object resource : api.support().getEnvironment().jersey().getResourceConfig().getInstances()) {
            for (Method method : resource.getClass().getMethods()) {
                if (RequestBodyGuard.readsBodies(method) && hasEntityParameter(method)
                        && method.getAnnotation(GuardedBody.class) == null) {
                    undeclared.add(resource.getClass().getSimpleName() + "." + method.getName());
                }
            }
        }
        assertThat(undeclared).isEmpty();
    }

    private static boolean hasEntityParameter(Method method) {
        return Arrays.stream(method.getParameters()).anyMatch(RequestBodyLimitsTest::isEntity);
    }

    private static boolean isEntity(Parameter parameter) {
        return Arrays.stream(parameter.getAnnotations()).noneMatch(a -> a.annotationType().getPackageName().startsWith("jakarta.ws.rs")
                || a.annotationType().getPackageName().startsWith("io.dropwizard.auth"));
    }

    private static byte[] gzipText(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
