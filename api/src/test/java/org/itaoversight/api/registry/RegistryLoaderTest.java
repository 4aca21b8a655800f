package org.itaoversight.api.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.itaoversight.api.testing.TestingClickHouse;
import org.itaoversight.api.testing.TestingDatabases;
import org.itaoversight.api.testing.TestingPostgres;
import org.itaoversight.api.testing.TestingServers;
import org.itaoversight.tenants.registry.Agency;
import org.itaoversight.tenants.registry.AgencyRegistry;
import org.itaoversight.tenants.registry.AgencyType;
import org.itaoversight.tenants.registry.RegistryCsv;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestingServers.class)
class RegistryLoaderTest {

    private final TestingPostgres postgres;
    private final TestingClickHouse clickhouse;
    private Jdbi pg;
    private Jdbi ch;
    private RegistryLoader loader;

    RegistryLoaderTest(TestingPostgres postgres, TestingClickHouse clickhouse) {
        this.postgres = postgres;
        this.clickhouse = clickhouse;
    }

    @BeforeEach
    void freshDatabases() throws Exception {
        TestingDatabases databases = TestingDatabases.migrated(postgres, clickhouse);
        pg = databases.postgres();
        ch = databases.clickhouse();
        loader = new RegistryLoader(pg, ch, Clock.systemUTC());
    }

    private static AgencyRegistry samples(List<Agency> extra) {
        List<Agency> agencies = new ArrayList<>(RegistryCsv.bundledSampleAgencies());
        agencies.addAll(extra);
        return AgencyRegistry.of(RegistryCsv.bundledProvinces(), agencies);
    }

    @Test
    void loadsProvincesAndAgenciesIntoPostgresAndClickHouse() {
        RegistryLoader.Result result = loader.load(samples(List.of()), "test");

        assertThat(result.changed()).isTrue();
        assertThat(result.inserted()).isEqualTo(4);
        RegistryDao dao = pg.onDemand(RegistryDao.class);
        assertThat(dao.listProvinces()).hasSize(77);
        assertThat(dao.findProvince("73")).get().extracting(ProvinceView::agencyCount).isEqualTo(1);
        assertThat(dao.listAgencies("11")).extracting(RegistryDao.AgencyRow::nameTh)
                .containsExactly("องค์การบริหารส่วนตำบลต่างอย", "องค์การบริหารส่วนตำบลน้ำผุด");
        assertThat(clickhouseAgencies()).isEqualTo(4);
    }

    @Test
    void loadingTheSameRegistryAgainChangesNothing() {
        loader.load(samples(List.of()), "test");

        RegistryLoader.Result again = loader.load(samples(List.of()), "test");

        assertThat(again.changed()).isFalse();
        assertThat(registryLoads()).isEqualTo(1);
    }

    @Test
    void aChangedListInsertsNewAgenciesAndUpdatesRenamedOnes() {
        loader.load(samples(List.of()), "test");
        Agency renamed = new Agency("6730301", "องค์การบริหารส่วนตำบลบางระกำใหม่", AgencyType.SUBDISTRICT_ADMINISTRATION, "73", "นครชัยศรี");
        Agency added = new Agency("5730201", "เทศบาลตำบลห้วยพลู", AgencyType.SUBDISTRICT_MUNICIPALITY, "73", "นครชัยศรี");
        List<Agency> agencies = new ArrayList<>(RegistryCsv.bundledSampleAgencies().stream()
                .filter(a -> !a.code().equals("6730301")).toList());
        agencies.add(renamed);
        agencies.add(added);

        RegistryLoader.Result result = loader.load(AgencyRegistry.of(RegistryCsv.bundledProvinces(), agencies), "test");

        assertThat(result.inserted()).isEqualTo(1);
        assertThat(result.updated()).isEqualTo(1);
        assertThat(pg.onDemand(RegistryDao.class).findAgency("6730301")).get()
                .extracting(RegistryDao.AgencyRow::nameTh).isEqualTo("องค์การบริหารส่วนตำบลบางระกำใหม่");
        assertThat(clickhouseName("6730301")).isEqualTo("องค์การบริหารส่วนตำบลบางระกำใหม่");
    }

    private long clickhouseAgencies() {
        return ch.withExtension(AgencyDimensionDao.class, AgencyDimensionDao::countAgencies);
    }

    private int registryLoads() {
        return pg.withHandle(h -> h.createQuery("SELECT count(*) FROM registry_load").mapTo(Integer.class).one());
    }

    private String clickhouseName(String code) {
        return ch.withHandle(h -> h.createQuery("SELECT name_th FROM agency_dimension FINAL WHERE agency_code = :code")
                .bind("code", code).mapTo(String.class).one());
    }
}
