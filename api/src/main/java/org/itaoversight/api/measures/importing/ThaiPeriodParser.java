package org.itaoversight.api.measures.importing;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.itaoversight.api.ita.text.ThaiNumerals;
import org.itaoversight.reporting.text.ThaiCalendar;

/**
 * Reads the periods agencies write in their measure tables: a day ({@code ๔ ก.พ. ๖๔}, {@code ๘ ตุลาคม ๒๕๖๓}), a month
 * range ({@code ตุลาคม ๒๕๖๕-เมษายน ๒๕๖๖}), a day range sharing one year ({@code ๑ มกราคม - ๓๐ มิถุนายน ๒๕๖๖}), a whole
 * fiscal year ({@code ตลอดปีงบประมาณ พ.ศ. ๒๕๖๖}), dates in numbers day first ({@code ๑/๑๐/๒๕๖๖ - ๓๐/๙/๒๕๖๗}),
 * quarters of the fiscal year without months ({@code ไตรมาสที่ ๓}, {@code ไตรมาส ๑-๒/๒๕๖๘}: October–December is the
 * first), several fiscal years ({@code ปีงบประมาณ ๒๕๖๘ - ๒๕๖๙})
 * and recurring activities ({@code เป็นประจำทุกเดือน}). Thai month names
 * and their abbreviations, Thai or Arabic digits, Buddhist-era years of four or two digits (a Christian-era year is
 * converted and noted). It never guesses silently: a year taken from the fiscal year is noted, and text it cannot
 * read leaves both dates empty with the reason.
 */
public final class ThaiPeriodParser {

    /** The month names and their abbreviations ("ม.ค."), January first, from the one Thai calendar kit. */
    private static final List<String> MONTH_NAMES = ThaiCalendar.monthNames(TextStyle.FULL);
    private static final List<String> MONTH_ABBREVIATIONS = ThaiCalendar.monthNames(TextStyle.SHORT);

    private static final Pattern MENTION;
    private static final Pattern FISCAL_YEAR = Pattern.compile("ปีงบประมาณ\\s*(?:พ\\.\\s*ศ\\.)?\\s*(\\d{4})");
    /** Fiscal years from one to another: "ปีงบประมาณ ๒๕๖๘ - ๒๕๖๙". */
    private static final Pattern FISCAL_YEARS = Pattern.compile("ปีงบประมาณ\\s*(?:พ\\.\\s*ศ\\.)?\\s*(\\d{4})\\s*(?:-|ถึง)\\s*(?:พ\\.\\s*ศ\\.)?\\s*(\\d{4}|\\d{2})(?!\\d)");
    /** A fiscal quarter or a run of them: "ไตรมาสที่ ๓", "ไตรมาส ๑-๒", "ไตรมาสที่ ๓/๒๕๖๘". */
    private static final Pattern QUARTER = Pattern.compile("ไตรมาส\\s*(?:ที่)?\\s*([1-4])(?!\\d)(?:\\s*(?:-|ถึง|และ|,)\\s*(?:ไตรมาส\\s*(?:ที่)?\\s*)?([1-4])(?!\\d))?(?:\\s*/\\s*(?:พ\\.\\s*ศ\\.)?\\s*(\\d{4}|\\d{2})(?!\\d))?");
    private static final Pattern WHOLE_YEAR = Pattern.compile("ตลอดปี|ทั้งปี|ปีงบประมาณ");
    /** A date written in numbers, day first as Thai documents write it: ๑/๑๐/๒๕๖๖, 01-11-2566, 1.2.67. */
    private static final Pattern NUMERIC_DATE = Pattern.compile("(?<![\\d/.-])(\\d{1,2})([/.-])(\\d{1,2})\\2(\\d{4}|\\d{2})(?![\\d/])");
    private static final Pattern RECURRING = Pattern.compile("ทุกเดือน|ทุกไตรมาส|รอบไตรมาส|ทุกสัปดาห์|ทุกวัน|เป็นประจำ|ต่อเนื่อง|รอบ\\s*\\d+\\s*เดือน");

