package org.itaoversight.api.measures.importing;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.itaoversight.api.ita.text.ThaiNumerals;

/**
 * Finds the fiscal year an agency's document is about — one rule for every kind of agency document (measures reports,
 * analyses of the ITA result). In order: "ปีงบประมาณ (พ.ศ.) ๒๕๖๖" in the document's head (the text before its first
 * table); else the reporting period there ("๑ ตุลาคม ๒๕๖๕ – ๓๐ กันยายน ๒๕๖๖" is 2566); else "ประจำปี/ปี/พ.ศ. ๒๕๖๖"
 * there; else the first "ปีงบประมาณ …" anywhere, with a warning. A stated year that the reporting period contradicts
 * is kept and the difference noted. A Christian-era year (ค.ศ., or a year before 2300) is converted and noted.
 */
public final class FiscalYearFinding {

    private static final Pattern FISCAL_YEAR = Pattern.compile("ปีงบประมาณ\\s*(?:(พ|ค)\\s*\\.\\s*ศ\\s*\\.)?\\s*([0-9]{4})");
    private static final Pattern YEAR_OF = Pattern.compile("(?:ประจำปี|ปี)\\s*(?:(พ|ค)\\s*\\.\\s*ศ\\s*\\.)?\\s*([0-9]{4})");
    private static final Pattern ANY_YEAR = Pattern.compile("(พ|ค)\\.\\s*ศ\\.\\s*([0-9]{4})");
    private static final Pattern HTML_TAG = Pattern.compile("<[^>]{0,200}>");

    private final ThaiPeriodParser periods = new ThaiPeriodParser();

    /**
     * @param head     the document's text before its first table
     * @param all      the whole document's text
     * @param warnings where what was noted (a converted year, a contradiction, no year) is added, in Thai
     */
    public Optional<Integer> find(String head, String all, List<String> warnings) {
        String arabic = ThaiNumerals.toArabic(HTML_TAG.matcher(head).replaceAll(" "));
        Optional<Integer> stated = yearIn(FISCAL_YEAR, arabic, warnings);
        Optional<Integer> fromPeriod = Optional.empty();
        for (String line : arabic.split("\n")) {
            PlannedPeriod period = periods.parse(line, Optional.empty());
            if (period.understood() && ChronoUnit.DAYS.between(period.start().get(), period.end().get()) >= 150) {
                LocalDate end = period.end().get();
                fromPeriod = Optional.of((end.getMonthValue() >= 10 ? end.getYear() + 1 : end.getYear()) + 543);
                break;
            }
        }
        if (stated.isPresent()) {
            if (fromPeriod.isPresent() && !fromPeriod.equals(stated)) {
                warnings.add("ชื่อเอกสารระบุปีงบประมาณ " + stated.get() + " แต่ช่วงเวลารายงานเป็นของปีงบประมาณ " + fromPeriod.get());
            }
            return stated;
        }
        if (fromPeriod.isPresent()) {
            return fromPeriod;
        }
        Optional<Integer> titled = yearIn(YEAR_OF, arabic, warnings).or(() -> yearIn(ANY_YEAR, arabic, warnings));
        if (titled.isPresent()) {
            return titled;
        }
        Optional<Integer> anywhere = yearIn(FISCAL_YEAR, ThaiNumerals.toArabic(all), warnings);
        if (anywhere.isPresent()) {
            warnings.add("ไม่พบปีงบประมาณก่อนตารางแรก ใช้ปีงบประมาณ " + anywhere.get() + " ที่พบครั้งแรกในเนื้อหา (กรุณาตรวจ)");
            return anywhere;
        }
        warnings.add("ไม่พบปีงบประมาณ (ปีงบประมาณ พ.ศ. ….) ก่อนตารางแรก");
        return Optional.empty();
    }

    private static Optional<Integer> yearIn(Pattern pattern, String text, List<String> warnings) {
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            int year = Integer.parseInt(matcher.group(2));
            boolean christian = "ค".equals(matcher.group(1)) || (year >= 1900 && year < 2300);
            if (christian) {
                warnings.add("ปี " + year + " อ่านเป็น ค.ศ. (ปีงบประมาณ พ.ศ. " + (year + 543) + ")");
                return Optional.of(year + 543);
            }
            if (year >= 2400 && year < 2700) {
                return Optional.of(year);
            }
        }
        return Optional.empty();
    }
}
