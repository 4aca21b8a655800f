package org.itaoversight.reporting.text;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * How reports write numbers and dates in Thai: Buddhist-era years, Thai month names, and — when asked — Thai digits
 * (๐–๙), all from {@link ThaiCalendar}. Templates receive text already written, and call {@link #number(int)} only
 * for page numbers.
 */
public final class ThaiText {

    public static final ZoneId BANGKOK = ThaiCalendar.BANGKOK;

    private final boolean thaiDigits;

    public ThaiText(boolean thaiDigits) {
        this.thaiDigits = thaiDigits;
    }

    /** Arabic digits become Thai ones when asked; everything else is kept. */
    public String digits(String text) {
        return thaiDigits ? ThaiCalendar.thaiDigits(text) : text;
    }

    public String number(int value) {
        return digits(String.format("%,d", value));
    }

    /** A score or a mean: two decimals ("89.79"). */
    public String score(BigDecimal value) {
        return value == null ? "–" : digits(value.setScale(2, RoundingMode.HALF_UP).toPlainString());
    }

    public String score(Optional<BigDecimal> value) {
        return value.map(this::score).orElse("–");
    }

    /** A change with its sign ("+1.25", "−0.40", "0.00"). */
    public String change(Optional<BigDecimal> value) {
        return value.map(v -> {
            BigDecimal rounded = v.setScale(2, RoundingMode.HALF_UP);
            String sign = rounded.signum() > 0 ? "+" : rounded.signum() < 0 ? "−" : "";
            return sign + digits(rounded.abs().toPlainString());
        }).orElse("–");
    }

    /** A share as a percentage with one decimal ("83.3%"). */
    public String percent(BigDecimal share) {
        return share == null ? "–" : digits(share.multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP).toPlainString()) + "%";
    }

    /** A fiscal or calendar year in the Buddhist era, given as such ("2568" → "๒๕๖๘" with Thai digits). */
    public String year(int buddhistYear) {
        return digits(Integer.toString(buddhistYear));
    }

    /** "22 พฤศจิกายน 2569". */
    public String date(LocalDate date) {
        return ThaiCalendar.date(date, thaiDigits);
    }

    /** A month of the calendar: "พฤศจิกายน 2569". */
    public String month(java.time.YearMonth month) {
        return ThaiCalendar.month(month, thaiDigits);
    }

    /** "22 พฤศจิกายน 2569 เวลา 14:30 น." in Asia/Bangkok. */
    public String dateTime(ZonedDateTime at) {
        ZonedDateTime bangkok = at.withZoneSameInstant(BANGKOK);
        return date(bangkok.toLocalDate()) + " เวลา " + digits(String.format("%02d:%02d", bangkok.getHour(), bangkok.getMinute())) + " น.";
    }

    /** "หน้า 2 / 7". */
    public String page(int page, int pages) {
        return "หน้า " + number(page) + " / " + number(pages);
    }
}
