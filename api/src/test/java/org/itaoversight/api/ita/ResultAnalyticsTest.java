package org.itaoversight.api.ita;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.itaoversight.api.registry.RegistryConfiguration;
import org.itaoversight.api.registry.RegistrySource;
import org.itaoversight.api.testing.TestingOversightApi;
import org.itaoversight.api.testing.TestingServers;
import org.itaoversight.tenants.registry.Agency;
import org.itaoversight.tenants.registry.AgencyRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The analytics endpoints against real ClickHouse with known data: four agencies of นครปฐม (73) in 2566 and 2567.
 * (Test classes sharing the application keep to their own years: this one owns 2566–2567 of province 73.)
 */
@ExtendWith(TestingServers.class)
class ResultAnalyticsTest {

    private static final String HEADER = "agency_code,fiscal_year,total,level,indicator_1,indicator_2,indicator_3,indicator_4,"
            + "indicator_5,indicator_6,indicator_7,indicator_8,indicator_9,indicator_10\n";

    private final TestingOversightApi api;
    private final String bangRakam = "6730301";
    private final String x;
    private final String y;
    private final String z;

    ResultAnalyticsTest(TestingOversightApi api) {
        this.api = api;
        AgencyRegistry registry = new RegistrySource(new RegistryConfiguration()).load();
        List<String> others = registry.agenciesOf("73").stream().map(Agency::code).filter(c -> !c.equals(bangRakam)).limit(3).toList();
        x = others.get(0);
        y = others.get(1);
        z = others.get(2);
    }

    private static String row(String code, int year, String total, String level, String indicators) {
        return code + "," + year + "," + total + "," + level + "," + indicators + "\n";
    }

    @BeforeEach
    void loadKnownResults() {
        String csv = HEADER
                + row(x, 2566, "80.00", "B", ",,,,,,,,,")
                + row(y, 2566, "90.00", "A", ",,,,,,,,,")
                + row(bangRakam, 2566, "88.00", "A", ",,,,,,,,,")
                + row(bangRakam, 2567, "88.80", "A", "90,70,90,90,90,90,90,90,90,90")
                + row(x, 2567, "78.00", "B", "80,80,80,80,80,80,60,80,80,80")
                + row(y, 2567, "94.40", "A", "95,85,95,95,95,95,95,95,95,95")
                + row(z, 2567, "84.99", "B", ",,,,,,,,,");
        TestingOversightApi.Response load = api.as("platform-admin").post("/api/v1/ita/loads?fileName=73-2566-2567.csv", "text/csv", csv);
        assertThat(load.status()).as(load.body()).isEqualTo(200);
        assertThat(load.json().get("warnings")).isEmpty();
    }

    @Test
    void theRankingOfAProvinceWithChangeAgainstLastYear() {
        JsonNode ranking = api.as("officer-nakhonpathom").get("/api/v1/provinces/73/ita/ranking?year=2567").json();

        assertThat(ranking.get("fiscalYear").asInt()).isEqualTo(2567);
        assertThat(ranking.get("catalog").asText()).isEqualTo("ita-2561");
        List<String> rows = new ArrayList<>();
        ranking.get("ranking").forEach(r -> rows.add(r.get("rank").asInt() + " " + r.get("agencyCode").asText() + " "
                + r.get("total").decimalValue().setScale(2).toPlainString() + " " + r.get("level").asText() + " "
                + (r.get("change").isNull() ? "new" : r.get("change").decimalValue().setScale(2).toPlainString())
                + (r.get("passed").asBoolean() ? " passed" : "")));
        assertThat(rows).containsExactly("1 " + y + " 94.40 A 4.40 passed", "2 " + bangRakam + " 88.80 A 0.80 passed",
                "3 " + z + " 84.99 B new", "4 " + x + " 78.00 B -2.00");
        assertThat(ranking.get("ranking").get(1).get("nameTh").asText()).isEqualTo("องค์การบริหารส่วนตำบลบางระกำ");
    }

