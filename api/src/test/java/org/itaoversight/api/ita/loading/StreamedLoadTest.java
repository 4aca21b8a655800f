package org.itaoversight.api.ita.loading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.itaoversight.api.ita.catalog.Catalog;
import org.itaoversight.api.ita.catalog.Indicator;
import org.itaoversight.api.ita.importing.QuestionCode;
import org.itaoversight.api.testing.TestingClickHouse;
import org.itaoversight.api.testing.TestingDatabases;
import org.itaoversight.api.testing.TestingPostgres;
import org.itaoversight.api.testing.TestingServers;
import org.itaoversight.tenants.registry.Agency;
import org.itaoversight.tenants.registry.AgencyRegistry;
import org.itaoversight.tenants.registry.NationalRegistryGenerator;
import org.itaoversight.tenants.registry.RegistryCsv;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A question-score file read while it is inserted, against real ClickHouse and PostgreSQL: exactly its rows once it
 * is clean; nothing at all when its last row has a problem although the rows before it were already in the staging
 * table; nothing swapped when ClickHouse fails in the middle of the stream; the years' lock taken after the stream.
 * The files hold thousands of rows, so that rows reach ClickHouse before the end of the file.
 */
@ExtendWith(TestingServers.class)
class StreamedLoadTest {

    private static final ResultLoader.Loader WHO = new ResultLoader.Loader("sub-1", "platform-admin");
    private static final String HEADER = "agency_code,fiscal_year,code,score\n";
    private static final AgencyRegistry REGISTRY = new NationalRegistryGenerator(2568).generate(RegistryCsv.bundledProvinces(),
            RegistryCsv.bundledSampleAgencies());

    private final TestingPostgres postgres;
    private final TestingClickHouse clickhouse;
    private final Catalog catalog = Catalog.bundled();
    private final ResultFileReader reader = new ResultFileReader(catalog, REGISTRY);
    private Jdbi pg;
    private Jdbi ch;
    private ResultLoader loader;

