package org.itaoversight.demo.seeding;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The demo's generated measures: aimed at each agency's weakest indicators, with the spread of outcomes a year has. */
class DemoMeasuresTest {

    private final DemoMeasures generator = new DemoMeasures(null, null, 42);

    private static DemoMeasures.Result result(String agency, int year, String... scores) {
        List<Optional<BigDecimal>> values = new ArrayList<>();
        for (String score : scores) {
            values.add(Optional.of(new BigDecimal(score)));
        }
        return new DemoMeasures.Result(agency, year, values);
    }

    @Test
    void measuresTargetTheTwoWeakestIndicatorsWithinTheFiscalYear() {
        List<DemoMeasures.Planned> planned = generator.plan(result("6730301", 2565, "90", "70.5", "88", "91", "92", "93", "94",
                "65.25", "99", "100"), LocalDate.of(2026, 12, 1));

        assertThat(planned).hasSizeBetween(2, 4);
        assertThat(planned.stream().map(m -> m.targets().getFirst()).distinct().toList())
                .containsExactlyInAnyOrder("indicator:8", "indicator:2");
        for (DemoMeasures.Planned m : planned) {
            assertThat(m.start()).isAfterOrEqualTo(LocalDate.of(2021, 10, 1)).isBefore(m.end());
            assertThat(m.end()).isBeforeOrEqualTo(LocalDate.of(2022, 9, 30));
            assertThat(m.title()).isNotBlank();
        }
    }

    @Test
    void aProvinceOfAgenciesHasDoneLateOverdueAndCancelledMeasures() {
        LocalDate today = LocalDate.of(2026, 12, 1);
        List<DemoMeasures.Planned> all = new ArrayList<>();
        for (int agency = 0; agency < 300; agency++) {
            all.addAll(generator.plan(result(String.valueOf(6730301 + agency), 2567, "86", "75", "82", "80", "81", "93", "85",
                    "79", "97", "100"), today));
        }
        long onTime = all.stream().filter(m -> m.completedOn().filter(d -> !d.isAfter(m.end())).isPresent()).count();
        long late = all.stream().filter(m -> m.completedOn().filter(d -> d.isAfter(m.end())).isPresent()).count();
        long overdue = all.stream().filter(m -> !m.status().equals("DONE") && !m.status().equals("CANCELLED") && m.end().isBefore(today))
                .count();
        long cancelled = all.stream().filter(m -> m.status().equals("CANCELLED")).count();
        assertThat(onTime).isGreaterThan(all.size() / 3);
        assertThat(late).isGreaterThan(all.size() / 20);
        assertThat(overdue).isGreaterThan(all.size() / 20);
        assertThat(cancelled).isPositive();
        assertThat(all.stream().filter(m -> m.status().equals("DONE")).allMatch(m -> m.progress() == 100 && m.completedOn().isPresent()))
                .isTrue();
        // The same seed plans the same measures.
        assertThat(new DemoMeasures(null, null, 42).plan(result("6730301", 2567, "86", "75", "82", "80", "81", "93", "85", "79", "97",
                "100"), today)).isEqualTo(generator.plan(result("6730301", 2567, "86", "75", "82", "80", "81", "93", "85", "79", "97",
                "100"), today));
    }

    @Test
    void measuresOfAYearNotYetBegunAreOnlyPlanned() {
        List<DemoMeasures.Planned> planned = generator.plan(result("6730301", 2570, "86", "75", "82", "80", "81", "93", "85", "79",
                "97", "100"), LocalDate.of(2026, 9, 1));
        assertThat(planned).allMatch(m -> m.status().equals("PLANNED") && m.progress() == 0);
    }
}
