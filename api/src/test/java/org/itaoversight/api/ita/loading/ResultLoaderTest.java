package org.itaoversight.api.ita.loading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.itaoversight.api.ita.catalog.Catalog;
import org.itaoversight.api.ita.loading.LoadReport;
import org.itaoversight.api.ita.loading.ResultFile;
import org.itaoversight.api.ita.loading.ResultFileReader;
import org.itaoversight.api.ita.loading.ResultLoadException;
import org.itaoversight.api.ita.loading.ResultLoader;
import org.itaoversight.api.testing.TestingClickHouse;
import org.itaoversight.api.testing.TestingDatabases;
import org.itaoversight.api.testing.TestingPostgres;
import org.itaoversight.api.testing.TestingServers;
import org.itaoversight.tenants.registry.AgencyRegistry;
import org.itaoversight.tenants.registry.RegistryCsv;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Loading result files into real ClickHouse, recorded in real PostgreSQL. */
@ExtendWith(TestingServers.class)
class ResultLoaderTest {

    private static final String HEADER = "agency_code,fiscal_year,total,level\n";
    private static final ResultLoader.Loader WHO = new ResultLoader.Loader("sub-1", "platform-admin");

    private final TestingPostgres postgres;
    private final TestingClickHouse clickhouse;
    private final ResultFileReader reader = new ResultFileReader(Catalog.bundled(),
            AgencyRegistry.of(RegistryCsv.bundledProvinces(), RegistryCsv.bundledSampleAgencies()));
    private Jdbi pg;
    private Jdbi ch;
    private ResultLoader loader;

    ResultLoaderTest(TestingPostgres postgres, TestingClickHouse clickhouse) {
        this.postgres = postgres;
        this.clickhouse = clickhouse;
    }

    @BeforeEach
    void freshDatabases() {
        TestingDatabases databases = TestingDatabases.migrated(postgres, clickhouse);
        pg = databases.postgres();
        ch = databases.clickhouse();
        loader = new ResultLoader(ch, pg, Clock.systemUTC());
    }

    private ResultFile file(String name, String csv) {
        return reader.read(name, csv.getBytes(StandardCharsets.UTF_8));
    }

    private String pgOne(String sql) {
        return pg.withHandle(h -> h.createQuery(sql).mapTo(String.class).one());
    }

    private List<String> chQuery(String sql) {
        return ch.withHandle(h -> h.createQuery(sql).mapTo(String.class).list());
    }

    private List<String> results() {
        return ch.withHandle(h -> h.createQuery("SELECT concat(toString(fiscal_year), ' ', agency_code, ' ', toString(total), "
                + "' ', level, ' ', province_code) FROM ita_result ORDER BY fiscal_year, agency_code").mapTo(String.class).list());
    }

    @Test
    void loadsRowsAndRecordsTheLoad() {
        LoadReport report = loader.load(file("2565.csv", HEADER + "6730301,2565,89.79,A\n6111101,2565,84.10,B\n"), WHO);

        assertThat(results()).containsExactly("2565 6111101 84.1 B 11", "2565 6730301 89.79 A 73");
        assertThat(report.rowsAccepted()).isEqualTo(2);
        assertThat(report.fiscalYears()).containsExactly(2565);
        assertThat(pgOne("SELECT concat(username, ' ', file_name, ' ', sha256, ' ', rows_accepted, ' ', status) "
                + "FROM ita_load"))
                .isEqualTo("platform-admin 2565.csv " + report.sha256() + " 2 LOADED");
    }

    @Test
    void loadingTheSameFileAgainChangesNothing() {
        ResultFile same = file("2565.csv", HEADER + "6730301,2565,89.79,A\n6111101,2565,84.10,B\n");
        loader.load(same, WHO);
        List<String> first = results();

        loader.load(same, WHO);

        assertThat(results()).isEqualTo(first);
    }

    @Test
    void aCorrectedFileReplacesOnlyItsAgenciesOfThatYear() {
        loader.load(file("2565.csv", HEADER + "6730301,2565,89.79,A\n6111101,2565,84.10,B\n"), WHO);
        loader.load(file("2566.csv", HEADER + "6730301,2566,91.00,A\n"), WHO);

        loader.load(file("2565-fix.csv", HEADER + "6111101,2565,86.20,A\n"), WHO);

        assertThat(results()).containsExactly("2565 6111101 86.2 A 11", "2565 6730301 89.79 A 73", "2566 6730301 91 A 73");
    }

    @Test
    void aBadRowInTheMiddleLeavesClickHouseUnchangedAndRecordsTheFailure() {
        loader.load(file("2565.csv", HEADER + "6730301,2565,89.79,A\n"), WHO);
        List<String> before = results();
        ResultFile bad = file("bad.csv", HEADER + "6111101,2565,84.10,B\n6760401,2565,120,A\n6111102,2565,90.00,A\n");

        assertThatThrownBy(() -> loader.load(bad, WHO)).isInstanceOf(ResultLoadException.class)
                .hasMessageContaining("bad.csv, row 3, column total: score 120 is outside 0–100")
                .hasMessageContaining("nothing was loaded");

        assertThat(results()).isEqualTo(before);
        assertThat(pgOne("SELECT status FROM ita_load WHERE file_name = 'bad.csv'")).isEqualTo("FAILED");
    }

    @Test
    void loadsQuestionScoresAndReplacesThoseOfTheLoadedAgencies() {
        LoadReport first = loader.load(file("q.csv", "agency_code,fiscal_year,code,score\n6730301,2565,O๒๐,60.76\n"
                + "6730301,2565,o28,64.75\n6111101,2565,e12,80\n"), WHO);

        LoadReport fix = loader.load(file("q-fix.csv", "agency_code,fiscal_year,code,score\n6730301,2565,o20,70.00\n"), WHO);

        assertThat(chQuery("SELECT concat(agency_code, ' ', question, ' ', toString(score), ' ', "
                + "toString(indicator)) FROM ita_question_score ORDER BY agency_code, question"))
                .containsExactly("6111101 e12 80 8", "6730301 o20 70 9");
        // Each row keeps the id and time of the load that brought it (the staging table's defaults, not sent per row).
        assertThat(chQuery("SELECT concat(agency_code, ' ', load_id, ' ', toString(toYear(loaded_at) > 2000)) "
                + "FROM ita_question_score ORDER BY agency_code"))
                .containsExactly("6111101 " + first.loadId() + " 1", "6730301 " + fix.loadId() + " 1");
    }

    @Test
    void indicatorScoresAreStoredInTheRow() {
        loader.load(file("wide.csv", "agency_code,fiscal_year,indicator_1,indicator_2,indicator_3,indicator_4,indicator_5,"
                + "indicator_6,indicator_7,indicator_8,indicator_9,indicator_10\n"
                + "6730301,2565,86.76,75.12,82.95,80.59,81.42,93.40,85.37,79.98,97.50,100.00\n"), WHO);

        assertThat(chQuery("SELECT concat(toString(total), ' ', level, ' ', toString(level_published), ' ', "
                + "toString(iit), ' ', toString(indicator_scores[3])) FROM ita_result"))
                .containsExactly("89.79 A false 81.37 82.95");
    }
}
