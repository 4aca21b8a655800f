package org.itaoversight.api.ita;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.itaoversight.api.ita.analytics.AnalyticsCache;
import org.itaoversight.api.ita.analytics.AnalyticsDao;
import org.itaoversight.api.ita.analytics.DataVersion;
import org.itaoversight.api.ita.catalog.Catalog;
import org.itaoversight.api.ita.loading.ResultFileReader;
import org.itaoversight.api.ita.loading.ResultLoader;
import org.itaoversight.api.registry.RegistryConfiguration;
import org.itaoversight.api.registry.RegistryLoader;
import org.itaoversight.api.registry.RegistrySource;
import org.itaoversight.api.testing.TestingClickHouse;
import org.itaoversight.api.testing.TestingDatabases;
import org.itaoversight.api.testing.TestingPostgres;
import org.itaoversight.api.testing.TestingServers;
import org.itaoversight.tenants.registry.Agency;
import org.itaoversight.tenants.registry.AgencyRegistry;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The engine-shaped analytics queries (window functions over the agency, the names dictionary, the pre-aggregated
 * histogram and indicator summary) on data chosen to break them: a year missing between two years, an agency whose
 * only earlier result is older than the year before, ties in rank, two weakest indicators of one agency, half-up
 * means and medians. And the cache: two instances over one PostgreSQL, a load makes the next read fresh on both.
 * Own PostgreSQL and ClickHouse databases per test.
 */
@ExtendWith(TestingServers.class)
class AnalyticsQueryFormsTest {

    private static final String HEADER = "agency_code,fiscal_year,total,indicator_1,indicator_2,indicator_3,indicator_4,"
            + "indicator_5,indicator_6,indicator_7,indicator_8,indicator_9,indicator_10\n";
    private static final String NO_INDICATORS = ",,,,,,,,,";
    private static final ResultLoader.Loader WHO = new ResultLoader.Loader("sub-1", "platform-admin");
    private static final BigDecimal PASS = new BigDecimal("85");
    private static final String PROVINCE = "50";

    private final TestingPostgres postgres;
    private final TestingClickHouse clickhouse;
    private final AgencyRegistry registry = new RegistrySource(new RegistryConfiguration()).load();
    private final List<String> codes = registry.agenciesOf(PROVINCE).stream().map(Agency::code).sorted().limit(5).toList();
    private final String a = codes.get(0);
    private final String b = codes.get(1);
    private final String c = codes.get(2);
    private final String d = codes.get(3);
    private final String e = codes.get(4);
    private Jdbi pg;
    private Jdbi ch;
    private ResultLoader loader;
    private AnalyticsDao dao;

    AnalyticsQueryFormsTest(TestingPostgres postgres, TestingClickHouse clickhouse) {
        this.postgres = postgres;
        this.clickhouse = clickhouse;
    }

    @BeforeEach
    void knownResults() {
        TestingDatabases databases = TestingDatabases.migrated(postgres, clickhouse);
        pg = databases.postgres();
        ch = databases.clickhouse();
        new RegistryLoader(pg, ch, Clock.systemUTC()).load(registry, "test");
        loader = new ResultLoader(ch, pg, Clock.systemUTC());
        dao = ch.onDemand(AnalyticsDao.class);
        // 2562: a, b, d, e. 2563: a and d only. 2564: all five, with a three-way tie at 88.00.
        load(HEADER
                + row(a, 2562, "80.00", NO_INDICATORS) + row(b, 2562, "85.00", NO_INDICATORS)
                + row(d, 2562, "70.00", NO_INDICATORS) + row(e, 2562, "90.00", NO_INDICATORS)
                + row(a, 2563, "86.01", NO_INDICATORS) + row(d, 2563, "75.00", NO_INDICATORS)
                + row(c, 2564, "91.00", "95,90,90,90,90,90,90,90,90,90")
                + row(a, 2564, "88.00", "80,90,80,90,90,90,90,90,90,90")
                + row(b, 2564, "88.00", "85,85,95,95,95,95,95,95,95,95")
                + row(e, 2564, "88.00", NO_INDICATORS)
                + row(d, 2564, "75.00", "70,75,70,80,80,80,80,80,80,80"));
    }

    private static String row(String code, int year, String total, String indicators) {
        return code + "," + year + "," + total + "," + indicators + "\n";
    }

    private void load(String csv) {
        loader.load(new ResultFileReader(Catalog.bundled(), registry).read("50.csv", csv.getBytes(StandardCharsets.UTF_8)), WHO);
    }

