package org.itaoversight.api.reports.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.util.Duration;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.itaoversight.api.OversightApplication;
import org.itaoversight.api.ita.analytics.AnalyticsDao;
import org.itaoversight.api.ita.catalog.Catalog;
import org.itaoversight.api.registry.PostgresAgencyDirectory;
import org.itaoversight.api.registry.RegistryDao;
import org.itaoversight.api.testing.TestingOversightApi;
import org.itaoversight.api.testing.TestingPdf;
import org.itaoversight.api.testing.TestingServers;
import org.itaoversight.tenants.access.AccessPolicy;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The monthly schedule against real PostgreSQL (db-scheduler), ClickHouse, Keycloak (recipients) and a real SMTP
 * server (GreenMail): exactly one delivery per month with two scheduler instances, a run missed while stopped sent
 * once after the restart, and a failing SMTP retried and then reported; and the nightly completion snapshot. This
 * class owns fiscal years 2563 (results) and 2567 (measures) of อบต.ถ้ำรงค์ (6760401, province 76).
 */
@ExtendWith(TestingServers.class)
class MonthlyReportsTest {

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final String THAMRONG_ADMIN = "admin-thamrong@ita-oversight.example";
    private static final String PHETCHABURI_OFFICER = "officer-phetchaburi@ita-oversight.example";

    private final TestingOversightApi api;
    private final OversightApplication.Running running;
    private final List<MonthlyReports> started = new ArrayList<>();

    MonthlyReportsTest(TestingOversightApi api) {
        this.api = api;
        this.running = ((OversightApplication) api.support().getApplication()).running().orElseThrow();
        TestingOversightApi.Response loaded = api.as("platform-admin").post("/api/v1/ita/loads?fileName=2563.csv", "text/csv",
                "agency_code,fiscal_year,total,level\n6760401,2563,88.50,A\n");
        assertThat(loaded.status()).as(loaded.body()).isEqualTo(200);
    }

    @AfterEach
    void stopSchedulers() {
        started.forEach(MonthlyReports::stop);
    }

    private MonthlyReports scheduler(String name, int smtpPort, int maxAttempts) {
        Jdbi postgres = running.databases().postgres();
        RegistryDao registry = postgres.onDemand(RegistryDao.class);
        ReportsConfiguration configuration = new ReportsConfiguration();
        configuration.setTickInterval(Duration.milliseconds(300));
        configuration.setPollingInterval(Duration.milliseconds(300));
        configuration.setMaxAttempts(maxAttempts);
        configuration.setFirstRetryDelay(Duration.milliseconds(300));
        configuration.setRetryBackoffMultiplier(1.5);
        configuration.getSmtp().setPort(smtpPort);
        configuration.getSmtp().setTimeout(Duration.seconds(5));
        ReportDelivery delivery = new ReportDelivery(postgres.onDemand(ReportScheduleDao.class), running.reports(),
                running.databases().clickhouse().onDemand(AnalyticsDao.class), registry, Catalog.bundled(), running.recipients(),
                new AccessPolicy(new PostgresAgencyDirectory(registry)), new SmtpMailer(configuration.getSmtp()),
                Jackson.newObjectMapper());
        MonthlyReports scheduler = new MonthlyReports(running.databases().postgresDataSource(), postgres, delivery, configuration,
                Clock.systemUTC(), name);
        scheduler.start();
        started.add(scheduler);
        return scheduler;
    }

