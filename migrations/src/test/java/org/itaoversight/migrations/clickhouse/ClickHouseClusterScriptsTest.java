package org.itaoversight.migrations.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The cluster form of the schema is complete and in the shape the migrator and the loader rely on. */
class ClickHouseClusterScriptsTest {

    @Test
    void everySingleNodeScriptHasItsClusterFormWithTheSameVersionAndName() {
        assertThat(ClickHouseScripts.bundledClusterForm()).extracting(ClickHouseScript::fileName)
                .containsExactlyElementsOf(ClickHouseScripts.bundled().stream().map(ClickHouseScript::fileName).toList());
    }

    @Test
    void theClusterIndexListsExactlyTheScriptsOfItsFolder() throws IOException {
        List<String> files;
        try (Stream<Path> paths = Files.list(Path.of("src/main/resources", ClickHouseScripts.CLUSTER_LOCATION))) {
            files = paths.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql")).sorted().toList();
        }
        assertThat(ClickHouseScripts.bundledClusterForm()).extracting(ClickHouseScript::fileName).containsExactlyElementsOf(files);
    }

    @Test
    void everyDdlStatementRunsOnTheClusterAndEveryTableIsReplicatedOrDistributedByProvince() {
        for (ClickHouseScript script : ClickHouseScripts.bundledClusterForm()) {
            for (String statement : script.statements()) {
                String upper = statement.toUpperCase(Locale.ROOT);
                if (upper.startsWith("CREATE") || upper.startsWith("ALTER") || upper.startsWith("DROP")
                        || upper.startsWith("RENAME") || upper.startsWith("SYSTEM")) {
                    assertThat(statement).as(script.fileName()).contains("ON CLUSTER '{cluster}'");
                }
                if (upper.startsWith("CREATE TABLE")) {
                    assertThat(statement).as(script.fileName()).containsAnyOf("ENGINE = Replicated", "ENGINE = Distributed(");
                    if (statement.contains("ENGINE = Distributed(")) {
                        assertThat(statement).as(script.fileName() + ": one sharding key for every table")
                                .contains("'{database}'").endsWith("_local', cityHash64(province_code))");
                    } else {
                        assertThat(statement).as(script.fileName())
                                .contains("_local ON CLUSTER").contains("('/clickhouse/tables/{shard}/{database}/{table}', '{replica}'");
                    }
                }
            }
        }
    }

    @Test
    void withDistributedDdlFillsTheNamesAndKeepsTheReplicatedEngines() {
        ClickHouseScript results = ClickHouseClusterScripts.withDistributedDdl("national", "oversight").get(1);

        assertThat(results.text()).contains("ita_result_local ON CLUSTER 'national'")
                .contains("ReplicatedMergeTree('/clickhouse/tables/{shard}/oversight/{table}', '{replica}')")
                .contains("Distributed('national', 'oversight', 'ita_result_local', cityHash64(province_code))")
                .doesNotContain("{cluster}", "{database}");
        assertThat(results.checksum()).isEqualTo(ClickHouseScripts.bundledClusterForm().get(1).checksum());
    }

    @Test
    void forEachNodeDropsOnClusterAndReplication() {
        assertThat(ClickHouseClusterScripts.withoutReplication("""
                CREATE TABLE IF NOT EXISTS a_local ON CLUSTER 'c' (v UInt8, t DateTime)
                ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/db/{table}', '{replica}', t) ORDER BY v;
                CREATE TABLE b_local ON CLUSTER `c` (v UInt8) ENGINE = ReplicatedMergeTree('/p/{shard}', '{replica}') ORDER BY v;
                ALTER TABLE b_local on cluster c ADD COLUMN w UInt8"""))
                .isEqualTo("""
                        CREATE TABLE IF NOT EXISTS a_local (v UInt8, t DateTime)
                        ENGINE = ReplacingMergeTree(t) ORDER BY v;
                        CREATE TABLE b_local (v UInt8) ENGINE = MergeTree() ORDER BY v;
                        ALTER TABLE b_local ADD COLUMN w UInt8""");
        assertThat(ClickHouseClusterScripts.forEachNode("ita", "oversight"))
                .allSatisfy(script -> assertThat(script.text()).doesNotContain("ON CLUSTER", "Replicated", "{cluster}", "{database}"));
    }

    @Test
    void thePlainEngineOfAReplicatedTableKeepsItsKeysAndSettings() {
        assertThat(ClickHouseClusterScripts.plainEngine("ReplicatedMergeTree('/clickhouse/tables/{shard}/db/t_local', '{replica}') "
                + "PARTITION BY fiscal_year ORDER BY (province_code, fiscal_year) SETTINGS index_granularity = 1024"))
                .isEqualTo("MergeTree() PARTITION BY fiscal_year ORDER BY (province_code, fiscal_year) SETTINGS index_granularity = 1024");
        assertThat(ClickHouseClusterScripts.plainEngine("MergeTree PARTITION BY fiscal_year ORDER BY x"))
                .isEqualTo("MergeTree PARTITION BY fiscal_year ORDER BY x");
    }

    @Test
    void refusesNamesThatAreNotPlainIdentifiers() {
        assertThatThrownBy(() -> ClickHouseClusterScripts.forEachNode("ita'; DROP", "oversight"))
                .hasMessageContaining("cluster name");
    }
}