    static {
        StringBuilder names = new StringBuilder();
        for (String month : MONTH_NAMES) {
            // Full names first so "มีนาคม" is not read as the abbreviation "มี.ค." of something shorter.
            names.append(names.isEmpty() ? "" : "|").append(Pattern.quote(month));
        }
        for (String month : MONTH_ABBREVIATIONS) {
            // "ก.พ.", "ก.พ", "ก. พ." — the dots and spaces vary.
            String abbreviation = month.replace(".", "");
            StringBuilder flexible = new StringBuilder();
            for (int i = 0; i < abbreviation.length(); i++) {
                flexible.append(Pattern.quote(abbreviation.substring(i, i + 1)));
                if (isConsonantEnd(abbreviation, i)) {
                    flexible.append("\\.?\\s?");
                }
            }
            names.append('|').append(flexible);
        }
        MENTION = Pattern.compile("(?:(\\d{1,2})\\s*(?:-\\s*(\\d{1,2})\\s*)?)?(?<![\\u0E01-\\u0E4E])(" + names
                + ")(?![\\u0E01-\\u0E4E])\\s*(?:พ\\.\\s*ศ\\.\\s*)?(\\d{4}|\\d{2}(?!\\d))?");
    }

    /** Where a dot may follow inside an abbreviation: after each consonant cluster ("มี.ค." → after มี and ค). */
    private static boolean isConsonantEnd(String abbreviation, int i) {
        if (i + 1 >= abbreviation.length()) {
            return true;
        }
        char next = abbreviation.charAt(i + 1);
        boolean nextIsVowelOrMark = next >= '\u0E30' && next <= '\u0E4E' && next != '\u0E40' && next != '\u0E41';
        return !nextIsVowelOrMark;
    }

    private record Mention(OptionalInt firstDay, OptionalInt lastDay, int month, OptionalInt writtenYear) {
    }

    /**
     * @param text       the period cell, markup removed
     * @param fiscalYear the document's fiscal year (พ.ศ.), used only for a period written without any year
     */
    public PlannedPeriod parse(String text, Optional<Integer> fiscalYear) {
        String original = text == null ? "" : text.strip();
        String normalized = ThaiNumerals.toArabic(original).replaceAll("[\\u2010-\\u2015\\u2212~]", "-")
                .replaceAll("\\s+", " ");
        List<String> notes = new ArrayList<>();
        normalized = numericDatesSpelledOut(normalized, notes);
        boolean recurring = RECURRING.matcher(normalized).find();
        if (original.isEmpty()) {
            return new PlannedPeriod(original, Optional.empty(), Optional.empty(), false, List.of("ไม่ได้ระบุระยะเวลา"));
        }
        List<Mention> mentions = new ArrayList<>();
        Matcher matcher = MENTION.matcher(normalized);
        while (matcher.find()) {
            mentions.add(new Mention(intOf(matcher.group(1)), intOf(matcher.group(2)), monthOf(matcher.group(3)),
                    intOf(matcher.group(4))));
        }
        if (mentions.isEmpty()) {
            return wholeFiscalYear(original, normalized, fiscalYear, recurring, notes);
        }
        List<Integer> years = new ArrayList<>();
        for (Mention mention : mentions) {
            years.add(mention.writtenYear().isPresent() ? buddhistYear(mention.writtenYear().getAsInt(), notes) : null);
        }
        if (years.stream().allMatch(java.util.Objects::isNull)) {
            if (fiscalYear.isEmpty()) {
                notes.add("ไม่ได้ระบุปี และไม่ทราบปีงบประมาณ");
                return new PlannedPeriod(original, Optional.empty(), Optional.empty(), recurring, notes);
            }
            // October–December belong to the calendar year before the fiscal year's.
            for (int i = 0; i < mentions.size(); i++) {
                years.set(i, mentions.get(i).month() >= 10 ? fiscalYear.get() - 1 : fiscalYear.get());
            }
            notes.add("ไม่ได้ระบุปี ใช้ปีตามปีงบประมาณ " + fiscalYear.get());
        }
        // A mention without a year shares the next written one ("๑ มกราคม - ๓๐ มิถุนายน ๒๕๖๖"), stepping back a year
        // when its month comes later in the calendar ("ตุลาคม - มีนาคม ๒๕๖๖" starts in October 2565).
        for (int i = mentions.size() - 1; i >= 0; i--) {
            if (years.get(i) == null) {
                int j = i + 1;
                while (j < mentions.size() && years.get(j) == null) {
                    j++;
                }
                if (j < mentions.size()) {
                    years.set(i, mentions.get(i).month() > mentions.get(j).month() ? years.get(j) - 1 : years.get(j));
                } else {
                    int k = i - 1;
                    while (k >= 0 && years.get(k) == null) {
                        k--;
                    }
                    years.set(i, mentions.get(i).month() < mentions.get(k).month() ? years.get(k) + 1 : years.get(k));
                }
            }
        }
        try {
            Mention first = mentions.getFirst();
            Mention last = mentions.getLast();
            int firstYear = years.getFirst() - 543;
            int lastYear = years.getLast() - 543;
            LocalDate start = first.firstDay().isPresent()
                    ? LocalDate.of(firstYear, first.month(), first.firstDay().getAsInt())
                    : LocalDate.of(firstYear, first.month(), 1);
            OptionalInt lastDay = last.lastDay().isPresent() ? last.lastDay() : last.firstDay();
            LocalDate end = lastDay.isPresent()
                    ? LocalDate.of(lastYear, last.month(), lastDay.getAsInt())
                    : YearMonth.of(lastYear, last.month()).atEndOfMonth();
            if (end.isBefore(start)) {
                notes.add("วันสิ้นสุด (" + end + ") มาก่อนวันเริ่มต้น (" + start + ")");
                return new PlannedPeriod(original, Optional.empty(), Optional.empty(), recurring, notes);
            }
            return new PlannedPeriod(original, Optional.of(start), Optional.of(end), recurring, notes);
        } catch (DateTimeException e) {
            notes.add("ไม่มีวันที่นี้ในปฏิทิน (" + e.getMessage() + ")");
            return new PlannedPeriod(original, Optional.empty(), Optional.empty(), recurring, notes);
        }
    }

