package org.itaoversight.api.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.itaoversight.api.health.ClickHouseClusterHealthCheck;
import org.itaoversight.api.ita.analytics.AnalyticsDao;
import org.itaoversight.api.ita.catalog.Catalog;
import org.itaoversight.api.ita.loading.ResultFileReader;
import org.itaoversight.api.ita.loading.ResultLoader;
import org.itaoversight.api.ita.loading.ShardedYearReplacement;
import org.itaoversight.api.registry.AgencyDimensionDao;
import org.itaoversight.api.registry.RegistryConfiguration;
import org.itaoversight.api.registry.RegistryLoader;
import org.itaoversight.api.registry.RegistrySource;
import org.itaoversight.api.testing.TestingClickHouse;
import org.itaoversight.api.testing.TestingClickHouseCluster;
import org.itaoversight.api.testing.TestingPostgres;
import org.itaoversight.api.testing.TestingServers;
import org.itaoversight.migrations.clickhouse.ClickHouseClusterScripts;
import org.itaoversight.migrations.clickhouse.ClickHouseMigrator;
import org.itaoversight.migrations.clickhouse.ClickHouseScripts;
import org.itaoversight.migrations.postgres.PostgresMigrator;
import org.itaoversight.api.testing.TestingResultFiles;
import org.itaoversight.tenants.registry.Agency;
import org.itaoversight.tenants.registry.AgencyRegistry;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The analytics on a ClickHouse cluster of two real engines (two shards, no replicas: the engine library runs no
 * Keeper, see {@link TestingClickHouseCluster}) against one engine, for the same registry and the same result files
 * (several provinces on each shard, three years, question scores): the cluster schema as the migrations build it,
 * rows on the shard of their province, every analytics query answering identically, and a year replaced on every
 * shard or on none when a shard fails in the middle of a load.
 */
