package org.itaoversight.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.itaoversight.api.OversightApplication;
import org.itaoversight.api.measures.CompletionSnapshots;
import org.itaoversight.api.registry.RegistryConfiguration;
import org.itaoversight.api.registry.RegistrySource;
import org.itaoversight.api.testing.KeycloakTokens;
import org.itaoversight.api.testing.TestingBrowser;
import org.itaoversight.api.testing.TestingKeycloak;
import org.itaoversight.api.testing.TestingOversightApi;
import org.itaoversight.api.testing.TestingServers;
import org.itaoversight.tenants.registry.Agency;
import org.itaoversight.tenants.registry.AgencyRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in headless Chromium against the running application with real Keycloak and databases: sign-in with
 * PKCE, the province view and nothing of another province, the drill-down into an agency, the PDF download, the
 * agency administrator's view, editing and importing. Screenshots of each view go to target/screenshots. This class
 * owns fiscal year 2561 (two agencies of นครปฐม (73), one of เพชรบุรี (76)) and 2569, with 2568 rows of two other
 * agencies of 73 for the movers; its import stores thamrong's 2564 report like MeasureImportApiTest.
 */
@ExtendWith(TestingServers.class)
class DashboardBrowserTest {

    private final TestingOversightApi api;
    private final String neighbour;
    private final String third;
    private final Agency phetchaburi;
    private final KeycloakTokens tokens;
    private ChromeDriver browser;
    private Path downloads;

    DashboardBrowserTest(TestingKeycloak keycloak, TestingOversightApi api) {
        this.api = api;
        this.tokens = new KeycloakTokens(keycloak);
        AgencyRegistry registry = new RegistrySource(new RegistryConfiguration()).load();
        List<String> others = registry.agenciesOf("73").stream().map(Agency::code).filter(c -> !c.equals("6730301")).limit(2).toList();
        this.neighbour = others.get(0);
        this.third = others.get(1);
        this.phetchaburi = registry.agenciesOf("76").stream().filter(a -> !a.code().equals("6760401")).findFirst().orElseThrow();
        TestingOversightApi.Response loaded = api.as("platform-admin").post("/api/v1/ita/loads?fileName=2561.csv", "text/csv",
                "agency_code,fiscal_year,total,level,indicator_1,indicator_2,indicator_3,indicator_4,indicator_5,indicator_6,"
                        + "indicator_7,indicator_8,indicator_9,indicator_10\n"
                        + "6730301,2561,89.79,A,86.76,75.12,82.95,80.59,81.42,93.40,85.37,79.98,97.50,100.00\n"
                        + neighbour + ",2561,78.50,B,80.00,70.00,75.00,80.00,81.00,82.00,83.00,84.00,70.00,80.00\n"
                        + phetchaburi.code() + ",2561,91.00,A,91,91,91,91,91,91,91,91,91,91\n"
                        + neighbour + ",2568,80.00,B,,,,,,,,,,\n" + neighbour + ",2569,86.50,A,,,,,,,,,,\n"
                        + third + ",2568,90.00,A,,,,,,,,,,\n" + third + ",2569,85.00,B,,,,,,,,,,\n");
        assertThat(loaded.status()).as(loaded.body()).isEqualTo(200);
        tokens.addRedirectUri(DashboardConfigResource.CLIENT_ID, api.uri("/app/").toString());
    }