    private long schedule(String scope, String code, String recipient) {
        TestingOversightApi.Response created = api.as("platform-admin").post("/api/v1/report-schedules", "application/json", """
                {"scope": "%s", "code": "%s", "dayOfMonth": 1, "timeOfDay": "00:00", "recipients": ["%s"]}"""
                .formatted(scope, code, recipient));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("timeZone").asText()).isEqualTo("Asia/Bangkok");
        return created.json().get("id").asLong();
    }

    private JsonNode runs(long schedule) {
        return api.as("platform-admin").get("/api/v1/report-schedules/" + schedule + "/runs").json();
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(90);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(200);
        }
    }

    private static List<MimeMessage> mailTo(String recipient) throws Exception {
        List<MimeMessage> messages = new ArrayList<>();
        for (MimeMessage message : MAIL.getReceivedMessages()) {
            if (List.of(message.getAllRecipients()).toString().contains(recipient)) {
                messages.add(message);
            }
        }
        return messages;
    }

    @Test
    void twoSchedulerInstancesOnOneDatabaseSendTheMonthExactlyOnce() throws Exception {
        long schedule = schedule("AGENCY", "6760401", THAMRONG_ADMIN);
        int port = MAIL.getSmtp().getPort();
        scheduler("instance-a", port, 3);
        scheduler("instance-b", port, 3);

        await("the run to be sent", () -> runs(schedule).size() == 1 && runs(schedule).get(0).get("status").asText().equals("SENT"));
        Thread.sleep(3000); // several more ticks of both instances
        assertThat(runs(schedule)).hasSize(1);
        assertThat(runs(schedule).get(0).get("period").asText())
                .isEqualTo(YearMonth.now(ZoneId.of("Asia/Bangkok")).toString());
        List<MimeMessage> delivered = mailTo(THAMRONG_ADMIN);
        assertThat(delivered).hasSize(1);
        MimeMultipart parts = (MimeMultipart) delivered.getFirst().getContent();
        // Thai months and Buddhist-era years, as the PDF writes them: "ประจำเดือนพฤศจิกายน 2569", "ณ วันที่ 1 พฤศจิกายน 2569".
        YearMonth month = YearMonth.now(ZoneId.of("Asia/Bangkok"));
        String monthTh = List.of("มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม", "สิงหาคม",
                "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม").get(month.getMonthValue() - 1) + " " + (month.getYear() + 543);
        assertThat(delivered.getFirst().getSubject())
                .isEqualTo("รายงานผลการประเมิน ITA ประจำเดือน" + monthTh + " — องค์การบริหารส่วนตำบลถ้ำรงค์");
        assertThat((String) parts.getBodyPart(0).getContent()).contains("ข้อมูลมาตรการ ณ วันที่ 1 " + monthTh);
        assertThat(parts.getBodyPart(1).getFileName()).startsWith("ita-agency-6760401-");
        byte[] pdf = parts.getBodyPart(1).getInputStream().readAllBytes();
        assertThat(TestingPdf.text(pdf)).contains("องค์การบริหารส่วนตำบลถ้ำรงค์");
        // The archive holds the same PDF, for the people allowed to see the agency.
        long run = runs(schedule).get(0).get("id").asLong();
        TestingOversightApi.Response archived = api.as("admin-thamrong").get("/api/v1/report-runs/" + run + "/report.pdf");
        assertThat(archived.status()).isEqualTo(200);
        assertThat(archived.bytes()).isEqualTo(pdf);
        assertThat(api.as("admin-bangrakam").get("/api/v1/report-runs/" + run + "/report.pdf").status()).isEqualTo(403);
        assertThat(api.as("officer-nakhonpathom").get("/api/v1/report-runs/" + run).status()).isEqualTo(403);
    }

    @Test
    void aRunMissedWhileStoppedIsSentOnceAfterTheRestart() throws Exception {
        // Due on the 1st at 00:00 of this month: it was missed, as no scheduler was running.
        long schedule = schedule("PROVINCE", "76", PHETCHABURI_OFFICER);
        assertThat(runs(schedule)).isEmpty();
        int port = MAIL.getSmtp().getPort();
        MonthlyReports first = scheduler("restart-1", port, 3);
        await("the missed run to be sent", () -> runs(schedule).size() == 1 && runs(schedule).get(0).get("status").asText().equals("SENT"));
        first.stop();
        scheduler("restart-2", port, 3);
        Thread.sleep(3000);

        assertThat(runs(schedule)).hasSize(1);
        assertThat(mailTo(PHETCHABURI_OFFICER)).hasSize(1);
        assertThat(mailTo(PHETCHABURI_OFFICER).getFirst().getSubject()).contains("จังหวัดเพชรบุรี");
    }

    @Test
    void aFailingSmtpServerIsRetriedWithBackoffAndThenReported() throws Exception {
        long schedule = schedule("AGENCY", "6760401", THAMRONG_ADMIN);
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        scheduler("failing", closedPort, 3);

        await("the run to fail", () -> runs(schedule).size() == 1 && runs(schedule).get(0).get("status").asText().equals("FAILED"));
        JsonNode run = runs(schedule).get(0);
        assertThat(run.get("attempts").asInt()).isEqualTo(3);
        assertThat(run.get("lastError").asText()).contains("MailConnectException");
        assertThat(mailTo(THAMRONG_ADMIN)).isEmpty();
        // Archived before the send was tried: the agency can still read what would have been sent.
        assertThat(api.as("admin-thamrong").get("/api/v1/report-runs/" + run.get("id").asLong()).json().get("status").asText())
                .isEqualTo("FAILED");
        assertThat(api.as("admin-thamrong").get("/api/v1/report-runs/" + run.get("id").asLong() + "/report.pdf").status()).isEqualTo(200);
    }

    @Test
    void aRunRetriedWhileTheSmtpServerIsDownIsSentOnceWhenItIsBack() throws Exception {
        long schedule = schedule("AGENCY", "6760401", THAMRONG_ADMIN);
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        scheduler("recovering", port, 30);

        await("a retry while the server is down", () -> runs(schedule).size() == 1 && runs(schedule).get(0).get("attempts").asInt() >= 2);
        assertThat(runs(schedule).get(0).get("status").asText()).isEqualTo("RETRYING");
        com.icegreen.greenmail.util.GreenMail back = new com.icegreen.greenmail.util.GreenMail(
                new com.icegreen.greenmail.util.ServerSetup(port, "127.0.0.1", com.icegreen.greenmail.util.ServerSetup.PROTOCOL_SMTP));
        back.start();
        try {
            await("the run to be sent", () -> runs(schedule).get(0).get("status").asText().equals("SENT"));
            JsonNode run = runs(schedule).get(0);
            assertThat(run.get("attempts").asInt()).isGreaterThanOrEqualTo(3);
            assertThat(run.get("lastError").isNull()).isTrue();
            List<MimeMessage> received = new ArrayList<>();
            for (MimeMessage message : back.getReceivedMessages()) {
                if (List.of(message.getAllRecipients()).toString().contains(THAMRONG_ADMIN)) {
                    received.add(message);
                }
            }
            assertThat(received).as("sent once").hasSize(1);
        } finally {
            back.stop();
        }
    }

    @Test
    void theNightlyTaskSnapshotsTheMonthThatEndedIntoClickHouse() {
        TestingOversightApi.Response created = api.as("admin-thamrong").post("/api/v1/agencies/6760401/measures", "application/json", """
                {"fiscalYear": 2567, "number": 77, "title": "เผยแพร่แผนการใช้จ่ายงบประมาณ", "status": "IN_PROGRESS",
                 "periodStart": "2023-10-01", "periodEnd": "2024-01-31"}""");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Clock march2024 = Clock.fixed(Instant.parse("2024-03-05T00:00:00Z"), java.time.ZoneOffset.UTC);
        org.itaoversight.api.measures.CompletionSnapshots snapshots = new org.itaoversight.api.measures.CompletionSnapshots(
                running.databases().postgres(), running.databases().clickhouse(), march2024);
        MonthlyReports nightly = new MonthlyReports(running.databases().postgresDataSource(), running.databases().postgres(),
                null, new ReportsConfiguration(), march2024, "nightly", java.util.Optional.of(snapshots));

        nightly.snapshotLastMonth(snapshots);

        JsonNode months = api.as("officer-phetchaburi").get("/api/v1/provinces/76/measure-completion/monthly?year=2567").json()
                .get("months");
        assertThat(months).anySatisfy(month -> {
            assertThat(month.get("month").asText()).isEqualTo("2024-02-01");
            // Other test classes may have imported ถ้ำรงค์'s 2567 measures into the shared API: this one is among them.
            assertThat(month.get("planned").asInt()).isGreaterThanOrEqualTo(1);
            assertThat(month.get("overdue").asInt()).isGreaterThanOrEqualTo(1);
        });
    }

    @Test
    void aRecipientWhoMayNotSeeTheAgencyIsRefused() {
        TestingOversightApi.Response refused = api.as("platform-admin").post("/api/v1/report-schedules", "application/json", """
                {"scope": "AGENCY", "code": "6760401", "dayOfMonth": 1, "recipients": ["admin-bangrakam@ita-oversight.example"]}""");

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("errors").get("recipients").asText()).contains("ไม่มีสิทธิ์รับรายงาน");
        TestingOversightApi.Response unknown = api.as("platform-admin").post("/api/v1/report-schedules", "application/json", """
                {"scope": "PROVINCE", "code": "76", "dayOfMonth": 31, "recipients": ["nobody@example.org"]}""");
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().get("errors").get("dayOfMonth").asText()).contains("1–28");
    }
}