    @Test
    void rankingTiesShareARankAndOnlyTheYearBeforeCountsAsPrevious() {
        List<String> ranking = dao.ranking(PROVINCE, 2564).stream().map(r -> r.rank() + " " + r.agencyCode() + " "
                + r.total().toPlainString() + " " + (r.change() == null ? "new" : r.change().toPlainString())).toList();

        // e has 2562 but not 2563: no previous total. b has none either. Ties take the same rank, the next rank skips.
        assertThat(ranking).containsExactly("1 " + c + " 91.00 new", "2 " + a + " 88.00 1.99", "2 " + b + " 88.00 new",
                "2 " + e + " 88.00 new", "5 " + d + " 75.00 0.00");
        assertThat(dao.ranking(PROVINCE, 2564).getFirst().nameTh()).isEqualTo(registry.agency(c).orElseThrow().nameTh());
        assertThat(dao.ranking(PROVINCE, 2563)).extracting(r -> r.agencyCode() + " " + r.previousTotal())
                .containsExactly(a + " 80.00", d + " 70.00");
        assertThat(dao.ranking(PROVINCE, 2562)).allMatch(r -> r.previousTotal() == null).hasSize(4);
        assertThat(dao.ranking(PROVINCE, 2565)).isEmpty();
    }

    @Test
    void moversNeedBothYearsAndLeaveOutTheUnchanged() {
        assertThat(dao.movers(PROVINCE, 2564, 10)).extracting(m -> m.agencyCode() + " " + m.change()).containsExactly(a + " 1.99");
        assertThat(dao.movers(PROVINCE, 2563, 10)).extracting(m -> m.agencyCode() + " " + m.change())
                .containsExactly(a + " 6.01", d + " 5.00");
        assertThat(dao.movers(PROVINCE, 2563, 1)).extracting(AnalyticsDao.MoverRow::agencyCode).containsExactly(a);
        assertThat(dao.movers(PROVINCE, 2562, 10)).isEmpty();
    }

    @Test
    void aCorrectedYearChangesTheNextYearsPreviousTotalsAndMovers() {
        // d's 2563 total corrected from 75.00 to 60.00, and c given a 2563 result: in 2564 (loaded before), d rose 15.00
        // and c has a previous total now; 2564's ranks are unchanged.
        load(HEADER + row(d, 2563, "60.00", NO_INDICATORS) + row(c, 2563, "95.50", NO_INDICATORS));

        assertThat(dao.ranking(PROVINCE, 2564)).extracting(r -> r.rank() + " " + r.agencyCode() + " " + r.change())
                .containsExactly("1 " + c + " -4.50", "2 " + a + " 1.99", "2 " + b + " null", "2 " + e + " null",
                        "5 " + d + " 15.00");
        assertThat(dao.movers(PROVINCE, 2564, 10)).extracting(m -> m.agencyCode() + " " + m.change())
                .containsExactly(d + " 15.00", a + " 1.99", c + " -4.50");
        assertThat(dao.movers(PROVINCE, 2564, 1)).extracting(m -> m.agencyCode() + " " + m.change())
                .containsExactly(d + " 15.00", c + " -4.50");
        assertThat(dao.ranking(PROVINCE, 2563)).extracting(r -> r.rank() + " " + r.agencyCode() + " " + r.previousTotal())
                .containsExactly("1 " + c + " null", "2 " + a + " 80.00", "3 " + d + " 70.00");
    }

    @Test
    void standingsCountTiesAsTheSameRank() {
        assertThat(dao.standings(PROVINCE, e)).extracting(s -> s.fiscalYear() + " " + s.rank() + "/" + s.agencies() + " " + s.total())
                .containsExactly("2562 1/4 90.00", "2564 2/5 88.00");
        assertThat(dao.standings(PROVINCE, d)).extracting(s -> s.fiscalYear() + " " + s.rank() + "/" + s.agencies())
                .containsExactly("2562 4/4", "2563 2/2", "2564 5/5");
    }

