package org.itaoversight.reporting.text;

import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.chrono.ThaiBuddhistChronology;
import java.time.chrono.ThaiBuddhistDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DecimalStyle;
import java.time.format.TextStyle;
import java.time.temporal.ChronoField;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The one Thai locale kit, on {@code java.time}: Buddhist-era years ({@link ThaiBuddhistChronology}), month names
 * (Locale {@code th-TH}), Thai digits ({@link DecimalStyle} of {@code th-TH-u-nu-thai}) and the Thai fiscal year (1
 * October to 30 September, named by the Buddhist-era year it ends in). Reports, mails, importers, the API and,
 * through the API, the dashboard take their dates, months, years and digits from here.
 */
public final class ThaiCalendar {

    public static final Locale THAI = Locale.forLanguageTag("th-TH");
    public static final ZoneId BANGKOK = ZoneId.of("Asia/Bangkok");
    /** Thai digits ๐–๙ as a {@link DecimalStyle}: its zero digit is ๐. */
    public static final DecimalStyle THAI_DIGITS = DecimalStyle.of(Locale.forLanguageTag("th-TH-u-nu-thai"));

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", THAI)
            .withChronology(ThaiBuddhistChronology.INSTANCE);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", THAI)
            .withChronology(ThaiBuddhistChronology.INSTANCE);

    private ThaiCalendar() {
    }

    /** The Buddhist-era year of a day ("2569" for 2026). */
    public static int buddhistYear(LocalDate date) {
        return ThaiBuddhistDate.from(date).get(ChronoField.YEAR);
    }

    /** The Buddhist-era year of a Common-Era year. */
    public static int buddhistYear(int commonEraYear) {
        return buddhistYear(LocalDate.of(commonEraYear, 6, 1));
    }

    /** The Common-Era year of a Buddhist-era year. */
    public static int commonEraYear(int buddhistYear) {
        return LocalDate.from(ThaiBuddhistChronology.INSTANCE.date(buddhistYear, 6, 1)).getYear();
    }

    /** The fiscal year (พ.ศ.) a day belongs to: it starts on 1 October. */
    public static int fiscalYear(LocalDate date) {
        return buddhistYear(date) + (date.getMonthValue() >= Month.OCTOBER.getValue() ? 1 : 0);
    }

    /** The first day of a fiscal year (1 October of the year before). */
    public static LocalDate fiscalYearStart(int fiscalYear) {
        return LocalDate.of(commonEraYear(fiscalYear) - 1, Month.OCTOBER, 1);
    }

    /** The last day of a fiscal year (30 September). */
    public static LocalDate fiscalYearEnd(int fiscalYear) {
        return LocalDate.of(commonEraYear(fiscalYear), Month.SEPTEMBER, 30);
    }

    /** The twelve month names, January first ("มกราคม" …), or their abbreviations ("ม.ค." …). */
    public static List<String> monthNames(TextStyle style) {
        return Arrays.stream(Month.values()).map(month -> month.getDisplayName(style, THAI)).toList();
    }

    /** "22 พฤศจิกายน 2569", with Thai digits when asked. */
    public static String date(LocalDate date, boolean thaiDigits) {
        return (thaiDigits ? DATE.withDecimalStyle(THAI_DIGITS) : DATE).format(date);
    }

    /** "พฤศจิกายน 2569", with Thai digits when asked. */
    public static String month(YearMonth month, boolean thaiDigits) {
        return (thaiDigits ? MONTH.withDecimalStyle(THAI_DIGITS) : MONTH).format(month.atDay(1));
    }

    /** Every Arabic digit of the text as a Thai digit; everything else kept. */
    public static String thaiDigits(String text) {
        return shift(text, '0', THAI_DIGITS.getZeroDigit());
    }

    /** Every Thai digit of the text as an Arabic digit; everything else kept. */
    public static String arabicDigits(String text) {
        return shift(text, THAI_DIGITS.getZeroDigit(), '0');
    }

    private static String shift(String text, char fromZero, char toZero) {
        if (text == null) {
            return null;
        }
        int first = 0;
        while (first < text.length() && (text.charAt(first) < fromZero || text.charAt(first) > fromZero + 9)) {
            first++;
        }
        if (first == text.length()) {
            return text; // no digit to change: most numbers of most files, read for every cell
        }
        StringBuilder out = new StringBuilder(text.length()).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c >= fromZero && c <= fromZero + 9 ? (char) (toZero + (c - fromZero)) : c);
        }
        return out.toString();
    }
}