    @Test
    void passRatesAgainstEightyFiveAndTheNationalTarget() {
        JsonNode rates = api.as("platform-admin").get("/api/v1/provinces/73/ita/pass-rates?year=2567").json();

        assertThat(rates.get("agencies").asLong()).isEqualTo(4);
        assertThat(rates.get("passed").asLong()).isEqualTo(2);
        assertThat(rates.get("passRate").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(rates.get("meetsNationalTarget").asBoolean()).isFalse();
        long byType = 0;
        for (JsonNode type : rates.get("byAgencyType")) {
            byType += type.get("agencies").asLong();
            assertThat(type.get("passRate").decimalValue()).isEqualByComparingTo(java.math.BigDecimal.valueOf(
                    type.get("passed").asLong()).divide(java.math.BigDecimal.valueOf(type.get("agencies").asLong()), 4,
                    java.math.RoundingMode.HALF_UP));
        }
        assertThat(byType).isEqualTo(4);
    }

    @Test
    void theWeakestIndicatorsOfAProvince() {
        JsonNode weakest = api.as("officer-nakhonpathom").get("/api/v1/provinces/73/ita/weakest-indicators?year=2567").json();

        JsonNode first = weakest.get("indicators").get(0);
        JsonNode second = weakest.get("indicators").get(1);
        assertThat(first.get("number").asInt()).isEqualTo(2);
        assertThat(first.get("nameTh").asText()).isEqualTo("การใช้งบประมาณ");
        assertThat(first.get("meanScore").decimalValue()).isEqualByComparingTo("78.33");
        assertThat(first.get("agencies").asLong()).isEqualTo(3);
        assertThat(first.get("weakestFor").asLong()).isEqualTo(2);
        assertThat(second.get("number").asInt()).isEqualTo(7);
        assertThat(second.get("meanScore").decimalValue()).isEqualByComparingTo("81.67");
        assertThat(second.get("weakestFor").asLong()).isEqualTo(1);
        assertThat(weakest.get("indicators")).hasSize(10);
    }

    @Test
    void anAgencysTrendIsForItsAdministratorsAndItsProvince() {
        JsonNode trend = api.as("admin-bangrakam").get("/api/v1/agencies/6730301/ita/trend").json();

        List<String> years = new ArrayList<>();
        trend.get("years").forEach(t -> {
            if (t.get("fiscalYear").asInt() == 2566 || t.get("fiscalYear").asInt() == 2567) {
                years.add(t.get("fiscalYear").asInt() + " " + t.get("total").decimalValue().setScale(2).toPlainString());
            }
        });
        assertThat(years).containsExactly("2566 88.00", "2567 88.80");
        assertThat(api.as("admin-bangrakam").get("/api/v1/agencies/" + x + "/ita/trend").status()).isEqualTo(403);
        assertThat(api.as("officer-phetchaburi").get("/api/v1/agencies/6730301/ita/trend").status()).isEqualTo(403);
    }

    @Test
    void anAgencysStandingInItsProvinceWithoutTheOtherAgencies() {
        // The officer of the province may read it whole: the province's mean and median beside the agency's rank.
        TestingOversightApi.Response response = api.as("officer-nakhonpathom").get("/api/v1/agencies/6730301/ita/standing");
        assertThat(response.status()).isEqualTo(200);
        JsonNode standing = response.json();

        assertThat(standing.get("provinceCode").asText()).isEqualTo("73");
        List<String> years = new ArrayList<>();
        standing.get("years").forEach(s -> {
            if (s.get("fiscalYear").asInt() == 2566 || s.get("fiscalYear").asInt() == 2567) {
                years.add(s.get("fiscalYear").asInt() + " " + s.get("rank").asInt() + "/" + s.get("agencies").asInt() + " "
                        + s.get("total").decimalValue().setScale(2).toPlainString() + " mean "
                        + s.get("provinceMean").decimalValue().setScale(2).toPlainString() + " median "
                        + s.get("provinceMedian").decimalValue().setScale(2).toPlainString());
            }
        });
        // 2566: 90.00, 88.00, 80.00. 2567: 94.40, 88.80, 84.99, 78.00 (median of the middle two, 86.895, rounds up).
        assertThat(years).containsExactly("2566 2/3 88.00 mean 86.00 median 88.00", "2567 2/4 88.80 mean 86.55 median 86.90");
        assertThat(response.body()).doesNotContain(x, y, z);
        // The agency's own administrator: the rank and count, but no mean or median of fewer than 5 agencies, from which
        // the other agencies' scores could be worked out.
        JsonNode own = api.as("admin-bangrakam").get("/api/v1/agencies/6730301/ita/standing").json();
        own.get("years").forEach(s -> {
            assertThat(s.get("rank").asInt()).isPositive();
            assertThat(s.get("provinceMean").isNull()).as(s.toString()).isEqualTo(s.get("agencies").asInt() < 5);
            assertThat(s.get("provinceMedian").isNull()).isEqualTo(s.get("agencies").asInt() < 5);
        });
        assertThat(own.toString()).contains("น้อยกว่า 5 หน่วยงาน").doesNotContain("86.00", "86.55", "86.90");
        assertThat(api.as("officer-nakhonpathom").get("/api/v1/agencies/" + x + "/ita/standing").json()
                .get("years").findValues("rank").stream().map(JsonNode::asInt).toList()).contains(3, 4);
        assertThat(api.as("admin-bangrakam").get("/api/v1/agencies/" + x + "/ita/standing").status()).isEqualTo(403);
    }

    @Test
    void scopeAndParametersAreChecked() {
        assertThat(api.as("officer-phetchaburi").get("/api/v1/provinces/73/ita/ranking?year=2567").status()).isEqualTo(403);
        assertThat(api.as("admin-bangrakam").get("/api/v1/provinces/73/ita/ranking?year=2567").status()).isEqualTo(403);
        TestingOversightApi.Response noYear = api.as("platform-admin").get("/api/v1/provinces/73/ita/ranking");
        TestingOversightApi.Response badYear = api.as("platform-admin").get("/api/v1/provinces/73/ita/ranking?year=2550");
        assertThat(noYear.status()).isEqualTo(400);
        assertThat(noYear.json().get("message").asText()).contains("year is required");
        assertThat(badYear.status()).isEqualTo(400);
        assertThat(badYear.json().get("message").asText()).contains("2550 is not in the ITA catalog");
        assertThat(api.as("platform-admin").get("/api/v1/provinces/99/ita/ranking?year=2567").status()).isEqualTo(404);
        assertThat(api.as("platform-admin").get("/api/v1/agencies/9999999/ita/trend").status()).isEqualTo(404);
    }

    @Test
    void theAgencyByIndicatorMatrix() {
        JsonNode matrix = api.as("officer-nakhonpathom").get("/api/v1/provinces/73/ita/matrix?year=2567").json();

        assertThat(matrix.get("indicators")).hasSize(10);
        assertThat(matrix.get("indicators").get(1).asText()).isEqualTo("2 การใช้งบประมาณ");
        JsonNode own = null;
        for (JsonNode row : matrix.get("agencies")) {
            if (row.get("agencyCode").asText().equals(bangRakam)) {
                own = row;
            }
        }
        assertThat(own).isNotNull();
        assertThat(own.get("indicatorScores").get(1).decimalValue()).isEqualByComparingTo("70");
        assertThat(matrix.get("agencies")).hasSize(4);
    }

    @Test
    void theProvinceTrendHasMeanMedianAndPassRatePerYear() {
        JsonNode trend = api.as("officer-nakhonpathom").get("/api/v1/provinces/73/ita/trend").json();

        List<String> years = new ArrayList<>();
        trend.get("years").forEach(t -> {
            if (t.get("fiscalYear").asInt() == 2566 || t.get("fiscalYear").asInt() == 2567) {
                years.add(t.get("fiscalYear").asInt() + " n=" + t.get("agencies").asLong() + " mean="
                        + t.get("meanTotal").decimalValue().setScale(2).toPlainString() + " median="
                        + t.get("medianTotal").decimalValue().setScale(2).toPlainString() + " passed=" + t.get("passed").asLong());
            }
        });
        assertThat(years).containsExactly("2566 n=3 mean=86.00 median=88.00 passed=2",
                "2567 n=4 mean=86.55 median=86.90 passed=2");
    }

    @Test
    void theBiggestMoversUpAndDown() {
        JsonNode movers = api.as("platform-admin").get("/api/v1/provinces/73/ita/movers?year=2567").json();

        assertThat(movers.get("up")).extracting(m -> m.get("agencyCode").asText()).containsExactly(y, bangRakam);
        assertThat(movers.get("down")).extracting(m -> m.get("agencyCode").asText()).containsExactly(x);
        assertThat(movers.get("down").get(0).get("change").decimalValue()).isEqualByComparingTo("-2.00");
    }

    @Test
    void anAgencysFiveWeakestQuestionsUnderEightyFive() {
        TestingOversightApi.Response load = api.as("platform-admin").post("/api/v1/ita/loads?fileName=q-2567.csv", "text/csv",
                "agency_code,fiscal_year,code,score\n" + bangRakam + ",2567,o20,60.76\n" + bangRakam + ",2567,o28,64.75\n"
                        + bangRakam + ",2567,o24,66.12\n" + bangRakam + ",2567,o12,72.15\n" + bangRakam + ",2567,o11,77.54\n"
                        + bangRakam + ",2567,e12,84.00\n" + bangRakam + ",2567,i1,95.00\n");
        assertThat(load.status()).isEqualTo(200);

        JsonNode weakest = api.as("admin-bangrakam").get("/api/v1/agencies/6730301/ita/weakest-questions?year=2567").json();

        assertThat(weakest.get("questions")).extracting(q -> q.get("code").asText() + "=" + q.get("score").decimalValue().setScale(2))
                .containsExactly("o20=60.76", "o28=64.75", "o24=66.12", "o12=72.15", "o11=77.54");
        assertThat(weakest.get("questions").get(0).get("indicatorNameTh").asText()).isEqualTo("การเปิดเผยข้อมูล");
    }

    @Test
    void nationalAggregatesCompareProvincesButAreNotForAgencyAdministrators() {
        JsonNode rates = api.as("officer-nakhonpathom").get("/api/v1/ita/national/pass-rates?year=2567").json();

        JsonNode nakhonPathom = null;
        for (JsonNode province : rates.get("byProvince")) {
            if (province.get("groupCode").asText().equals("73")) {
                nakhonPathom = province;
            }
        }
        // 4 agencies of นครปฐม have results for 2567: fewer than 5, so no figure, only the note.
        assertThat(nakhonPathom).isNotNull();
        assertThat(nakhonPathom.get("withheld").asBoolean()).isTrue();
        assertThat(nakhonPathom.get("agencies").isNull()).isTrue();
        assertThat(nakhonPathom.get("passed").isNull()).isTrue();
        assertThat(nakhonPathom.get("meanTotal").isNull()).isTrue();
        assertThat(nakhonPathom.get("passRate").isNull()).isTrue();
        assertThat(nakhonPathom.get("note").asText()).isEqualTo("น้อยกว่า 5 หน่วยงาน");
        assertThat(api.as("admin-bangrakam").get("/api/v1/ita/national/trend").status()).isEqualTo(403);
        assertThat(api.as("platform-admin").get("/api/v1/ita/national/trend").status()).isEqualTo(200);
    }

    @Test
    void aLoadMakesTheNextReadFreshAndTheCacheShowsInTheMetrics() {
        TestingOversightApi.Caller officer = api.as("officer-nakhonpathom");
        officer.get("/api/v1/provinces/73/ita/ranking?year=2567");
        long hits = api.getAdmin("/metrics").json().get("gauges").get("analytics.cache.hits").get("value").asLong();
        JsonNode cached = officer.get("/api/v1/provinces/73/ita/ranking?year=2567").json();
        assertThat(cached.get("ranking").get(3).get("total").decimalValue()).isEqualByComparingTo("78.00");
        assertThat(api.getAdmin("/metrics").json().get("gauges").get("analytics.cache.hits").get("value").asLong())
                .isGreaterThan(hits);

        TestingOversightApi.Response load = api.as("platform-admin").post("/api/v1/ita/loads?fileName=73-2567-x.csv", "text/csv",
                HEADER + row(x, 2567, "95.50", "AA", ",,,,,,,,,"));
        assertThat(load.status()).as(load.body()).isEqualTo(200);

        JsonNode fresh = officer.get("/api/v1/provinces/73/ita/ranking?year=2567").json();
        assertThat(fresh.get("ranking").get(0).get("agencyCode").asText()).isEqualTo(x);
        assertThat(fresh.get("ranking").get(0).get("total").decimalValue()).isEqualByComparingTo("95.50");
        assertThat(api.getAdmin("/metrics").json().get("gauges").get("analytics.cache.hit-rate").get("value").asDouble())
                .isBetween(0.0, 1.0);
    }
}