    @Test
    void trendMeansAndMediansAreExactAndRoundHalfUp() {
        List<String> years = dao.yearSummaries(PROVINCE, PASS).stream().map(y -> y.fiscalYear() + " n=" + y.agencies()
                + " mean=" + y.meanTotal().toPlainString() + " middle=" + y.middleLow().toPlainString() + "/"
                + y.middleHigh().toPlainString() + " passed=" + y.passed()).toList();

        // 2562: 70, 80, 85, 90 → mean 81.25, middle 80/85. 2563: 75 and 86.01 → mean 80.505 → 80.51.
        // 2564: 75, 88, 88, 88, 91 → mean 86.00, median 88.
        assertThat(years).containsExactly("2562 n=4 mean=81.25 middle=80.00/85.00 passed=2",
                "2563 n=2 mean=80.51 middle=75.00/86.01 passed=1", "2564 n=5 mean=86.00 middle=88.00/88.00 passed=4");
        assertThat(dao.yearSummaries(null, PASS)).extracting(AnalyticsDao.YearSummary::agencies).containsExactly(4L, 2L, 5L);
        assertThat(dao.passRatesByProvince(2563, PASS)).extracting(g -> g.groupCode() + " " + g.agencies() + " " + g.passed()
                + " " + g.meanTotal()).containsExactly(PROVINCE + " 2 1 80.51");
        long byType = dao.passRates(PROVINCE, 2564, PASS).stream().mapToLong(AnalyticsDao.PassRateRow::agencies).sum();
        assertThat(byType).isEqualTo(5);
        assertThat(dao.passRatesByType(2564, PASS).stream().mapToLong(AnalyticsDao.GroupPassRate::passed).sum()).isEqualTo(4);
    }

    @Test
    void weakestIndicatorsCountEveryIndicatorTiedForWeakest() {
        List<String> indicators = dao.weakestIndicators(PROVINCE, 2564).stream()
                .map(i -> i.indicator() + " " + i.meanScore().toPlainString() + " " + i.agencies() + " " + i.weakestFor()).toList();

        // a: 1 and 3 tie at 80; b: 1 and 2 tie at 85; d: 1 and 3 tie at 70; c: 2..10 tie at 90. e has none.
        // Indicator 1: (95 + 80 + 85 + 70) / 4 = 82.50; 3: (90 + 80 + 95 + 70) / 4 = 83.75; 2: (90 + 90 + 85 + 75) / 4 = 85.00.
        assertThat(indicators).startsWith("1 82.50 4 3", "3 83.75 4 3", "2 85.00 4 2");
        assertThat(indicators).hasSize(10);
    }

    @Test
    void aLoadMakesTheNextReadFreshOnEveryInstance() {
        DataVersion version = new DataVersion(pg);
        AnalyticsDao one = new AnalyticsCache(version, 100, Duration.ofMinutes(5)).wrap(dao);
        AnalyticsDao two = new AnalyticsCache(version, 100, Duration.ofMinutes(5)).wrap(dao);
        assertThat(one.ranking(PROVINCE, 2564).get(4).total()).isEqualByComparingTo("75.00");
        assertThat(two.ranking(PROVINCE, 2564).get(4).total()).isEqualByComparingTo("75.00");
        assertThat(one.ranking(PROVINCE, 2564)).isSameAs(one.ranking(PROVINCE, 2564));
        long before = version.current();

        load(HEADER + row(d, 2564, "93.00", "70,75,70,80,80,80,80,80,80,80"));

        assertThat(version.current()).isGreaterThan(before);
        assertThat(one.ranking(PROVINCE, 2564).getFirst().agencyCode() + " " + one.ranking(PROVINCE, 2564).getFirst().total())
                .isEqualTo(d + " 93.00");
        assertThat(two.ranking(PROVINCE, 2564).getFirst().agencyCode()).isEqualTo(d);
        assertThat(two.yearSummaries(PROVINCE, PASS).getLast().meanTotal()).isEqualByComparingTo("89.60");
    }

    @Test
    void theCacheAnswersRepeatedReadsAndCountsThem() {
        com.codahale.metrics.MetricRegistry metrics = new com.codahale.metrics.MetricRegistry();
        AnalyticsCache cache = new AnalyticsCache(new DataVersion(pg), 100, Duration.ofMinutes(5));
        cache.registerMetrics(metrics);
        AnalyticsDao cached = cache.wrap(dao);

        String first = cached.matrix(PROVINCE, 2564).stream().map(AnalyticsDao.MatrixRow::agencyCode).collect(Collectors.joining(","));
        String second = cached.matrix(PROVINCE, 2564).stream().map(AnalyticsDao.MatrixRow::agencyCode).collect(Collectors.joining(","));
        cached.matrix(PROVINCE, 2563);

        assertThat(second).isEqualTo(first).isEqualTo(String.join(",", codes));
        assertThat(metrics.getGauges().get("analytics.cache.hits").getValue()).isEqualTo(1L);
        assertThat(metrics.getGauges().get("analytics.cache.misses").getValue()).isEqualTo(2L);
    }
}