    StreamedLoadTest(TestingPostgres postgres, TestingClickHouse clickhouse) {
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

    /** One line per question of each agency's year ("agency,year,question,score"), scores varying by row. */
    private List<String> rows(List<Agency> agencies, int year) {
        List<String> rows = new ArrayList<>();
        for (Agency agency : agencies) {
            for (Indicator indicator : catalog.framework(year).orElseThrow().indicators()) {
                for (String question : indicator.questions()) {
                    rows.add(agency.code() + "," + year + "," + question + "," + rows.size() % 100 + "."
                            + String.format("%02d", rows.size() * 7 % 100));
                }
            }
        }
        return rows;
    }

    private List<Agency> agencies(int from, int count) {
        return REGISTRY.agencies().stream().sorted(java.util.Comparator.comparing(Agency::code)).skip(from).limit(count).toList();
    }

    private static String csv(List<String> rows) {
        return HEADER + String.join("\n", rows) + "\n";
    }

    private UnreadResultFile unread(String name, String csv) {
        return reader.file(name, csv.getBytes(StandardCharsets.UTF_8));
    }

    /** The live question scores as "agency year question score", sorted. */
    private List<String> live() {
        return ch.withHandle(h -> h.createQuery("SELECT concat(agency_code, ',', toString(fiscal_year), ',', question, ',', "
                + "toString(score)) FROM ita_question_score ORDER BY agency_code, fiscal_year, question").mapTo(String.class).list());
    }

    /** The same lines as ClickHouse prints them: question codes as normalized, scores without trailing zeros. */
    private static List<String> asStored(List<String> rows) {
        return rows.stream().map(row -> {
            String[] f = row.split(",");
            return f[0] + "," + f[1] + "," + QuestionCode.normalize(f[2]) + "," + new java.math.BigDecimal(f[3])
                    .stripTrailingZeros().toPlainString();
        }).sorted().toList();
    }

    /** Tables left behind by loads in this test's database (staging copies are named …_stage_<load id>). */
    private List<String> stagingTables() {
        return ch.withHandle(h -> h.createQuery("SELECT name FROM system.tables WHERE database = currentDatabase() "
                + "AND name LIKE '%\\_stage\\_%'").mapTo(String.class).list());
    }

    private List<String> chList(String sql) {
        return ch.withHandle(h -> h.createQuery(sql).mapTo(String.class).list());
    }

    private String pgOne(String sql) {
        return pg.withHandle(h -> h.createQuery(sql).mapTo(String.class).one());
    }

    /** The rows ClickHouse wrote into staging tables of this database, from its query log. */
    private long rowsWrittenIntoStaging() {
        return ch.withHandle(h -> {
            h.execute("SYSTEM FLUSH LOGS");
            return h.createQuery("SELECT sum(written_rows) FROM system.query_log WHERE type = 'QueryFinish' "
                    + "AND current_database = currentDatabase() AND query LIKE 'INSERT INTO ita\\_question\\_score\\_stage\\_%'")
                    .mapTo(Long.class).one();
        });
    }

    @Test
    void aCleanFileReadWhileItIsInsertedLoadsExactlyItsRows() {
        List<String> rows = rows(agencies(0, 80), 2565);
        assertThat(rows).hasSizeGreaterThan(5_000);
        AtomicLong progress = new AtomicLong();

        LoadReport report = loader.load(unread("q-2565.csv", csv(rows)), WHO, progress::set);

        assertThat(live()).isEqualTo(asStored(rows));
        assertThat(report.rowsAccepted()).isEqualTo(rows.size());
        assertThat(report.fiscalYears()).containsExactly(2565);
        assertThat(report.layout()).isEqualTo(Layout.LONG);
        assertThat(progress.get()).isEqualTo(rows.size());
        assertThat(pgOne("SELECT concat(status, ' ', rows_accepted, ' ', layout, ' ', fiscal_years::text) FROM ita_load"))
                .isEqualTo("LOADED " + rows.size() + " LONG {2565}");
        // Each row carries its load's id (the staging table's default), and no staging table is left.
        assertThat(chList("SELECT DISTINCT load_id FROM ita_question_score")).containsExactly(report.loadId());
        assertThat(stagingTables()).isEmpty();
    }

    @Test
    void aStreamedFileReplacesOnlyItsAgenciesOfItsYearsAsAFileReadFirstDoes() {
        List<String> first = rows(agencies(0, 3), 2565);
        loader.load(reader.read("first.csv", csv(first).getBytes(StandardCharsets.UTF_8)), WHO);
        List<String> corrected = rows(agencies(2, 2), 2565).stream().map(r -> r.substring(0, r.lastIndexOf(',')) + ",50")
                .toList();

        loader.load(unread("fix.csv", csv(corrected)), WHO);

        List<String> expected = new ArrayList<>(first.stream().filter(r -> !r.startsWith(agencies(2, 1).getFirst().code()))
                .toList());
        expected.addAll(corrected);
        assertThat(live()).isEqualTo(asStored(expected));
        assertThat(stagingTables()).isEmpty();
    }

    @Test
    void aProblemOnTheLastRowLoadsNothingThoughTheRowsBeforeItWereAlreadyInStaging() {
        List<String> before = rows(agencies(0, 2), 2565);
        loader.load(unread("before.csv", csv(before)), WHO);
        List<String> liveBefore = live();
        List<String> rows = new ArrayList<>(rows(agencies(100, 80), 2565));
        int clean = rows.size();
        rows.add(rows.getFirst().substring(0, rows.getFirst().lastIndexOf(',')) + ",120");

        assertThatThrownBy(() -> loader.load(unread("bad-last.csv", csv(rows)), WHO))
                .isInstanceOf(ResultLoadException.class)
                .hasMessageContaining("bad-last.csv, row " + (clean + 2) + ", column score: score 120 is outside 0–100")
                .hasMessageContaining("nothing was loaded")
                .satisfies(e -> assertThat(((ResultLoadException) e).problemCount()).isEqualTo(1));

        assertThat(live()).isEqualTo(liveBefore);
        assertThat(stagingTables()).isEmpty();
        assertThat(pgOne("SELECT concat(status, ' ', rows_accepted, ' ', fiscal_years::text) FROM ita_load "
                + "WHERE file_name = 'bad-last.csv'")).isEqualTo("FAILED 0 {2565}");
        // The rows before the problem had gone to ClickHouse (the first file's and these): only the swap was withheld.
        assertThat(rowsWrittenIntoStaging()).isEqualTo(before.size() + clean);
    }

    @Test
    void aDuplicateOnTheLastRowLoadsNothing() {
        List<String> rows = new ArrayList<>(rows(agencies(200, 80), 2566));
        rows.add(rows.get(7).substring(0, rows.get(7).lastIndexOf(',')) + ",1.00");

        assertThatThrownBy(() -> loader.load(unread("duplicate-last.csv", csv(rows)), WHO))
                .isInstanceOf(ResultLoadException.class)
                .hasMessageContaining("duplicate-last.csv, row " + (rows.size() + 1) + ", column code: duplicate row")
                .hasMessageContaining("is already on row 9");

        assertThat(live()).isEmpty();
        assertThat(stagingTables()).isEmpty();
        assertThat(pgOne("SELECT status FROM ita_load WHERE file_name = 'duplicate-last.csv'")).isEqualTo("FAILED");
    }

    @Test
    void aClickHouseFailureInTheMiddleOfTheStreamSwapsNothingAndDropsTheStagingTable() {
        List<String> before = new ArrayList<>(rows(agencies(0, 2), 2565));
        before.addAll(rows(agencies(0, 2), 2566));
        loader.load(unread("before.csv", csv(before)), WHO);
        List<String> liveBefore = live();
        // ClickHouse refuses a block of the insert that holds two years: blocks of 1,000 rows, not squashed, and a
        // year change inside the third block; the first blocks are already written into the staging table by then.
        ResultLoader failing = new ResultLoader(ch, pg, Clock.systemUTC(), Optional.empty(), new ResultLoader.StagingInsert(
                Map.of("max_insert_block_size", "1000", "min_insert_block_size_rows", "0", "min_insert_block_size_bytes", "0",
                        "max_partitions_per_insert_block", "1"), false));
        List<String> rows = new ArrayList<>(rows(agencies(0, 40), 2565).subList(0, 2_500));
        rows.addAll(rows(agencies(0, 40), 2566));

        assertThatThrownBy(() -> failing.load(unread("fails-midway.csv", csv(rows)), WHO))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("fails-midway.csv");

        assertThat(live()).isEqualTo(liveBefore);
        assertThat(stagingTables()).isEmpty();
        assertThat(pgOne("SELECT status FROM ita_load WHERE file_name = 'fails-midway.csv'")).isEqualTo("FAILED");
        // The record says what ClickHouse refused, not only that the stream broke.
        assertThat(pgOne("SELECT error FROM ita_load WHERE file_name = 'fails-midway.csv'")).contains("fails-midway.csv")
                .containsIgnoringCase("partitions");
    }

    @Test
    void theYearsLockIsTakenAfterTheStreamAndBeforeTheSwap() throws Exception {
        List<String> rows = rows(agencies(300, 40), 2567);
        CompletableFuture<LoadReport> load;
        try (Handle elsewhere = pg.open()) {
            // The year's lock, held as another load of the same year would hold it.
            elsewhere.begin();
            elsewhere.execute("SELECT pg_advisory_xact_lock(hashtext('ita_result'), ?)", 2567);
            load = CompletableFuture.supplyAsync(() -> loader.load(unread("q-2567.csv", csv(rows)), WHO));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (pg.withHandle(h -> h.createQuery("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted")
                    .mapTo(Long.class).one()) == 0) {
                assertThat(System.nanoTime()).as("the load waiting for the year's lock").isLessThan(deadline);
                assertThat(load).as("the load, while another holds the year").isNotDone();
                Thread.sleep(20);
            }
            // Waiting for the lock: the file was streamed into its staging table; the live table is untouched.
            List<String> staged = stagingTables();
            assertThat(staged).hasSize(1);
            assertThat(chList("SELECT toString(count()) FROM " + staged.getFirst())).containsExactly(String.valueOf(rows.size()));
            assertThat(live()).isEmpty();
            assertThat(load).isNotDone();
            elsewhere.commit();
        }
        LoadReport report = load.get(60, TimeUnit.SECONDS);

        assertThat(report.rowsAccepted()).isEqualTo(rows.size());
        assertThat(live()).isEqualTo(asStored(rows));
        assertThat(stagingTables()).isEmpty();
    }

    @Test
    void aWideFileGivenUnreadLoadsAsBefore() {
        LoadReport report = loader.load(unread("wide.csv", "agency_code,fiscal_year,total,level\n"
                + agencies(0, 1).getFirst().code() + ",2565,89.79,A\n"), WHO);

        assertThat(report.layout()).isEqualTo(Layout.WIDE);
        assertThat(chList("SELECT concat(agency_code, ' ', toString(total)) FROM ita_result"))
                .containsExactly(agencies(0, 1).getFirst().code() + " 89.79");
        assertThat(stagingTables()).isEmpty();
    }

    @Test
    void aFileWhoseScoresWentToASinkCannotBeLoadedAsIfItHeldThem() {
        ResultFile streamed = unread("q.csv", csv(rows(agencies(0, 1), 2565))).read(score -> { });

        assertThat(streamed.isStreamed()).isTrue();
        assertThat(streamed.questions()).isEmpty();
        assertThatThrownBy(() -> loader.load(streamed, WHO)).isInstanceOf(IllegalArgumentException.class);
    }
}
