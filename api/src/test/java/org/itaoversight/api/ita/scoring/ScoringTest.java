package org.itaoversight.api.ita.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.itaoversight.api.ita.catalog.Catalog;
import org.itaoversight.api.ita.catalog.Framework;
import org.itaoversight.api.ita.scoring.ScoreSheet;
import org.itaoversight.api.ita.scoring.Scoring;
import org.itaoversight.api.ita.text.ThaiNumerals;
import org.junit.jupiter.api.Test;

class ScoringTest {

    private final Catalog catalog = Catalog.bundled();
    private final Scoring scoring = new Scoring(catalog);

    /** The ten indicator scores that อบต.บางระกำ published for 2565 (sample ita-analysis-bangrakam-2565.txt). */
    private static Map<Integer, BigDecimal> bangRakam2565() {
        return Map.of(1, d("86.76"), 2, d("75.12"), 3, d("82.95"), 4, d("80.59"), 5, d("81.42"),
                6, d("93.40"), 7, d("85.37"), 8, d("79.98"), 9, d("97.50"), 10, d("100.00"));
    }

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    @Test
    void bangRakam2565GivesItsPublishedTotalAndLevel() {
        ScoreSheet sheet = scoring.score(2565, bangRakam2565());

        assertThat(sheet.total()).isEqualByComparingTo("89.79");
        assertThat(sheet.band()).isEqualTo("A");
        assertThat(sheet.tools()).containsEntry("IIT", d("81.37")).containsEntry("EIT", d("86.25")).containsEntry("OIT", d("98.75"));
        assertThat(sheet.frameworkId()).isEqualTo("ita-2561");
        assertThat(scoring.inconsistency(2565, d("89.79"), bangRakam2565())).isEmpty();
    }

    @Test
    void aPublishedTotalFarFromItsIndicatorsIsFlagged() {
        assertThat(scoring.inconsistency(2565, d("91.00"), bangRakam2565())).get(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .contains("91.00", "89.79", "1.21");
        assertThat(scoring.inconsistency(2565, d("89.80"), bangRakam2565())).isEmpty();
        assertThat(scoring.inconsistency(2565, d("89.81"), bangRakam2565())).isPresent();
    }

    @Test
    void levelBandsFollowThePrimer() {
        assertThat(catalog.band(d("100"))).isEqualTo("AA");
        assertThat(catalog.band(d("95.00"))).isEqualTo("AA");
        assertThat(catalog.band(d("94.99"))).isEqualTo("A");
        assertThat(catalog.band(d("85.00"))).isEqualTo("A");
        assertThat(catalog.band(d("84.99"))).isEqualTo("B");
        assertThat(catalog.band(d("65.00"))).isEqualTo("C");
        assertThat(catalog.band(d("55"))).isEqualTo("D");
        assertThat(catalog.band(d("50"))).isEqualTo("E");
        assertThat(catalog.band(d("49.99"))).isEqualTo("F");
        assertThat(catalog.band(d("0"))).isEqualTo("F");
        assertThat(catalog.passMark()).isEqualByComparingTo("85");
    }

    @Test
    void indicatorsAreTheMeansOfTheirQuestions() {
        Map<String, BigDecimal> questions = new HashMap<>();
        for (int i = 1; i <= 6; i++) {
            questions.put("i" + i, d(String.valueOf(80 + i)));
        }
        questions.put("o34", d("100"));
        questions.put("o35", d("50"));

        Map<Integer, BigDecimal> indicators = scoring.indicatorsFromQuestions(2565, questions);

        assertThat(indicators).containsOnlyKeys(1, 10);
        assertThat(indicators.get(1)).isEqualByComparingTo("83.50");
        assertThat(indicators.get(10)).isEqualByComparingTo("75.00");
    }

    @Test
    void theCatalogIsKeyedByYearWithSynonyms() {
        Framework f2565 = catalog.framework(2565).orElseThrow();

        assertThat(catalog.years()).contains(2561, 2565, 2568, 2569).doesNotContain(2560);
        assertThat(f2565.indicators()).hasSize(10);
        assertThat(f2565.indicatorNamed("การปรับปรุงการทำงาน")).get().extracting(i -> i.number()).isEqualTo(8);
        assertThat(f2565.indicatorNamed("การปรับปรุง ระบบการทำงาน")).get().extracting(i -> i.number()).isEqualTo(8);
        assertThat(f2565.indicatorNamed("การใช้จ่ายเงิน")).isEmpty();
        assertThat(f2565.indicatorOfQuestion("E12")).get().extracting(i -> i.number()).isEqualTo(8);
        assertThat(f2565.indicatorOfQuestion("o20")).get().extracting(i -> i.number()).isEqualTo(9);
        assertThat(catalog.framework(2568).orElseThrow().levelIsBandOfTotal()).isFalse();
        assertThatThrownBy(() -> scoring.score(2560, bangRakam2565())).hasMessageContaining("2560 is not in the ITA catalog");
    }

    @Test
    void thaiDigitsReadAsNumbers() {
        assertThat(ThaiNumerals.parseDecimal("๙๔.๔๘")).contains(d("94.48"));
        assertThat(ThaiNumerals.parseDecimal(" 1,234.5 ")).contains(d("1234.5"));
        assertThat(ThaiNumerals.parseDecimal("๘๙.79")).contains(d("89.79"));
        assertThat(ThaiNumerals.parseDecimal("ไม่มี")).isEmpty();
        assertThat(ThaiNumerals.toArabic("พ.ศ. ๒๕๖๕")).isEqualTo("พ.ศ. 2565");
    }
}
