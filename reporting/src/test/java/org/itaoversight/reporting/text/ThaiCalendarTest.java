package org.itaoversight.reporting.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import org.junit.jupiter.api.Test;

/** The Thai locale kit: Buddhist-era years, fiscal years, month names, dates and digits, and ThaiText on top of it. */
class ThaiCalendarTest {

    @Test
    void buddhistEraAndFiscalYears() {
        assertThat(ThaiCalendar.buddhistYear(LocalDate.of(2026, 1, 1))).isEqualTo(2569);
        assertThat(ThaiCalendar.buddhistYear(1999)).isEqualTo(2542);
        assertThat(ThaiCalendar.commonEraYear(2568)).isEqualTo(2025);
        assertThat(ThaiCalendar.fiscalYear(LocalDate.of(2025, 9, 30))).isEqualTo(2568);
        assertThat(ThaiCalendar.fiscalYear(LocalDate.of(2025, 10, 1))).isEqualTo(2569);
        assertThat(ThaiCalendar.fiscalYear(LocalDate.of(2024, 2, 29))).isEqualTo(2567);
        assertThat(ThaiCalendar.fiscalYearStart(2569)).isEqualTo(LocalDate.of(2025, 10, 1));
        assertThat(ThaiCalendar.fiscalYearEnd(2568)).isEqualTo(LocalDate.of(2025, 9, 30));
        for (LocalDate day = LocalDate.of(2019, 9, 25); day.isBefore(LocalDate.of(2021, 10, 5)); day = day.plusDays(3)) {
            int year = ThaiCalendar.fiscalYear(day);
            assertThat(day).isBetween(ThaiCalendar.fiscalYearStart(year), ThaiCalendar.fiscalYearEnd(year));
        }
    }

    @Test
    void monthNamesDatesAndDigits() {
        assertThat(ThaiCalendar.monthNames(TextStyle.FULL)).hasSize(12).startsWith("มกราคม").endsWith("ธันวาคม")
                .contains("พฤศจิกายน");
        assertThat(ThaiCalendar.monthNames(TextStyle.SHORT)).startsWith("ม.ค.", "ก.พ.").endsWith("ธ.ค.");
        assertThat(ThaiCalendar.date(LocalDate.of(2026, 11, 22), false)).isEqualTo("22 พฤศจิกายน 2569");
        assertThat(ThaiCalendar.date(LocalDate.of(2026, 11, 2), true)).isEqualTo("๒ พฤศจิกายน ๒๕๖๙");
        assertThat(ThaiCalendar.month(YearMonth.of(2023, 6), false)).isEqualTo("มิถุนายน 2566");
        assertThat(ThaiCalendar.thaiDigits("89.79 (2568)")).isEqualTo("๘๙.๗๙ (๒๕๖๘)");
        assertThat(ThaiCalendar.arabicDigits("๙๔.๔๘ คะแนน, 12")).isEqualTo("94.48 คะแนน, 12");
        assertThat(ThaiCalendar.thaiDigits(null)).isNull();
    }

    @Test
    void reportsWriteWithTheKit() {
        ThaiText thai = new ThaiText(true);
        assertThat(thai.dateTime(ZonedDateTime.of(2026, 11, 22, 7, 30, 0, 0, ZoneOffset.UTC)))
                .isEqualTo("๒๒ พฤศจิกายน ๒๕๖๙ เวลา ๑๔:๓๐ น.");
        assertThat(thai.percent(new BigDecimal("0.8333"))).isEqualTo("๘๓.๓%");
        assertThat(new ThaiText(false).month(YearMonth.of(2026, 11))).isEqualTo("พฤศจิกายน 2569");
    }
}
