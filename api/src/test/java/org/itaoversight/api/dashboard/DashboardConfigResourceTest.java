package org.itaoversight.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.itaoversight.api.ita.catalog.Catalog;
import org.junit.jupiter.api.Test;

/** The dashboard's settings: where to sign in, the catalog's years and pass mark, and its Thai labels and fiscal year. */
class DashboardConfigResourceTest {

    private static DashboardConfigResource.DashboardConfig at(String instant) {
        return new DashboardConfigResource("https://sso.example/realms/ita-oversight", Catalog.bundled(),
                Clock.fixed(Instant.parse(instant), ZoneOffset.UTC), () -> false).get();
    }

    @Test
    void theFiscalYearTurnsOnTheFirstOfOctoberInBangkok() {
        assertThat(at("2025-09-30T16:59:59Z").thai().currentFiscalYear()).isEqualTo(2568);
        assertThat(at("2025-09-30T17:00:00Z").thai().currentFiscalYear()).isEqualTo(2569);
    }

    @Test
    void carriesTheThaiLabelsTheDashboardShows() {
        DashboardConfigResource.DashboardConfig config = at("2026-01-15T03:00:00Z");

        assertThat(config.clientId()).isEqualTo("ita-oversight-web");
        assertThat(config.passMark()).isEqualTo(85.0);
        assertThat(config.thai().months()).hasSize(12).startsWith("มกราคม");
        assertThat(config.thai().monthsShort()).contains("ต.ค.", "พ.ย.");
        assertThat(config.thai().agencyTypes()).containsEntry("SUBDISTRICT_ADMINISTRATION", "องค์การบริหารส่วนตำบล")
                .hasSize(6);
        assertThat(config.thai().measureStatus()).containsEntry("DONE", "ดำเนินการแล้วเสร็จ").containsKeys("PLANNED",
                "IN_PROGRESS", "CANCELLED");
        assertThat(config.indicatorNames()).isNotEmpty().allSatisfy((year, names) -> assertThat(names).hasSize(10));
    }

    @Test
    void saysWhetherTheRegistryInUseIsTheGeneratedDemoOneEachTimeItIsAsked() {
        java.util.concurrent.atomic.AtomicBoolean generated = new java.util.concurrent.atomic.AtomicBoolean(true);
        DashboardConfigResource resource = new DashboardConfigResource("https://sso.example/realms/ita-oversight",
                Catalog.bundled(), Clock.systemUTC(), generated::get);

        assertThat(resource.get().demoRegistry()).isTrue();
        generated.set(false); // a code list loaded since
        assertThat(resource.get().demoRegistry()).isFalse();
    }
}