    @BeforeEach
    void startBrowser() throws Exception {
        downloads = Files.createTempDirectory("downloads-");
        browser = TestingBrowser.start("1280,1600", java.util.Optional.of(downloads));
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private WebDriverWait waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    private void signIn(String username, String hash) {
        browser.get(api.uri("/app/").toString() + hash);
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(TestingKeycloak.PASSWORD);
        browser.findElement(By.id("kc-login")).click();
        waiting().until(driver -> driver.getCurrentUrl().startsWith(api.uri("/app/").toString()));
    }

    /** Buttons, selects, inputs and links without an accessible name (text, a label or aria-label). */
    @SuppressWarnings("unchecked")
    private List<String> unnamedControls() {
        return (List<String>) browser.executeScript("""
                return [...document.querySelectorAll('button, select, input, textarea, a[href]')]
                  .filter((e) => !(e.textContent.trim() || e.getAttribute('aria-label') || (e.labels && e.labels.length)))
                  .map((e) => e.outerHTML);""");
    }

    /** Sarabun is declared by the page, loaded, and used for Thai (document.fonts.check alone is true when undeclared). */
    private boolean sarabunDrawsThai() {
        return (Boolean) browser.executeScript("return [...document.fonts].some((f) => f.family.replace(/\"/g, '') === 'Sarabun'"
                + " && f.status === 'loaded') && document.fonts.check('16px Sarabun', 'กขค')");
    }

    private void screenshot(String name) throws Exception {
        TestingBrowser.screenshot(browser, name);
    }

    @Test
    void anOfficerSeesTheRankingOfTheirProvinceNothingOfAnotherAndDrillsIntoAnAgency() throws Exception {
        // 2569: one measure of บางระกำ, done in November; the nightly snapshots of October and November.
        TestingOversightApi.Response measure = api.as("admin-bangrakam").post("/api/v1/agencies/6730301/measures", "application/json", """
                {"fiscalYear": 2569, "number": 1, "title": "ประกาศเจตนารมณ์การป้องกันการทุจริต", "status": "DONE", "progress": 100,
                 "periodStart": "2025-10-01", "periodEnd": "2025-12-31", "completedOn": "2025-11-15"}""");
        assertThat(measure.status()).as(measure.body()).isIn(201, 409);
        OversightApplication.Running running = ((OversightApplication) api.support().getApplication()).running().orElseThrow();
        CompletionSnapshots snapshots = new CompletionSnapshots(running.databases().postgres(), running.databases().clickhouse(),
                java.time.Clock.systemUTC());
        snapshots.take(java.time.YearMonth.of(2025, 10), 2569);
        snapshots.take(java.time.YearMonth.of(2025, 11), 2569);

        signIn("officer-nakhonpathom", "#/province/73?year=2561");
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#ranking tbody tr")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("จังหวัดนครปฐม");
        List<WebElement> rows = browser.findElements(By.cssSelector("#ranking tbody tr"));
        assertThat(rows).hasSize(2);
        assertThat(rows.getFirst().getText()).contains("องค์การบริหารส่วนตำบลบางระกำ", "89.79", "A");
        assertThat(rows.get(1).getAttribute("class")).contains("weak");
        assertThat(browser.findElement(By.id("who")).getText()).contains("officer-nakhonpathom");
        // The generated registry says, beside the agencies, that their types are assigned, not official.
        assertThat(browser.findElement(By.id("registry-note")).getText()).contains("ข้อมูลสาธิต", "ไม่ใช่ข้อมูลทางราชการ");
        // The mean of 89.79 and 78.50 is 84.145: rounded half up from the exact sum, not through a binary float.
        assertThat(browser.findElement(By.cssSelector(".cards")).getText()).contains("84.15", "50%");
        screenshot("dashboard-province.png");

        // Sorting by total with the keyboard alone: Tab from the level filter reaches the ranking's headers in order,
        // Enter sorts ascending (the weaker agency first), Enter again descending.
        browser.findElement(By.id("f-level")).sendKeys(Keys.TAB);
        for (int column = 0; column < 3; column++) {
            assertThat(browser.switchTo().activeElement().getAttribute("data-sort")).isEqualTo(String.valueOf(column));
            browser.switchTo().activeElement().sendKeys(Keys.TAB);
        }
        browser.switchTo().activeElement().sendKeys(Keys.ENTER);
        assertThat(browser.findElement(By.cssSelector("#ranking th[data-sort='3']")).getAttribute("aria-sort")).isEqualTo("ascending");
        assertThat(browser.findElements(By.cssSelector("#ranking tbody tr")).getFirst().getText()).contains("78.50");
        browser.findElement(By.cssSelector("#ranking th[data-sort='3']")).sendKeys(Keys.ENTER);
        assertThat(browser.findElements(By.cssSelector("#ranking tbody tr")).getFirst().getText()).contains("89.79");
        // Every control has a name a screen reader can say.
        assertThat(unnamedControls()).isEmpty();

        // The PDF of the province.
        browser.findElement(By.id("pdf")).click();
        waiting().until(driver -> Files.exists(downloads.resolve("ita-province-73-2561.pdf")));
        assertThat(new String(Files.readAllBytes(downloads.resolve("ita-province-73-2561.pdf")), 0, 5,
                java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

        // Every table downloads from the server as CSV (UTF-8 with BOM, Thai headers) and as Excel.
        browser.findElement(By.id("csv-ranking")).click();
        browser.findElement(By.id("xlsx-ranking")).click();
        waiting().until(driver -> Files.exists(downloads.resolve("ranking-73-2561.csv"))
                && Files.exists(downloads.resolve("ranking-73-2561.xlsx")));
        assertThat(Files.readString(downloads.resolve("ranking-73-2561.csv"))).startsWith("\uFEFF\"อันดับ\"")
                .contains("\"6730301\",\"องค์การบริหารส่วนตำบลบางระกำ\"");
        assertThat(new String(Files.readAllBytes(downloads.resolve("ranking-73-2561.xlsx")), 0, 2,
                java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PK");
        // A tablet.
        browser.manage().window().setSize(new Dimension(820, 1180));
        screenshot("dashboard-province-tablet.png");
        browser.manage().window().setSize(new Dimension(1280, 1600));

        // Another province: refused, in Thai.
        browser.get(api.uri("/app/").toString() + "#/province/76?year=2561");
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-error='403']")));
        assertThat(browser.findElement(By.cssSelector("[data-error='403']")).getText()).contains("ไม่มีสิทธิ์");
        assertThat(browser.getPageSource()).doesNotContain("จังหวัดเพชรบุรี");
        screenshot("dashboard-other-province.png");

        // The biggest movers against the year before.
        browser.get(api.uri("/app/").toString() + "#/province/73?year=2569");
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#movers-up tbody tr")));
        assertThat(browser.findElement(By.id("movers-up")).getText()).contains("80.00", "86.50", "+6.50");
        assertThat(browser.findElement(By.id("movers-down")).getText()).contains("90.00", "85.00", "−5.00");
        // Measure completion month by month, from the snapshots: none done at the end of October, all by November's.
        List<WebElement> months = browser.findElements(By.cssSelector("#completion-monthly tbody tr"));
        // (Selenium reports the inline-block bar as a line break; the row is one line on screen.)
        assertThat(months).extracting(row -> row.getText().replace('\n', ' ')).containsExactly("ต.ค. 2568 1 1 0 0 0.0%", "พ.ย. 2568 1 1 1 0 100.0%");
        screenshot("dashboard-province-movers.png");

        // The other provinces: their aggregates only, nothing of their agencies, no way into them.
        browser.findElement(By.linkText("เทียบกับจังหวัดอื่น (ภาพรวมประเทศ)")).click();
        waiting().until(ExpectedConditions.textToBe(By.tagName("h1"), "ภาพรวมประเทศ"));
        new Select(browser.findElement(By.id("year"))).selectByValue("2561");
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main h2:nth-of-type(2)"), "2561"));
        // 2561 has results of 3 agencies only (2 of นครปฐม, 1 of เพชรบุรี): no group shows a figure, nor the country.
        List<WebElement> provinces = browser.findElements(By.cssSelector("#provinces tbody tr"));
        assertThat(provinces).extracting(WebElement::getText).containsExactly("– นครปฐม น้อยกว่า 5 หน่วยงาน – –",
                "– เพชรบุรี น้อยกว่า 5 หน่วยงาน – –");
        assertThat(provinces.getFirst().getAttribute("class")).contains("mine");
        assertThat(provinces.getFirst().findElements(By.tagName("a"))).hasSize(1);
        assertThat(provinces.get(1).findElements(By.tagName("a"))).isEmpty();
        assertThat(browser.getPageSource()).doesNotContain(phetchaburi.code(), phetchaburi.nameTh()).doesNotContain("91.00");
        assertThat(browser.findElement(By.id("national-pass-rate")).getText()).isEqualTo("–");
        screenshot("dashboard-national-officer.png");
        // The table's download comes from the server and withholds the same: no rank, count, rate or mean, the note instead.
        browser.findElement(By.id("csv-provinces")).click();
        waiting().until(driver -> Files.exists(downloads.resolve("provinces-2561.csv")));
        assertThat(Files.readString(downloads.resolve("provinces-2561.csv"))).startsWith("\uFEFF\"อันดับ\",\"รหัสจังหวัด\",\"จังหวัด\"")
                .contains(",\"73\",\"นครปฐม\",,,,,\"น้อยกว่า 5 หน่วยงาน\"", ",\"76\",\"เพชรบุรี\",,,,,\"น้อยกว่า 5 หน่วยงาน\"")
                .doesNotContain("91.00");

        // Drill-down into an agency from the ranking.
        browser.get(api.uri("/app/").toString() + "#/province/73?year=2561");
        waiting().until(ExpectedConditions.elementToBeClickable(By.linkText("องค์การบริหารส่วนตำบลบางระกำ"))).click();
        waiting().until(ExpectedConditions.textToBe(By.tagName("h1"), "องค์การบริหารส่วนตำบลบางระกำ"));
        assertThat(browser.findElement(By.id("total")).getText()).isEqualTo("89.79");
        assertThat(browser.findElement(By.cssSelector("tr.weak")).getText()).contains("การใช้งบประมาณ", "75.12", "ต่ำสุด");
        screenshot("dashboard-agency-from-officer.png");
    }

    @Test
    void anAgencyAdministratorEditsAMeasureSeesThaiValidationAConflictAndTheCompletionRateChange() throws Exception {
        TestingOversightApi.Response created = api.as("admin-bangrakam").post("/api/v1/agencies/6730301/measures", "application/json", """
                {"fiscalYear": 2561, "number": 1, "title": "เผยแพร่รายงานผลการใช้จ่ายงบประมาณประจำปี", "status": "IN_PROGRESS",
                 "progress": 40, "periodStart": "2017-10-01", "periodEnd": "2018-09-30"}""");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        signIn("admin-bangrakam", "#/agency/6730301?year=2561");
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-edit='" + id + "']")));
        assertThat(browser.findElement(By.id("completion-rate")).getText()).isEqualTo("0%");
        // Where the agency stands in its province, without seeing the other agencies.
        assertThat(browser.findElement(By.id("standing")).getText()).isEqualTo("1 / 2");
        // The province has results of 2 agencies: its mean and median would give the other agency's score away.
        assertThat(browser.findElement(By.cssSelector("#standing + .label")).getText()).contains("ค่าเฉลี่ยจังหวัดไม่แสดง (น้อยกว่า 5 หน่วยงาน)")
                .doesNotContain("84.15");
        assertThat(browser.findElement(By.id("standing-history")).getText()).contains("ปี 2561 ที่ 1 จาก 2");
        assertThat(browser.getPageSource()).doesNotContain(neighbour);
        assertThat(unnamedControls()).isEmpty();

        browser.findElement(By.cssSelector("[data-edit='" + id + "']")).click();
        WebElement progress = browser.findElement(By.id("m-progress"));
        progress.clear();
        progress.sendKeys("150");
        browser.findElement(By.id("m-save")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("e-progress"), "ความคืบหน้าต้องอยู่ระหว่าง 0–100"));
        screenshot("dashboard-measure-validation.png");

        // Someone else saves first: the edit is refused with the current measure shown, nothing overwritten.
        TestingOversightApi.Response other = api.as("admin-bangrakam").send("PUT", "/api/v1/agencies/6730301/measures/" + id,
                "application/json", """
                {"fiscalYear": 2561, "number": 1, "title": "เผยแพร่รายงานผลการใช้จ่ายงบประมาณประจำปี (ปรับปรุง)", "status": "IN_PROGRESS",
                 "progress": 60, "periodStart": "2017-10-01", "periodEnd": "2018-09-30", "version": 1}""");
        assertThat(other.status()).isEqualTo(200);
        progress = browser.findElement(By.id("m-progress"));
        progress.clear();
        progress.sendKeys("80");
        browser.findElement(By.id("m-save")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("conflict")));
        assertThat(browser.findElement(By.id("m-title")).getAttribute("value")).endsWith("(ปรับปรุง)");
        screenshot("dashboard-measure-conflict.png");

        // A measure whose title a spreadsheet would run as a formula (the agency's own text, done already).
        assertThat(api.as("admin-bangrakam").post("/api/v1/agencies/6730301/measures", "application/json", """
                {"fiscalYear": 2561, "number": 9, "title": "=HYPERLINK(\\"http://example.invalid\\",\\"คลิก\\")", "status": "DONE",
                 "progress": 100, "periodStart": "2017-10-01", "periodEnd": "2018-09-30", "completedOn": "2018-06-30"}""").status())
                .isEqualTo(201);

        // Marked done: the completion rate follows.
        new Select(browser.findElement(By.id("m-status"))).selectByValue("DONE");
        browser.findElement(By.id("m-completedOn")).sendKeys("09302018");
        browser.findElement(By.id("m-save")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("saved")));
        assertThat(browser.findElement(By.id("completion-rate")).getText()).isEqualTo("100%");
        screenshot("dashboard-measure-saved.png");

        // The agency's tables download too: the measures as they now stand, the indicators with the lowest marked.
        browser.findElement(By.id("csv-measures")).click();
        browser.findElement(By.id("csv-indicators")).click();
        waiting().until(driver -> Files.exists(downloads.resolve("measures-6730301-2561.csv"))
                && Files.exists(downloads.resolve("indicators-6730301-2561.csv")));
        assertThat(Files.readString(downloads.resolve("measures-6730301-2561.csv")))
                .contains(",1,\"เผยแพร่รายงานผลการใช้จ่ายงบประมาณประจำปี (ปรับปรุง)\"", "\"2017-10-01\",\"2018-09-30\",\"\",\"ดำเนินการแล้วเสร็จ\",100,\"2018-09-30\"");
        assertThat(Files.readString(downloads.resolve("indicators-6730301-2561.csv"))).startsWith("\uFEFF\"ตัวชี้วัดที่\"")
                .containsPattern("\r\n2,\"การใช้งบประมาณ\",\"[^\"]*\",75\\.12,\"ต่ำสุด\"\r\n");
        // The formula comes out as text: a leading apostrophe (OWASP's rule), never a cell starting with "=".
        assertThat(Files.readString(downloads.resolve("measures-6730301-2561.csv")))
                .contains("'=HYPERLINK(").doesNotContain(",\"=").doesNotContain(",=");
    }

