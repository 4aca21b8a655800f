package org.itaoversight.api.reports;

import static org.assertj.core.api.Assertions.assertThat;

import org.itaoversight.api.testing.TestingOversightApi;
import org.itaoversight.api.testing.TestingPdf;
import org.itaoversight.api.testing.TestingServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The PDF summaries on demand through the API, from data this class loads itself (fiscal year 2562, province 73),
 * read back with pdftotext. Access is covered for every role by the isolation matrix.
 */
@ExtendWith(TestingServers.class)
class ReportDownloadTest {

    private final TestingOversightApi api;

    ReportDownloadTest(TestingOversightApi api) {
        this.api = api;
        TestingOversightApi.Response loaded = api.as("platform-admin").post("/api/v1/ita/loads?fileName=2562.csv", "text/csv", """
                agency_code,fiscal_year,total,level,indicator_1,indicator_2,indicator_3,indicator_4,indicator_5,indicator_6,indicator_7,indicator_8,indicator_9,indicator_10
                6730301,2562,89.79,A,86.76,75.12,82.95,80.59,81.42,93.40,85.37,79.98,97.50,100.00
                """);
        assertThat(loaded.status()).as(loaded.body()).isEqualTo(200);
    }

    @Test
    void anAgencyAdministratorDownloadsTheAgencySummary() throws Exception {
        TestingOversightApi.Response pdf = api.as("admin-bangrakam").get("/api/v1/agencies/6730301/report.pdf?year=2562");

        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        assertThat(new String(pdf.bytes(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(TestingPdf.text(pdf.bytes())).contains("องค์การบริหารส่วนตำบลบางระกำ", "ปีงบประมาณพ.ศ.2562", "คะแนนรวม89.79",
                "ระดับA", "การใช้งบประมาณ", "75.12", "ต่ำสุด");
    }

    @Test
    void anOfficerDownloadsTheProvinceSummaryWithThaiDigits() throws Exception {
        TestingOversightApi.Response pdf = api.as("officer-nakhonpathom").get("/api/v1/provinces/73/report.pdf?year=2562&thaiDigits=true");

        assertThat(pdf.status()).isEqualTo(200);
        assertThat(TestingPdf.text(pdf.bytes())).contains("จังหวัดนครปฐม", "ปีงบประมาณพ.ศ.๒๕๖๒", "องค์การบริหารส่วนตำบลบางระกำ", "๘๙.๗๙");
    }

    @Test
    void aYearOutsideTheCatalogIsABadRequest() {
        TestingOversightApi.Response refused = api.as("officer-nakhonpathom").get("/api/v1/provinces/73/report.pdf?year=2400");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("not in the ITA catalog");
    }
}
