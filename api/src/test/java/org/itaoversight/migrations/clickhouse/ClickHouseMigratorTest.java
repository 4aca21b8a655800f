package org.itaoversight.migrations.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.itaoversight.api.testing.TestingClickHouse;
import org.itaoversight.api.testing.TestingServers;
import org.itaoversight.migrations.MigrationException;
import org.itaoversight.migrations.clickhouse.ClickHouseMigrator;
import org.itaoversight.migrations.clickhouse.ClickHouseScript;
import org.itaoversight.migrations.clickhouse.ClickHouseScripts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestingServers.class)
class ClickHouseMigratorTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-01T03:00:00.123Z"), ZoneOffset.UTC);
    private static final ClickHouseScript FIRST = ClickHouseScript.of("V1__scores.sql", """
            CREATE TABLE IF NOT EXISTS scores (agency_code String, score Decimal(5, 2)) ENGINE = MergeTree ORDER BY agency_code;
            INSERT INTO scores VALUES ('6730301', 89.79);
            """);
    private static final ClickHouseScript SECOND = ClickHouseScript.of("V2__levels.sql",
            "ALTER TABLE scores ADD COLUMN IF NOT EXISTS level LowCardinality(String) DEFAULT 'A';");

    private final TestingClickHouse clickhouse;
    private final String database = "migrator_" + UUID.randomUUID().toString().replace("-", "");

    ClickHouseMigratorTest(TestingClickHouse clickhouse) {
        this.clickhouse = clickhouse;
    }

    private ClickHouseMigrator migrator(List<ClickHouseScript> scripts) {
        return new ClickHouseMigrator(clickhouse::connect, database, scripts, CLOCK);
    }

    @Test
    void createsTheDatabaseAppliesScriptsInOrderAndRecordsThem() {
        List<ClickHouseMigrator.AppliedScript> applied = migrator(List.of(FIRST, SECOND)).migrate("test run");

        assertThat(applied).extracting(ClickHouseMigrator.AppliedScript::version).containsExactly(1, 2);
        assertThat(clickhouse.engine().query("SELECT agency_code, score, level FROM " + database + ".scores"))
                .isEqualTo("6730301\t89.79\tA\n");
        assertThat(migrator(List.of(FIRST, SECOND)).applied()).containsOnlyKeys(1, 2)
                .hasEntrySatisfying(1, record -> {
                    assertThat(record.checksum()).isEqualTo(FIRST.checksum());
                    assertThat(record.appliedAt()).isEqualTo(Instant.parse("2026-11-01T03:00:00.123Z"));
                    assertThat(record.appliedBy()).isEqualTo("test run");
                });
    }

    @Test
    void aSecondRunAppliesOnlyNewScripts() {
        migrator(List.of(FIRST)).migrate("first");

        assertThat(migrator(List.of(FIRST)).migrate("again")).isEmpty();
        assertThat(migrator(List.of(FIRST, SECOND)).migrate("later"))
                .extracting(ClickHouseMigrator.AppliedScript::version).containsExactly(2);
        assertThat(clickhouse.engine().query("SELECT count() FROM " + database + ".scores").strip()).isEqualTo("1");
    }

    @Test
    void refusesToRunWhenAnAppliedScriptWasChanged() {
        migrator(List.of(FIRST)).migrate("first");
        ClickHouseScript edited = ClickHouseScript.of("V1__scores.sql", FIRST.text().replace("89.79", "90.00"));

        assertThatThrownBy(() -> migrator(List.of(edited, SECOND)).migrate("second"))
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("V1__scores.sql was changed after it was applied")
                .hasMessageContaining(FIRST.checksum())
                .hasMessageContaining(edited.checksum());
        assertThat(migrator(List.of(FIRST, SECOND)).applied()).containsOnlyKeys(1);
    }

    @Test
    void refusesADatabaseNewerThanTheApplication() {
        migrator(List.of(FIRST, SECOND)).migrate("newer build");

        assertThatThrownBy(() -> migrator(List.of(FIRST)).migrate("older build"))
                .hasMessageContaining("version 2 (levels) is applied in ClickHouse but this build has no such script");
    }

    @Test
    void aFailingStatementNamesTheScriptAndStatement() {
        ClickHouseScript broken = ClickHouseScript.of("V3__broken.sql", "CREATE TABLE nope (a UInt8) ENGINE = NoSuchEngine;");

        assertThatThrownBy(() -> migrator(List.of(FIRST, broken)).migrate("test"))
                .hasMessageContaining("V3__broken.sql failed at statement")
                .hasMessageContaining("NoSuchEngine");
        assertThat(migrator(List.of(FIRST, broken)).applied()).containsOnlyKeys(1);
    }

    @Test
    void theBundledScriptsApply() {
        List<ClickHouseScript> bundled = ClickHouseScripts.bundled();

        assertThat(migrator(bundled).migrate("bundled")).hasSameSizeAs(bundled);
        assertThat(clickhouse.engine().query("EXISTS TABLE " + database + ".agency_dimension").strip()).isEqualTo("1");
    }
}