    @Test
    void anAgencyAdministratorPreviewsAMeasuresReportThenSavesIt() throws Exception {
        signIn("admin-thamrong", "#/agency/6760401?year=2564");
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("import-file")));
        browser.findElement(By.id("import-file")).sendKeys(
                Path.of("src/test/resources/samples/measures-report-thamrong-2564.txt").toAbsolutePath().toString());
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("import-save")));
        assertThat(browser.findElement(By.id("import-summary")).getText()).contains("พบมาตรการ 9 รายการ", "2564");
        assertThat(browser.findElement(By.id("import-file-name")).getText()).isEqualTo("measures-report-thamrong-2564.txt");
        assertThat(browser.findElements(By.cssSelector("#import-table tbody tr"))).hasSize(9);
        assertThat(browser.findElement(By.id("import-table")).getText()).contains("๔ ก.พ. ๖๔", "4 ก.พ. 2564", "ตัวชี้วัดที่ 4");
        screenshot("dashboard-import-preview.png");

        browser.findElement(By.id("import-save")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("imported")));
        assertThat(browser.findElements(By.cssSelector("#measures tbody tr"))).hasSize(9);
        // A year without results still has its measures, and its year can be chosen.
        assertThat(new Select(browser.findElement(By.id("year"))).getFirstSelectedOption().getText())
                .isEqualTo("2564");
        screenshot("dashboard-import-saved.png");
    }

    /**
     * A Word report whose headers use words the reader does not know and that gives no fiscal year: the preview shows
     * the table's first rows, the column it could not read and the missing year beside them, stores nothing; the
     * administrator maps the columns, gives the year, reads again, confirms, and the measures are stored.
     */
    @Test
    void anAgencyAdministratorMapsTheColumnsOfAReportTheReaderDoesNotKnowThenConfirms() throws Exception {
        Path report = Files.createTempFile("transparency-summary-", ".docx");
        try (org.apache.poi.xwpf.usermodel.XWPFDocument word = new org.apache.poi.xwpf.usermodel.XWPFDocument();
             java.io.OutputStream out = Files.newOutputStream(report)) {
            word.createParagraph().createRun().setText("สรุปงานโปร่งใสที่ลงมือทำในรอบปี");
            word.createParagraph().createRun().setText("องค์การบริหารส่วนตำบลถ้ำรงค์ อำเภอบ้านลาด จังหวัดเพชรบุรี");
            String[][] rows = {
                    {"เรื่องที่ลงมือ", "ทำอย่างไร", "ใครดูแล", "ช่วงไหน", "ได้อะไรมาบ้าง"},
                    {"เปิดช่องทางแจ้งเบาะแสทางไลน์", "สร้างบัญชีไลน์และประชาสัมพันธ์", "งานนิติการ", "ตุลาคม – ธันวาคม", "มีผู้แจ้ง ๔ เรื่อง"},
                    {"ประกาศราคากลางทุกโครงการบนเว็บไซต์", "ตรวจรายการทุกเดือน", "กองคลัง", "ทุกเดือน", "ประกาศครบ ๑๒ โครงการ"}};
            org.apache.poi.xwpf.usermodel.XWPFTable table = word.createTable(rows.length, rows[0].length);
            for (int r = 0; r < rows.length; r++) {
                for (int c = 0; c < rows[r].length; c++) {
                    table.getRow(r).getCell(c).setText(rows[r][c]);
                }
            }
            word.write(out);
        }
        String measures = "/api/v1/agencies/6760401/measures?year=2561";
        assertThat(api.as("admin-thamrong").get(measures).json().get("total").asInt()).isZero();

        signIn("admin-thamrong", "#/agency/6760401?year=2564");
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("import-file")));
        browser.findElement(By.id("import-file")).sendKeys(report.toAbsolutePath().toString());
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("import-again")));
        // The first reading: the table and its rows as found, nothing read, the problems beside what they concern.
        assertThat(browser.findElement(By.id("import-table-1")).getText())
                .contains("ยังไม่ได้อ่าน", "เรื่องที่ลงมือ", "เปิดช่องทางแจ้งเบาะแสทางไลน์", "กองคลัง");
        assertThat(browser.findElement(By.id("import-table-1-problems")).getText()).contains("กรุณาระบุว่าคอลัมน์ใดคืออะไร");
        assertThat(browser.findElement(By.id("import-year-problems")).getText()).contains("ไม่ได้ระบุปีงบประมาณ");
        assertThat(browser.findElement(By.id("import-measures-problems")).getText()).contains("ไม่พบมาตรการ");
        assertThat(browser.findElement(By.id("import-agency")).getText()).contains("องค์การบริหารส่วนตำบลถ้ำรงค์", "พบในทะเบียน");
        assertThat(browser.findElement(By.id("import-save")).isEnabled()).isFalse();
        browser.executeScript("arguments[0].scrollIntoView()", browser.findElement(By.id("import-preview")));
        screenshot("dashboard-import-unknown-headers.png");

        String[] roles = {"MEASURE", "STEPS", "UNITS", "PERIOD", "OUTPUT"};
        for (int c = 0; c < roles.length; c++) {
            new Select(browser.findElement(By.id("role-1-" + c))).selectByValue(roles[c]);
        }
        browser.findElement(By.id("import-year")).clear();
        browser.findElement(By.id("import-year")).sendKeys("2561");
        browser.findElement(By.id("import-again")).click();
        waiting().until(ExpectedConditions.textToBe(By.id("import-count"), "2"));
        // Read again with the mapping: the table as chosen, the measures with their steps, units and period; still
        // nothing stored.
        assertThat(browser.findElement(By.id("import-table-1")).getText()).contains("ตามที่ท่านระบุ");
        assertThat(new Select(browser.findElement(By.id("role-1-2"))).getFirstSelectedOption().getAttribute("value")).isEqualTo("UNITS");
        assertThat(browser.findElement(By.id("import-table")).getText())
                .contains("ประกาศราคากลางทุกโครงการบนเว็บไซต์", "ตรวจรายการทุกเดือน", "งานนิติการ", "1 ต.ค. 2560");
        assertThat(browser.findElements(By.id("import-year-problems"))).isEmpty();
        assertThat(browser.findElement(By.id("import-save")).isEnabled()).isTrue();
        assertThat(api.as("admin-thamrong").get(measures).json().get("total").asInt()).isZero();
        browser.executeScript("arguments[0].scrollIntoView()", browser.findElement(By.id("import-preview")));
        screenshot("dashboard-import-mapped.png");

        browser.findElement(By.id("import-save")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("imported")));
        JsonNode stored = api.as("admin-thamrong").get(measures).json();
        assertThat(stored.get("total").asInt()).isEqualTo(2);
        JsonNode first = stored.get("measures").get(0).get("measure");
        assertThat(first.get("title").asText()).isEqualTo("เปิดช่องทางแจ้งเบาะแสทางไลน์");
        assertThat(first.get("steps").asText()).isEqualTo("สร้างบัญชีไลน์และประชาสัมพันธ์");
        assertThat(first.get("responsibleUnits").get(0).asText()).isEqualTo("งานนิติการ");
        assertThat(first.get("periodStart").asText()).isEqualTo("2017-10-01");
        assertThat(first.get("output").asText()).isEqualTo("มีผู้แจ้ง ๔ เรื่อง");
        assertThat(browser.findElements(By.cssSelector("#measures tbody tr"))).hasSize(2);
    }

    @Test
    void anAgencyAdministratorLandsOnTheirAgencyAndCannotOpenAnother() throws Exception {
        signIn("admin-bangrakam", "");
        waiting().until(ExpectedConditions.textToBe(By.tagName("h1"), "องค์การบริหารส่วนตำบลบางระกำ"));
        assertThat(browser.getCurrentUrl()).contains("#/agency/6730301");
        assertThat(browser.findElement(By.id("measures")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("completion-rate")).getText()).doesNotContain("undefined");
        // Thai is drawn with the application's own font, not whatever the machine has.
        waiting().until(driver -> sarabunDrawsThai());
        screenshot("dashboard-agency-admin.png");

        browser.get(api.uri("/app/").toString() + "#/agency/" + neighbour + "?year=2561");
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-error='403']")));
        // No administration for an agency administrator: no link to it, and a Thai refusal at its address.
        assertThat(browser.findElements(By.id("nav-admin"))).isEmpty();
        browser.get(api.uri("/app/").toString() + "#/admin");
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-error='403']")));
    }

    @Test
    void signingOutEndsTheKeycloakSessionAndTheTokensOfTheTab() throws Exception {
        signIn("officer-nakhonpathom", "#/province/73?year=2561");
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#ranking tbody tr")));
        String refreshToken = (String) browser.executeScript("return JSON.parse(sessionStorage.getItem('session')).refresh");
        String sessionId = (String) browser.executeScript("const t = JSON.parse(sessionStorage.getItem('session')).access.split('.')[1];"
                + " return JSON.parse(atob(t.replace(/-/g, '+').replace(/_/g, '/'))).sid");
        assertThat(tokens.sessionIds("officer-nakhonpathom")).contains(sessionId);

        browser.findElement(By.id("logout")).click();
        // Back at Keycloak's sign-in form: the single sign-on session is gone, so nothing signs in silently.
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        assertThat(tokens.sessionIds("officer-nakhonpathom")).doesNotContain(sessionId);
        JsonNode refused = tokens.tokenEndpoint(TestingKeycloak.REALM, Map.of("grant_type", "refresh_token",
                "client_id", DashboardConfigResource.CLIENT_ID, "refresh_token", refreshToken));
        assertThat(refused.path("error").asText()).isEqualTo("invalid_grant");
        // Keycloak's sign-in page in Thai, drawn with the realm theme's Sarabun rather than whatever the device has.
        assertThat(browser.findElement(By.id("kc-page-title")).getText()).containsPattern("[\u0E00-\u0E7F]{4}");
        waiting().until(driver -> sarabunDrawsThai());
        screenshot("dashboard-signed-out.png");
    }

    @Test
    void anEndedSessionIsExplainedAndSigningInAgainReturnsToTheSameView() throws Exception {
        signIn("officer-nakhonpathom", "#/agency/6730301?year=2561");
        waiting().until(ExpectedConditions.textToBe(By.tagName("h1"), "องค์การบริหารส่วนตำบลบางระกำ"));

        // The session ends in Keycloak (idle timeout, or an administrator ends it) and the access token's
        // five minutes are up; the tab's clock is moved instead of waiting.
        tokens.endSessions("officer-nakhonpathom");
        browser.executeScript("const s = JSON.parse(sessionStorage.getItem('session')); s.expires = 0;"
                + " sessionStorage.setItem('session', JSON.stringify(s));");
        browser.executeScript("location.hash = '#/province/73?year=2561'");
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("expired")));
        assertThat(browser.findElement(By.id("expired")).getText()).contains("หมดเวลาการใช้งาน");
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("again");
        assertThat(browser.findElements(By.cssSelector("#ranking tbody tr"))).isEmpty();
        screenshot("dashboard-session-ended.png");

        browser.switchTo().activeElement().sendKeys(Keys.ENTER);
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        browser.findElement(By.id("username")).sendKeys("officer-nakhonpathom");
        browser.findElement(By.id("password")).sendKeys(TestingKeycloak.PASSWORD);
        browser.findElement(By.id("kc-login")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#ranking tbody tr")));
        assertThat(browser.getCurrentUrl()).endsWith("/app/#/province/73?year=2561");
        assertThat(browser.findElements(By.id("expired"))).isEmpty();
    }

    @Test
    void aPlatformAdministratorLandsOnTheNationalViewAndOpensAnyProvince() throws Exception {
        signIn("platform-admin", "");
        waiting().until(ExpectedConditions.textToBe(By.tagName("h1"), "ภาพรวมประเทศ"));
        assertThat(browser.getCurrentUrl()).contains("#/national");
        new Select(browser.findElement(By.id("year"))).selectByValue("2561");
        waiting().until(driver -> driver.findElements(By.cssSelector("#provinces tbody tr a")).size() == 2);
        screenshot("dashboard-national-admin.png");

        new Select(browser.findElement(By.id("go-province"))).selectByValue("76");
        waiting().until(ExpectedConditions.textToBe(By.tagName("h1"), "จังหวัดเพชรบุรี"));
        assertThat(browser.findElement(By.id("ranking")).getText()).contains(phetchaburi.nameTh(), "91.00");
    }

    @Test
    void aPlatformAdministratorChecksThenLoadsAResultFileAndManagesASchedule() throws Exception {
        signIn("platform-admin", "#/admin");
        waiting().until(ExpectedConditions.textToBe(By.tagName("h1"), "ผู้ดูแลระบบ"));

        // A bad file: every problem with its row and column, nothing to load.
        Path files = Files.createTempDirectory("results-");
        Path bad = Files.writeString(files.resolve("bad-2569.csv"), "agency_code,fiscal_year,total\n" + third + ",2569,189\n");
        browser.findElement(By.id("load-file")).sendKeys(bad.toString());
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("load-problems")));
        assertThat(browser.findElement(By.id("load-problems")).getText())
                .contains("พบปัญหา 1 รายการ", "ไม่มีข้อมูลใดถูกโหลด", "2 total คะแนน 189 อยู่นอกช่วง 0–100");
        assertThat(browser.findElements(By.id("load-go"))).isEmpty();
        screenshot("dashboard-admin-load-problems.png");

        // A clean file: described first, loaded on request, then in the history; the same content again is recognised.
        Path good = Files.writeString(files.resolve("results-2569.csv"), "agency_code,fiscal_year,total,level\n" + third + ",2569,85.00,B\n");
        browser.findElement(By.id("load-file")).sendKeys(good.toString());
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("load-go")));
        assertThat(browser.findElement(By.id("load-summary")).getText()).contains("results-2569.csv", "1 แถว", "1 หน่วยงาน", "2569");
        screenshot("dashboard-admin-load-check.png");
        browser.findElement(By.id("load-go")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("loaded")));
        assertThat(browser.findElement(By.id("loaded")).getText()).contains("โหลดแล้ว: 1 แถว", "2569");
        assertThat(browser.findElements(By.cssSelector("#loads tbody tr")).getFirst().getText()).contains("results-2569.csv", "platform-admin");
        browser.findElement(By.id("load-file")).sendKeys(good.toString());
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("already-loaded")));
        assertThat(browser.findElement(By.id("already-loaded")).getText()).contains("platform-admin", "results-2569.csv");

        // A monthly schedule: a recipient who is not a user is refused in Thai; a valid one is added, its runs shown, then removed.
        browser.findElement(By.id("s-code")).sendKeys("73");
        WebElement day = browser.findElement(By.id("s-dayOfMonth"));
        day.clear();
        day.sendKeys("3");
        browser.findElement(By.id("s-recipients")).sendKeys("nobody@example.com");
        browser.findElement(By.id("s-enabled")).click();
        browser.findElement(By.id("s-save")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("se-recipients"), "ไม่ใช่ผู้ใช้ของระบบ"));
        browser.findElement(By.id("s-recipients")).clear();
        browser.findElement(By.id("s-recipients")).sendKeys("officer-nakhonpathom@ita-oversight.example");
        browser.findElement(By.id("s-save")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("schedule-saved")));
        long id = 0;
        for (JsonNode schedule : api.as("platform-admin").get("/api/v1/report-schedules").json()) {
            if (schedule.get("code").asText().equals("73") && schedule.get("dayOfMonth").asInt() == 3 && !schedule.get("enabled").asBoolean()) {
                id = schedule.get("id").asLong();
            }
        }
        assertThat(id).as("the schedule added through the form").isPositive();
        WebElement row = browser.findElement(By.xpath("//button[@data-delete='" + id + "']/ancestor::tr"));
        assertThat(row.getText()).contains("จังหวัดนครปฐม", "3 เวลา 08:00 น.", "officer-nakhonpathom@ita-oversight.example", "ปิดอยู่");
        screenshot("dashboard-admin.png");
        browser.findElement(By.cssSelector("[data-runs='" + id + "']")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("runs"), "ยังไม่เคยส่ง"));
        browser.findElement(By.cssSelector("[data-delete='" + id + "']")).click();
        browser.switchTo().alert().accept();
        String deleted = "[data-delete='" + id + "']";
        waiting().until(driver -> driver.findElements(By.cssSelector(deleted)).isEmpty());
        assertThat(api.as("platform-admin").get("/api/v1/report-schedules/" + id).status()).isEqualTo(404);
    }

    @Test
    void theKeyboardSkipsToTheContent() {
        signIn("admin-bangrakam", "#/agency/6730301?year=2561");
        waiting().until(ExpectedConditions.textToBe(By.tagName("h1"), "องค์การบริหารส่วนตำบลบางระกำ"));
        // On arrival the first Tab reaches the skip link; Enter moves the focus to the content.
        new Actions(browser).sendKeys(Keys.TAB).perform();
        assertThat(browser.switchTo().activeElement().getText()).isEqualTo("ข้ามไปยังเนื้อหา");
        browser.switchTo().activeElement().sendKeys(Keys.ENTER);
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("view");
        assertThat(browser.getCurrentUrl()).endsWith("#/agency/6730301?year=2561");
    }
}
