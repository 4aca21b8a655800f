package org.itaoversight.api.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.itaoversight.api.ita.catalog.Catalog;
import org.itaoversight.api.registry.RegistryConfiguration;
import org.itaoversight.api.registry.RegistrySource;
import org.itaoversight.api.testing.TestingClickHouse;
import org.itaoversight.api.testing.TestingClickHouseCluster;
import org.itaoversight.api.testing.TestingKeycloak;
import org.itaoversight.api.testing.TestingOversightApi;
import org.itaoversight.api.testing.TestingResultFiles;
import org.itaoversight.api.testing.TestingPostgres;
import org.itaoversight.api.testing.TestingServers;
import org.itaoversight.tenants.registry.Agency;
import org.itaoversight.tenants.registry.AgencyRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The whole application twice, from its configuration: once on one ClickHouse engine, once on the two-shard cluster
 * ({@code clickhouse.cluster}, {@code clickhouse.shards}; schema applied by the application at start-up, registry loaded
 * by it, result files loaded through {@code POST /api/v1/ita/loads}). Every analytics endpoint (province, agency,
 * national) answers the same JSON on both, for provinces that live on different shards.
 */
@ExtendWith(TestingServers.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalyticsApiOnClusterTest {

    private static final int FIRST_YEAR = 2567;
    private static final int LAST_YEAR = 2568;
    /** Provinces far apart in code; the test checks that they fall on more than one shard. */
    private static final List<String> PROVINCES = List.of("10", "20", "30", "50", "73", "90");

    private final TestingPostgres postgres;
    private final TestingClickHouse single;
    private final TestingClickHouseCluster cluster;
    private final TestingKeycloak keycloak;
    private final Catalog catalog = Catalog.bundled();

    private TestingOversightApi onOneNode;
    private TestingOversightApi onCluster;
    private List<Agency> agencies;

    AnalyticsApiOnClusterTest(TestingPostgres postgres, TestingClickHouse single, TestingClickHouseCluster cluster,
                              TestingKeycloak keycloak) {
        this.postgres = postgres;
        this.single = single;
        this.cluster = cluster;
        this.keycloak = keycloak;
    }

    @BeforeAll
    void startBothAndLoadTheSameFiles() {
        // One node first: a started application's dw.* overrides stay set until it stops, and the cluster's would
        // otherwise be taken by the next one started.
        onOneNode = TestingOversightApi.start(postgres, single, keycloak);
        onCluster = TestingOversightApi.startOnCluster(postgres, cluster, keycloak);
        AgencyRegistry registry = new RegistrySource(new RegistryConfiguration()).load();
        agencies = PROVINCES.stream().flatMap(p -> registry.agenciesOf(p).stream().limit(9)).toList();
        String token = onOneNode.tokens().accessToken("platform-admin");
        resultFiles().forEach((name, csv) -> {
            for (TestingOversightApi api : List.of(onOneNode, onCluster)) {
                TestingOversightApi.Response loaded = api.withToken(token)
                        .post("/api/v1/ita/loads?fileName=" + name, "text/csv", csv);
                assertThat(loaded.status()).as(name + ": " + loaded.body()).isEqualTo(200);
            }
        });
    }

    @AfterAll
    void stop() {
        if (onCluster != null) {
            onCluster.close();
        }
        if (onOneNode != null) {
            onOneNode.close();
        }
    }

    @Test
    void theApplicationOnTheClusterPutsEachProvinceOnOneShardAndTheProvincesOnSeveralShards() throws SQLException {
        String database = onCluster.support().getConfiguration().getClickhouse().getDatabase();
        Map<String, Integer> shardOf = new LinkedHashMap<>();
        for (int shard = 1; shard <= cluster.shards(); shard++) {
            try (Connection connection = cluster.connect(shard, database);
                 Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT DISTINCT province_code FROM ita_result_local")) {
                while (rows.next()) {
                    Integer before = shardOf.put(rows.getString(1), shard);
                    assertThat(before).as("province " + rows.getString(1) + " on one shard only").isNull();
                }
            }
        }
        assertThat(shardOf).containsOnlyKeys(PROVINCES);
        assertThat(shardOf.values()).as("shards holding the provinces").hasSizeGreaterThan(1).containsAll(List.of(1, 2));
    }

    @Test
    void everyAnalyticsEndpointAnswersOnTheClusterAsOnOneNode() {
        List<String> paths = new ArrayList<>(List.of("/api/v1/ita/national/trend"));
        for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
            paths.add("/api/v1/ita/national/pass-rates?year=" + year);
            for (String province : PROVINCES) {
                for (String view : List.of("ranking", "pass-rates", "weakest-indicators", "matrix", "movers")) {
                    paths.add("/api/v1/provinces/" + province + "/ita/" + view + "?year=" + year);
                }
            }
        }
        for (String province : PROVINCES) {
            paths.add("/api/v1/provinces/" + province + "/ita/trend");
            paths.add("/api/v1/provinces/" + province + "/ita/movers?year=" + LAST_YEAR + "&limit=3");
        }
        for (Agency agency : agencies.subList(0, 12)) {
            paths.add("/api/v1/agencies/" + agency.code() + "/ita/trend");
            paths.add("/api/v1/agencies/" + agency.code() + "/ita/standing?year=" + LAST_YEAR);
            paths.add("/api/v1/agencies/" + agency.code() + "/ita/weakest-questions?year=" + LAST_YEAR);
        }
        // One token for every request (both instances trust the same realm): a password grant per request would be
        // hundreds of sign-ins.
        String token = onOneNode.tokens().accessToken("platform-admin");
        int withRows = 0;
        for (String path : paths) {
            TestingOversightApi.Response expected = onOneNode.withToken(token).get(path);
            TestingOversightApi.Response actual = onCluster.withToken(token).get(path);
            assertThat(expected.status()).as(path + " on one node: " + expected.body()).isEqualTo(200);
            assertThat(actual.status()).as(path + " on the cluster: " + actual.body()).isEqualTo(200);
            assertThat(actual.json()).as(path).isEqualTo(expected.json());
            if (expected.body().contains("\"total\"") || expected.body().contains("\"score\"")) {
                withRows++;
            }
        }
        assertThat(withRows).as("answers that carry scores").isGreaterThan(paths.size() / 2);
    }

    @Test
    void theClusterHealthCheckReportsEveryShardNode() {
        TestingOversightApi.Response health = onCluster.getAdmin("/healthcheck");
        assertThat(health.status()).as(health.body()).isEqualTo(200);
        assertThat(health.json().path("clickhouse-cluster").path("healthy").asBoolean()).as(health.body()).isTrue();
        assertThat(onOneNode.getAdmin("/healthcheck").json().has("clickhouse-cluster")).isFalse();
    }

    /** Two years of totals with indicator scores (some without, some tied), and the last year's question scores. */
    private Map<String, String> resultFiles() {
        return new TestingResultFiles(17, 50, 5, 2, 7, 4, 7, "cluster-api-", "cluster-api-questions-")
                .write(catalog, agencies, FIRST_YEAR, LAST_YEAR);
    }
}
