package org.itaoversight.api.scaleout;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.itaoversight.api.dashboard.DashboardConfigResource;
import org.itaoversight.api.ita.catalog.Catalog;
import org.itaoversight.api.registry.RegistryConfiguration;
import org.itaoversight.api.registry.RegistrySource;
import org.itaoversight.api.testing.KeycloakTokens;
import org.itaoversight.api.testing.TestingBrowser;
import org.itaoversight.api.testing.TestingKeycloak;
import org.itaoversight.api.testing.TestingLoadBalancer;
import org.itaoversight.api.testing.TestingOversightApi;
import org.itaoversight.api.testing.TestingServers;
import org.itaoversight.tenants.registry.Agency;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Two API instances on one PostgreSQL and one ClickHouse behind a round-robin load balancer: a load through one
 * instance waits for the year's lock held elsewhere, and the first instance, whose cache held the province's ranking
 * from before, answers with the loaded year at once (the data version is in the shared PostgreSQL); a browser session
 * signed in through the balancer goes on when one instance is stopped. (The monthly schedule sent exactly once by two scheduler instances on one database is
 * {@code MonthlyReportsTest}.) This class owns fiscal year 2564 of the results of นครปฐม (73).
 */
@ExtendWith(TestingServers.class)
class TwoApiInstancesTest {

    private static final int YEAR = 2564;

    private final TestingOversightApi first;
    private final KeycloakTokens tokens;

    TwoApiInstancesTest(TestingOversightApi first, TestingKeycloak keycloak) {
        this.first = first;
        this.tokens = new KeycloakTokens(keycloak);
    }

    @Test
    void aLoadWaitsForTheYearsLockHeldElsewhereAndABrowserSessionOutlivesAStoppedInstance() throws Exception {
        List<String> agencies = new RegistrySource(new RegistryConfiguration()).load().agenciesOf("73").stream()
                .map(Agency::code).limit(2).toList();
        Catalog catalog = Catalog.bundled();
        String csv = "agency_code,fiscal_year,total,level\n"
                + agencies.get(0) + "," + YEAR + ",91.25," + catalog.band(new BigDecimal("91.25")) + "\n"
                + agencies.get(1) + "," + YEAR + ",72.40," + catalog.band(new BigDecimal("72.40")) + "\n";
        TestingOversightApi second = first.anotherInstance();
        String ranking = "/api/v1/provinces/73/ita/ranking?year=" + YEAR;
        // The first instance answers the ranking twice before the load: the second answer comes from its cache.
        TestingOversightApi.Response before = first.as("officer-nakhonpathom").get(ranking);
        assertThat(before.status()).as(before.body()).isEqualTo(200);
        assertThat(before.body()).doesNotContain("91.25");
        long hitsBefore = cacheHits(first);
        assertThat(first.as("officer-nakhonpathom").get(ranking).body()).isEqualTo(before.body());
        assertThat(cacheHits(first)).as("the first instance's cache answered the repeated ranking").isGreaterThan(hitsBefore);
        boolean[] stopped = {false};
        try (TestingLoadBalancer balancer = TestingLoadBalancer.over(List.of(base(first), base(second)))) {
            // The year's lock, taken as a load on some other instance would take it.
            Jdbi postgres = Jdbi.create(first.support().getConfiguration().getDatabase().getUrl(), "postgres", "");
            CompletableFuture<TestingOversightApi.Response> load;
            try (Handle elsewhere = postgres.open()) {
                elsewhere.begin();
                elsewhere.execute("SELECT pg_advisory_xact_lock(hashtext('ita_result'), ?)", YEAR);
                load = CompletableFuture.supplyAsync(() -> second.as("platform-admin")
                        .post("/api/v1/ita/loads?fileName=73-" + YEAR + ".csv", "text/csv", csv));
                new FluentWait<>(postgres).withTimeout(Duration.ofSeconds(30)).pollingEvery(Duration.ofMillis(50))
                        .until(TwoApiInstancesTest::waitingForTheLock);
                assertThat(load).as("the load on the second instance, while another holds the year").isNotDone();
                elsewhere.commit();
            }
            TestingOversightApi.Response loaded = load.get();
            assertThat(loaded.status()).as(loaded.body()).isEqualTo(200);
            // Loaded through the second instance: the first one's cached ranking is from an older data version.
            TestingOversightApi.Response after = first.as("officer-nakhonpathom").get(ranking);
            assertThat(after.status()).as(after.body()).isEqualTo(200);
            assertThat(after.body()).as("the first instance's ranking after a load through the second")
                    .contains("91.25", "72.40");

            tokens.addRedirectUri(DashboardConfigResource.CLIENT_ID, balancer.uri("/app/").toString());
            ChromeDriver browser = TestingBrowser.start("1280,1200", java.util.Optional.empty());
            try {
                WebDriverWait waiting = new WebDriverWait(browser, Duration.ofSeconds(30));
                browser.get(balancer.uri("/app/") + "#/province/73?year=" + YEAR);
                waiting.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
                browser.findElement(By.id("username")).sendKeys("officer-nakhonpathom");
                browser.findElement(By.id("password")).sendKeys(TestingKeycloak.PASSWORD);
                browser.findElement(By.id("kc-login")).click();
                // Other tests of the shared API may have loaded more of the province's agencies for the year: ours are there.
                waiting.until(ExpectedConditions.and(
                        ExpectedConditions.textToBePresentInElementLocated(By.id("ranking"), "91.25"),
                        ExpectedConditions.textToBePresentInElementLocated(By.id("ranking"), "72.40")));
                assertThat(browser.findElement(By.id("ranking")).getText()).contains("91.25", "72.40");
                assertThat(balancer.answeredBy(0)).as("requests answered by the first instance").isPositive();
                assertThat(balancer.answeredBy(1)).as("requests answered by the second instance").isPositive();

                second.close();
                stopped[0] = true;

                browser.findElement(By.linkText("เทียบกับจังหวัดอื่น (ภาพรวมประเทศ)")).click();
                waiting.until(ExpectedConditions.textToBe(By.tagName("h1"), "ภาพรวมประเทศ"));
                browser.get(balancer.uri("/app/") + "#/province/73?year=" + YEAR);
                waiting.until(ExpectedConditions.textToBe(By.tagName("h1"), "จังหวัดนครปฐม"));
                // Other tests of the shared API may have loaded more of the province's agencies for the year: ours are there.
                waiting.until(ExpectedConditions.and(
                        ExpectedConditions.textToBePresentInElementLocated(By.id("ranking"), "91.25"),
                        ExpectedConditions.textToBePresentInElementLocated(By.id("ranking"), "72.40")));
                assertThat(browser.findElement(By.id("who")).getText()).as("still signed in").contains("officer-nakhonpathom");
                assertThat(balancer.failedOver()).as("requests that found the second instance stopped").isPositive();
            } finally {
                browser.quit();
            }
        } finally {
            if (!stopped[0]) {
                second.close();
            }
        }
    }

    private static long cacheHits(TestingOversightApi api) {
        return api.getAdmin("/metrics").json().get("gauges").get("analytics.cache.hits").get("value").asLong();
    }

    private static URI base(TestingOversightApi api) {
        return api.uri("/");
    }

    private static boolean waitingForTheLock(Jdbi postgres) {
        return postgres.withHandle(h -> h.createQuery("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted")
                .mapTo(Long.class).one()) > 0;
    }
}
