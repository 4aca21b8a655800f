package org.itaoversight.api.ita.importing;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.itaoversight.api.ita.catalog.Framework;
import org.itaoversight.api.ita.catalog.Indicator;
import org.itaoversight.api.ita.text.ThaiNumerals;

/**
 * Which indicator of the year's catalog a cell of an analysis document names. Agencies write an indicator by its
 * catalog name or a synonym ("การปรับปรุงการทำงาน"), by its number ("ตัวชี้วัดที่ ๓", with or without its name),
 * with a tool or a number before it ("(IIT) การใช้อำนาจ", "๓. การใช้อำนาจ"), by its tool's abbreviation and number
 * ("IIT-1", "OIT 10": taken only when the catalog's indicator of that number belongs to that tool, and followed by
 * nothing or by that indicator's name: "IIT 3 บุคลากร…" is a question), or shortened ("ใช้ทรัพย์สินฯ",
 * "การสื่อสาร"): a shortened name is taken only when exactly one catalog name holds it. A number and a name that
 * disagree name nothing (the reader reports it).
 */
final class IndicatorNaming {

    /** What a cell names: the indicator, or why it names none (empty when it simply is not an indicator name). */
    record Named(Optional<Indicator> indicator, Optional<String> problem) {

        static Named none() {
            return new Named(Optional.empty(), Optional.empty());
        }
    }

    private static final Pattern NUMBERED = Pattern.compile("^ตัวชี้วัด\\s*ที่\\s*([0-9]{1,2})(?![0-9.])\\s*[:.)\\-–]?\\s*(.*)$");
    /** "IIT-1", "EIT 6", "OIT-10 การป้องกันการทุจริต": the tool's abbreviation and the indicator's number. */
    private static final Pattern TOOL_NUMBERED = Pattern.compile("^(IIT|EIT|OIT)\\s*[-–.]?\\s*([0-9]{1,2})(?![0-9.])\\s*[:.)\\-–]?\\s*(.*)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LEADING = Pattern.compile("^(?:\\(?[0-9]{1,2}[.)]\\s*|\\(?(?:IIT|EIT|OIT)\\)?\\s*[:\\-–]?\\s*|ตัวชี้วัด(?:ด้าน|เรื่อง)?\\s*)+",
            Pattern.CASE_INSENSITIVE);
    /** Words that carry no meaning for telling indicators apart. */
    private static final Pattern FILLER = Pattern.compile("การ|ของ|ระบบ|ฯ|ๆ|[\\s\\u200b\\u200c\\u200d\\ufeff.\"“”()]");
    /** A shortened name must keep at least this many letters. */
    private static final int SHORTEST = 4;

    private final Framework framework;

    IndicatorNaming(Framework framework) {
        this.framework = framework;
    }

    Named name(String cell) {
        String text = ThaiNumerals.toArabic(cell).replaceAll("\\s+", " ").strip();
        if (text.isEmpty() || text.length() > 80) {
            return Named.none();
        }
        Matcher numbered = NUMBERED.matcher(text);
        if (numbered.matches()) {
            int number = Integer.parseInt(numbered.group(1));
            Optional<Indicator> byNumber = framework.indicator(number);
            if (byNumber.isEmpty()) {
                return new Named(Optional.empty(), Optional.of("\"" + cell.strip() + "\": ไม่มีตัวชี้วัดที่ " + number + " ใน " + framework.id()));
            }
            String rest = numbered.group(2).strip();
            if (!rest.isEmpty()) {
                Optional<Indicator> byName = byName(rest);
                if (byName.isPresent() && byName.get().number() != number) {
                    return new Named(Optional.empty(), Optional.of("\"" + cell.strip() + "\": เลขตัวชี้วัด (" + number
                            + ") ไม่ตรงกับชื่อ (ตัวชี้วัดที่ " + byName.get().number() + " " + byName.get().nameTh() + ")"));
                }
            }
            return new Named(byNumber, Optional.empty());
        }
        Matcher toolNumbered = TOOL_NUMBERED.matcher(text);
        if (toolNumbered.matches()) {
            String tool = toolNumbered.group(1).toUpperCase(java.util.Locale.ROOT);
            int number = Integer.parseInt(toolNumbered.group(2));
            Optional<Indicator> byNumber = framework.indicator(number);
            if (byNumber.isEmpty() || !byNumber.get().tool().equalsIgnoreCase(tool)) {
                return new Named(Optional.empty(), Optional.of("\"" + cell.strip() + "\": ไม่มีตัวชี้วัดที่ " + number
                        + " ในแบบวัด " + tool + " ของ " + framework.id()));
            }
            String rest = toolNumbered.group(3).strip();
            Optional<Indicator> byName = rest.isEmpty() ? Optional.empty() : byName(rest);
            if (!rest.isEmpty() && byName.isEmpty()) {
                return Named.none(); // "IIT 3 บุคลากร…": a question by its tool and number, with its wording
            }
            if (byName.isPresent() && byName.get().number() != number) {
                return new Named(Optional.empty(), Optional.of("\"" + cell.strip() + "\": เลขตัวชี้วัด (" + number
                        + ") ไม่ตรงกับชื่อ (ตัวชี้วัดที่ " + byName.get().number() + " " + byName.get().nameTh() + ")"));
            }
            return new Named(byNumber, Optional.empty());
        }
        String rest = LEADING.matcher(text).replaceFirst("").strip();
        return new Named(byName(rest), Optional.empty());
    }

    private Optional<Indicator> byName(String text) {
        Optional<Indicator> exact = framework.indicatorNamed(text);
        if (exact.isPresent()) {
            return exact;
        }
        String key = key(text);
        if (key.length() < SHORTEST) {
            return Optional.empty();
        }
        List<Indicator> holding = framework.indicators().stream()
                .filter(i -> names(i).stream().anyMatch(n -> n.contains(key) || (key.contains(n) && key.length() <= n.length() + 8)))
                .toList();
        return holding.size() == 1 ? Optional.of(holding.getFirst()) : Optional.empty();
    }

    private static List<String> names(Indicator indicator) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(indicator.nameTh()), indicator.synonyms().stream())
                .map(IndicatorNaming::key).toList();
    }

    private static String key(String text) {
        return FILLER.matcher(text).replaceAll("");
    }
}