    /**
     * Numeric dates (day/month/year) written with the month's name, so they are read as any other date: "๑/๑๐/๒๕๖๖"
     * becomes "1 ตุลาคม 2566". A day or month out of range is left as written (and so not read), with a note.
     */
    private static String numericDatesSpelledOut(String text, List<String> notes) {
        Matcher matcher = NUMERIC_DATE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            int day = Integer.parseInt(matcher.group(1));
            int month = Integer.parseInt(matcher.group(3));
            if (day < 1 || day > 31 || month < 1 || month > 12) {
                notes.add("\"" + matcher.group() + "\" ไม่ใช่วันที่แบบ วัน/เดือน/ปี");
                matcher.appendReplacement(out, Matcher.quoteReplacement(matcher.group()));
                continue;
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(day + " " + MONTH_NAMES.get(month - 1) + " " + matcher.group(4)));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static PlannedPeriod wholeFiscalYear(String original, String normalized, Optional<Integer> documentYear,
                                                 boolean recurring, List<String> notes) {
        Matcher quarter = QUARTER.matcher(normalized);
        if (!recurring && quarter.find()) {
            return fiscalQuarters(original, normalized, quarter, documentYear, notes);
        }
        Matcher years = FISCAL_YEARS.matcher(normalized);
        if (years.find()) {
            int first = buddhistYear(Integer.parseInt(years.group(1)), notes);
            int last = buddhistYear(Integer.parseInt(years.group(2)), notes);
            if (last < first) {
                notes.add("ปีงบประมาณสิ้นสุด (" + last + ") มาก่อนปีเริ่มต้น (" + first + ")");
                return new PlannedPeriod(original, Optional.empty(), Optional.empty(), recurring, notes);
            }
            return new PlannedPeriod(original, Optional.of(LocalDate.of(first - 543 - 1, 10, 1)),
                    Optional.of(LocalDate.of(last - 543, 9, 30)), recurring, notes);
        }
        Matcher written = FISCAL_YEAR.matcher(normalized);
        Optional<Integer> year = Optional.empty();
        if (written.find()) {
            year = Optional.of(buddhistYear(Integer.parseInt(written.group(1)), notes));
        } else if ((recurring || WHOLE_YEAR.matcher(normalized).find()) && documentYear.isPresent()) {
            year = documentYear;
            notes.add("ไม่ได้ระบุวันที่ ถือเป็นตลอดปีงบประมาณ " + documentYear.get());
        }
        if (year.isEmpty() || !(recurring || WHOLE_YEAR.matcher(normalized).find())) {
            notes.add("อ่านวัน เดือน หรือปีงบประมาณไม่ได้");
            return new PlannedPeriod(original, Optional.empty(), Optional.empty(), recurring, notes);
        }
        // Fiscal year 2566 runs from 1 October 2565 to 30 September 2566 (B.E.).
        int ce = year.get() - 543;
        return new PlannedPeriod(original, Optional.of(LocalDate.of(ce - 1, 10, 1)), Optional.of(LocalDate.of(ce, 9, 30)),
                recurring, notes);
    }

    /**
     * Quarters of the fiscal year (the first is October–December of the year before): of the year written with them
     * ("/๒๕๖๘", "ปีงบประมาณ ๒๕๖๘"), else of the document's fiscal year, noted; without either, not read.
     */
    private static PlannedPeriod fiscalQuarters(String original, String normalized, Matcher quarter,
                                                Optional<Integer> documentYear, List<String> notes) {
        int first = Integer.parseInt(quarter.group(1));
        int last = quarter.group(2) == null ? first : Integer.parseInt(quarter.group(2));
        Matcher written = FISCAL_YEAR.matcher(normalized);
        Optional<Integer> year = quarter.group(3) != null ? Optional.of(buddhistYear(Integer.parseInt(quarter.group(3)), notes))
                : written.find() ? Optional.of(buddhistYear(Integer.parseInt(written.group(1)), notes)) : Optional.empty();
        if (year.isEmpty()) {
            if (documentYear.isEmpty()) {
                notes.add("ไตรมาสไม่ได้ระบุปี และไม่ทราบปีงบประมาณ");
                return new PlannedPeriod(original, Optional.empty(), Optional.empty(), false, notes);
            }
            year = documentYear;
            notes.add("ไตรมาสไม่ได้ระบุปี ถือเป็นไตรมาสของปีงบประมาณ " + documentYear.get());
        }
        if (last < first) {
            notes.add("ไตรมาสสิ้นสุด (" + last + ") มาก่อนไตรมาสเริ่มต้น (" + first + ")");
            return new PlannedPeriod(original, Optional.empty(), Optional.empty(), false, notes);
        }
        // Fiscal year 2568 (B.E.) starts on 1 October 2024 (C.E.); each quarter is three months from there.
        LocalDate fiscalStart = LocalDate.of(year.get() - 543 - 1, 10, 1);
        LocalDate start = fiscalStart.plusMonths(3L * (first - 1));
        LocalDate end = fiscalStart.plusMonths(3L * last).minusDays(1);
        return new PlannedPeriod(original, Optional.of(start), Optional.of(end), false, notes);
    }

    private static int buddhistYear(int written, List<String> notes) {
        if (written < 100) {
            return 2500 + written;
        }
        if (written >= 1900 && written < 2300) {
            notes.add("ปี " + written + " อ่านเป็น ค.ศ. (พ.ศ. " + (written + 543) + ")");
            return written + 543;
        }
        return written;
    }

    private static int monthOf(String written) {
        String compact = written.replace(".", "").replace(" ", "");
        for (int i = 0; i < MONTH_NAMES.size(); i++) {
            if (MONTH_NAMES.get(i).equals(compact) || MONTH_ABBREVIATIONS.get(i).replace(".", "").equals(compact)) {
                return i + 1;
            }
        }
        throw new IllegalStateException("not a month: " + written);
    }

    private static OptionalInt intOf(String digits) {
        return digits == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(digits));
    }
}