@ExtendWith(TestingServers.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClickHouseClusterTest {

    private static final int FIRST_YEAR = 2566;
    private static final int LAST_YEAR = 2568;
    private static final ResultLoader.Loader WHO = new ResultLoader.Loader("cluster-test", "cluster-test");

    private final TestingPostgres postgres;
    private final TestingClickHouse single;
    private final TestingClickHouseCluster cluster;
    private final Catalog catalog = Catalog.bundled();
    private final String database = "cluster_" + UUID.randomUUID().toString().replace("-", "");

    private AgencyRegistry registry;
    private ResultFileReader reader;
    private Map<String, String> files;
    private Jdbi onOneNode;
    private Jdbi onCluster;
    private ClickHouseCluster shards;

    ClickHouseClusterTest(TestingPostgres postgres, TestingClickHouse single, TestingClickHouseCluster cluster) {
        this.postgres = postgres;
        this.single = single;
        this.cluster = cluster;
    }

    @BeforeAll
    void loadTheSameDataOnOneNodeAndOnTheCluster() {
        cluster.migrate(database);
        shards = cluster.cluster(database);
        registry = provincesOnEveryShard(new RegistrySource(new RegistryConfiguration()).load());
        reader = new ResultFileReader(catalog, registry);
        files = resultFiles();

        new ClickHouseMigrator(single::connect, database, ClickHouseScripts.bundled(), Clock.systemUTC()).migrate("cluster test");
        onOneNode = Jdbi.create(single.engine().jdbcUrl(database), "default", "").installPlugin(new SqlObjectPlugin());
        onCluster = cluster.endpoint(database);
        load(onOneNode, Optional.empty());
        load(onCluster, Optional.of(new ShardedYearReplacement(shards)));
    }

    /** The national registry cut down to the first provinces (by code) that give every shard at least two. */
    private AgencyRegistry provincesOnEveryShard(AgencyRegistry national) {
        Map<Integer, List<String>> byShard = new LinkedHashMap<>();
        List<String> chosen = new ArrayList<>();
        for (String province : new TreeSet<>(national.provinces().stream().map(p -> p.code()).toList())) {
            int shard = shards.shardsOf(List.of(province)).get(province).number();
            if (byShard.computeIfAbsent(shard, s -> new ArrayList<>()).size() < 2) {
                byShard.get(shard).add(province);
                chosen.add(province);
            }
            if (byShard.size() == cluster.shards() && byShard.values().stream().allMatch(p -> p.size() == 2)) {
                break;
            }
        }
        assertThat(byShard).hasSize(cluster.shards());
        List<Agency> agencies = national.agencies().stream().filter(a -> chosen.contains(a.provinceCode())).toList();
        return AgencyRegistry.of(national.provinces(), agencies);
    }

    private Jdbi freshPostgres() {
        String pgDatabase = postgres.createDatabase();
        new PostgresMigrator(postgres.dataSource(pgDatabase)).migrate();
        return Jdbi.create(postgres.jdbcUrl(pgDatabase)).installPlugin(new SqlObjectPlugin());
    }

    private void load(Jdbi clickhouse, Optional<ShardedYearReplacement> sharded) {
        Jdbi pg = freshPostgres();
        ResultLoader loader = new ResultLoader(clickhouse, pg, Clock.systemUTC(), sharded);
        new RegistryLoader(pg, clickhouse, Clock.systemUTC()).load(registry, "cluster test");
        files.forEach((name, csv) -> loader.load(reader.read(name, csv.getBytes(StandardCharsets.UTF_8)), WHO));
    }

    /**
     * Result files of the chosen agencies, made up here (seeded): per year the totals with their levels and the
     * indicator scores (some agencies without them, some totals tied), and the last year's question scores.
     */
    private Map<String, String> resultFiles() {
        List<Agency> agencies = registry.agencies().stream().sorted(Comparator.comparing(Agency::code)).toList();
        return new TestingResultFiles(2568, 55, 7, 3, 11, 5, 8, "results-", "questions-")
                .write(catalog, agencies, FIRST_YEAR, LAST_YEAR);
    }

    private List<String> provinces() {
        return new TreeSet<>(registry.agencies().stream().map(Agency::provinceCode).toList()).stream().toList();
    }

    @Test
    void theMigrationsBuildOnEveryShardTheTablesOfOneNodeWithADistributedTableOverThem() {
        Map<String, String> oneNode = columnsByTable(onOneNode, "engine LIKE '%MergeTree' AND name != 'schema_version'");
        assertThat(oneNode).containsKeys("ita_result", "ita_question_score", "agency_dimension", "measure_completion_snapshot");

        for (int shard = 1; shard <= cluster.shards(); shard++) {
            Jdbi node = Jdbi.create(cluster.shard(shard).jdbcUrl(database), "default", "");
            Map<String, String> distributed = columnsByTable(node, "engine = 'Distributed'");
            Map<String, String> local = columnsByTable(node, "engine LIKE '%MergeTree' AND name LIKE '%\\\\_local'");
            assertThat(distributed).as("Distributed tables on shard " + shard).isEqualTo(oneNode);
            assertThat(local.keySet()).as("shard tables on shard " + shard)
                    .isEqualTo(oneNode.keySet().stream().map(t -> t + "_local").collect(Collectors.toSet()));
            oneNode.forEach((table, columns) -> assertThat(local.get(table + "_local")).as(table).isEqualTo(columns));
            assertThat(strings(node, "SELECT concat(replaceRegexpOne(table, '_local$', ''), '.', name) FROM system.projections "
                    + "WHERE database = currentDatabase() ORDER BY 1")).as("projections of the shard tables on shard " + shard)
                    .isEqualTo(strings(onOneNode, "SELECT concat(table, '.', name) FROM system.projections "
                            + "WHERE database = currentDatabase() ORDER BY 1"));
            List<String> engines = strings(node, "SELECT DISTINCT engine_full FROM system.tables "
                    + "WHERE database = currentDatabase() AND engine = 'Distributed'");
            assertThat(engines).allSatisfy(engine -> assertThat(engine).contains("'" + TestingClickHouseCluster.NAME + "'")
                            .endsWith(ClickHouseCluster.SHARDING_KEY + ")"));
        }
        assertThat(cluster.migrate(database)).as("a second run on the cluster").isEmpty();
    }

    private static Map<String, String> columnsByTable(Jdbi jdbi, String tableFilter) {
        return jdbi.withHandle(h -> h.createQuery("SELECT table, arrayStringConcat(groupArray(concat(name, ' ', type)), ', ') "
                        + "FROM (SELECT table, name, type FROM system.columns WHERE database = currentDatabase() AND table IN "
                        + "(SELECT name FROM system.tables WHERE database = currentDatabase() AND " + tableFilter + ") "
                        + "ORDER BY table, position) GROUP BY table")
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2))).list())
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    @Test
    void everyShardHoldsTheRowsOfItsProvincesAndTogetherAllOfThem() {
        Map<String, ClickHouseCluster.Shard> placed = shards.shardsOf(provinces());
        long total = 0;
        for (ClickHouseCluster.Shard shard : shards.shards()) {
            for (String table : List.of("ita_result", "ita_question_score", "agency_dimension")) {
                List<String> held = shard.jdbi().withHandle(h -> h.createQuery("SELECT DISTINCT province_code FROM " + table
                        + "_local ORDER BY province_code").mapTo(String.class).list());
                List<String> expected = placed.entrySet().stream().filter(e -> e.getValue().number() == shard.number())
                        .map(Map.Entry::getKey).sorted().toList();
                assertThat(held).as(table + " on shard " + shard.number()).isNotEmpty().isEqualTo(expected);
            }
            total += shard.jdbi().withHandle(h -> h.createQuery("SELECT count() FROM ita_question_score_local").mapTo(Long.class).one());
        }
        long oneNode = onOneNode.withHandle(h -> h.createQuery("SELECT count() FROM ita_question_score").mapTo(Long.class).one());
        assertThat(total).isEqualTo(oneNode).isPositive();
        assertThat(onCluster.withExtension(AgencyDimensionDao.class, AgencyDimensionDao::countAgencies))
                .isEqualTo(onOneNode.withExtension(AgencyDimensionDao.class, AgencyDimensionDao::countAgencies))
                .isEqualTo(registry.agencyCount());
    }

    @Test
    void everyAnalyticsQueryAnswersOnTheClusterAsOnOneNode() throws Exception {
        AnalyticsDao oneNode = onOneNode.onDemand(AnalyticsDao.class);
        AnalyticsDao onShards = onCluster.onDemand(AnalyticsDao.class);
        List<Method> queries = Arrays.stream(AnalyticsDao.class.getMethods()).filter(m -> m.isAnnotationPresent(SqlQuery.class))
                .sorted(Comparator.comparing(Method::getName)).toList();
        assertThat(queries).hasSizeGreaterThanOrEqualTo(5);
        int compared = 0;
        for (Method query : queries) {
            for (Object[] arguments : argumentsFor(query)) {
                Object expected = query.invoke(oneNode, arguments);
                Object actual = query.invoke(onShards, arguments);
                assertThat(actual).as(query.getName() + Arrays.toString(arguments)).isEqualTo(expected);
                if (!(expected instanceof List<?> rows) || !rows.isEmpty()) {
                    compared++;
                }
            }
        }
        assertThat(compared).as("comparisons with rows").isGreaterThan(queries.size() * 2);
    }

    /** Every combination of the values a query binds: provinces of every shard, the last two years, an agency of each. */
    private List<Object[]> argumentsFor(Method query) {
        List<Object[]> combinations = new ArrayList<>();
        combinations.add(new Object[0]);
        for (Parameter parameter : query.getParameters()) {
            Bind bind = parameter.getAnnotation(Bind.class);
            String name = bind == null ? parameter.getName() : bind.value();
            List<Object> values = switch (name) {
                case "province" -> List.copyOf(provinces());
                case "year", "fiscalYear" -> List.of(LAST_YEAR - 1, LAST_YEAR);
                case "agency" -> List.copyOf(provinces().stream().map(p -> registry.agenciesOf(p).getFirst().code()).toList());
                case "passMark" -> List.of(new BigDecimal("85.00"));
                case "limit" -> List.of(5);
                default -> fail("no test value for the parameter '" + name + "' of AnalyticsDao." + query.getName()
                        + ": add one to this test");
            };
            List<Object[]> next = new ArrayList<>();
            for (Object[] prefix : combinations) {
                for (Object value : values) {
                    Object[] extended = Arrays.copyOf(prefix, prefix.length + 1);
                    extended[prefix.length] = value;
                    next.add(extended);
                }
            }
            combinations = next;
        }
        // An agency belongs to one province: keep only the pairs that match, as the API asks them.
        return combinations.stream().filter(args -> agencyInProvince(query, args)).toList();
    }

    private boolean agencyInProvince(Method query, Object[] args) {
        String province = null;
        String agency = null;
        Parameter[] parameters = query.getParameters();
        for (int i = 0; i < parameters.length; i++) {
            Bind bind = parameters[i].getAnnotation(Bind.class);
            String name = bind == null ? "" : bind.value();
            if (name.equals("province")) {
                province = (String) args[i];
            } else if (name.equals("agency")) {
                agency = (String) args[i];
            }
        }
        return province == null || agency == null || registry.agency(agency).orElseThrow().provinceCode().equals(province);
    }

    @Test
    void aYearIsReplacedOnEveryShardOrOnNoneWhenAShardFailsBetweenShards() {
        String own = "cluster_failure_" + UUID.randomUUID().toString().replace("-", "");
        cluster.migrate(own);
        Jdbi endpoint = cluster.endpoint(own);
        ClickHouseCluster ownShards = cluster.cluster(own);
        Jdbi pg = freshPostgres();
        byte[] original = files.get("results-" + LAST_YEAR + ".csv").getBytes(StandardCharsets.UTF_8);
        new ResultLoader(endpoint, pg, Clock.systemUTC(), Optional.of(new ShardedYearReplacement(ownShards)))
                .load(reader.read("original.csv", original), WHO);
        List<String> before = rowsOf(endpoint);
        assertThat(before).hasSize(registry.agencyCount());
        List<String> ranksBefore = ranksOf(endpoint);
        assertThat(ranksBefore).as("the year's province ranks, rebuilt on the shards").hasSameSizeAs(before);

        // A corrected file: every total of the year one point lower, with its level.
        String corrected = lowerEveryTotal(new String(original, StandardCharsets.UTF_8));
        ResultLoader failing = new ResultLoader(endpoint, pg, Clock.systemUTC(), Optional.of(new ShardedYearReplacement(ownShards,
                (shard, done, of, years) -> {
                    if (done == 1) {
                        cluster.stopShard(2);
                    }
                })));
        try {
            assertThatThrownBy(() -> failing.load(reader.read("corrected.csv", corrected.getBytes(StandardCharsets.UTF_8)), WHO))
                    .hasMessageContaining("failed on ClickHouse shard 2 of 2")
                    .hasMessageContaining("every shard holds the years as they were");
            Map<String, ClickHouseCluster.Shard> placed = ownShards.shardsOf(provinces());
            assertThat(rowsOnShard(ownShards.shards().getFirst())).as("shard 1 after the rollback")
                    .isEqualTo(before.stream().filter(r -> placed.get(r.substring(0, r.indexOf(' '))).number() == 1).toList());
            assertThat(ranksOnShard(ownShards.shards().getFirst())).as("shard 1's province ranks after the rollback")
                    .isEqualTo(ranksBefore.stream().filter(r -> placed.get(r.substring(0, r.indexOf(' '))).number() == 1).toList());
            assertThat(new ClickHouseClusterHealthCheck(() -> ownShards).execute().getMessage())
                    .contains("shard 2 (" + cluster.shard(2).serverJdbcUrl() + ")");
        } finally {
            cluster.restartShard(2);
        }
        assertThat(new ClickHouseClusterHealthCheck(() -> ownShards).execute().isHealthy()).isTrue();
        assertThat(rowsOf(endpoint)).as("the whole year after shard 2 is back").isEqualTo(before);
        assertThat(strings(pg, "SELECT status FROM ita_load ORDER BY started_at")).containsExactly("LOADED", "FAILED");
        assertThat(strings(ownShards.shards().getFirst().jdbi(), "SELECT name FROM system.tables WHERE database = currentDatabase() "
                + "AND (name LIKE '%\\\\_stage\\\\_%' OR name LIKE '%\\\\_backup\\\\_%')")).as("working tables left on shard 1").isEmpty();

        // Loading the same corrected file again completes it on every shard.
        new ResultLoader(endpoint, pg, Clock.systemUTC(), Optional.of(new ShardedYearReplacement(cluster.cluster(own))))
                .load(reader.read("corrected.csv", corrected.getBytes(StandardCharsets.UTF_8)), WHO);
        List<String> after = rowsOf(endpoint);
        assertThat(after).hasSameSizeAs(before).isNotEqualTo(before);
        for (int i = 0; i < before.size(); i++) {
            String[] old = before.get(i).split(" ");
            String[] now = after.get(i).split(" ");
            assertThat(new BigDecimal(now[2])).as(after.get(i)).isEqualByComparingTo(new BigDecimal(old[2]).subtract(BigDecimal.ONE));
        }
        assertThat(ranksOf(endpoint)).as("the province ranks follow the corrected totals on every shard")
                .isNotEqualTo(ranksBefore)
                .extracting(r -> r.substring(0, r.lastIndexOf(' ')))
                .containsExactlyInAnyOrderElementsOf(after);
    }

    /**
     * Results loaded before the analytics scripts: their fills (V004's aggregates, V005's ranks), run on each node as
     * the migrator runs them, give each table exactly the rows the loader builds shard by shard, once.
     */
    @Test
    void theAnalyticsScriptsFillTheAggregatesOfResultsLoadedBeforeThemOnEveryShardOnce() {
        String own = "cluster_backfill_" + UUID.randomUUID().toString().replace("-", "");
        cluster.migrate(own);
        Jdbi endpoint = cluster.endpoint(own);
        ClickHouseCluster ownShards = cluster.cluster(own);
        ResultLoader loader = new ResultLoader(endpoint, freshPostgres(), Clock.systemUTC(),
                Optional.of(new ShardedYearReplacement(ownShards)));
        files.forEach((name, csv) -> loader.load(reader.read(name, csv.getBytes(StandardCharsets.UTF_8)), WHO));
        Map<String, List<String>> built = derivedRows(endpoint);
        assertThat(built.values()).allSatisfy(rows -> assertThat(rows).isNotEmpty());

        for (ClickHouseCluster.Shard shard : ownShards.shards()) {
            shard.jdbi().useHandle(h -> built.keySet().forEach(table -> h.execute("TRUNCATE TABLE " + table + "_local")));
        }
        assertThat(derivedRows(endpoint).values()).allSatisfy(rows -> assertThat(rows).isEmpty());
        List<String> fills = ClickHouseClusterScripts.forEachNode(TestingClickHouseCluster.NAME, own).stream()
                .filter(script -> script.version() == 4 || script.version() == 5)
                .flatMap(script -> script.statements().stream())
                .filter(sql -> sql.strip().startsWith("INSERT")).toList();
        assertThat(fills).hasSize(3);
        for (String fill : fills) {
            for (ClickHouseCluster.Shard shard : ownShards.shards()) {
                shard.jdbi().useHandle(h -> h.execute(fill));
            }
        }
        assertThat(derivedRows(endpoint)).isEqualTo(built);
    }

    /** Every row of the tables derived from the results, as text in a fixed order, by table. */
    private static Map<String, List<String>> derivedRows(Jdbi jdbi) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (String table : List.of("ita_total_histogram", "ita_indicator_summary", "ita_province_rank")) {
            rows.put(table, strings(jdbi, "SELECT toString(tuple(*)) AS row FROM " + table + " ORDER BY row"));
        }
        return rows;
    }

    private static List<String> ranksOf(Jdbi jdbi) {
        return ranks(jdbi, "ita_province_rank");
    }

    private static List<String> ranksOnShard(ClickHouseCluster.Shard shard) {
        return ranks(shard.jdbi(), "ita_province_rank_local");
    }

    private static List<String> ranks(Jdbi jdbi, String table) {
        return strings(jdbi, "SELECT concat(province_code, ' ', agency_code, ' ', toString(total), ' ', toString(rank)) "
                + "FROM " + table + " WHERE fiscal_year = " + LAST_YEAR + " ORDER BY province_code, agency_code");
    }

    private static List<String> strings(Jdbi jdbi, String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(String.class).list());
    }

    private static List<String> rowsOf(Jdbi jdbi) {
        return jdbi.withHandle(h -> h.createQuery("SELECT concat(province_code, ' ', agency_code, ' ', toString(total)) FROM ita_result "
                + "WHERE fiscal_year = " + LAST_YEAR + " ORDER BY province_code, agency_code").mapTo(String.class).list());
    }

    private static List<String> rowsOnShard(ClickHouseCluster.Shard shard) {
        return shard.jdbi().withHandle(h -> h.createQuery("SELECT concat(province_code, ' ', agency_code, ' ', toString(total)) "
                + "FROM ita_result_local WHERE fiscal_year = " + LAST_YEAR + " ORDER BY province_code, agency_code")
                .mapTo(String.class).list());
    }

    /** The wide file with every total one point lower, its level from the catalog, and no indicator columns. */
    private String lowerEveryTotal(String csv) {
        List<String> lines = csv.lines().toList();
        List<String> header = List.of(lines.getFirst().split(",", -1));
        int total = header.indexOf("total");
        StringBuilder out = new StringBuilder("agency_code,fiscal_year,total,level\n");
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            BigDecimal lower = new BigDecimal(cells[total]).subtract(BigDecimal.ONE);
            out.append(cells[0]).append(',').append(cells[1]).append(',').append(lower.toPlainString()).append(',')
                    .append(catalog.band(lower)).append('\n');
        }
        return out.toString();
    }
}
