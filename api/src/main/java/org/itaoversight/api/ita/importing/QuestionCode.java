package org.itaoversight.api.ita.importing;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.itaoversight.api.ita.text.ThaiNumerals;

/**
 * Question codes as agencies write them: {@code O๑๗}, {@code ๐๒๐} (the Thai zero standing for the letter O),
 * {@code E๑๒}, {@code 1๔} (a 1 standing for the letter I), {@code ข้อ ๐๑๙}, {@code i14}. Normalized to {@code o17},
 * {@code e12}, {@code i4}; also by tool: {@code IIT ข้อ 9} is {@code i9}.
 */
public final class QuestionCode {

    private static final Pattern WRITTEN = Pattern.compile(
            "^\\s*(?:ข้อ\\s*)?([OoIiEe\\u0E500-1])\\s*([\\u0E50-\\u0E590-9]{1,2})(?![\\u0E50-\\u0E590-9])\\s*(.*)$", Pattern.DOTALL);

    /** "IIT ข้อ 9", "OIT ข้อที่ ๑๗", "EIT12". */
    private static final Pattern BY_TOOL = Pattern.compile(
            "^\\s*(IIT|EIT|OIT)\\s*(?:ข้อ(?:ที่)?)?\\s*([\\u0E50-\\u0E590-9]{1,2})(?![\\u0E50-\\u0E590-9.])\\s*(.*)$",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

    private QuestionCode() {
    }

    /** A code at the start of a text, and the rest of the text. */
    public record Parsed(String code, String rest) {
    }

    public static Optional<Parsed> atStart(String text) {
        Matcher tool = BY_TOOL.matcher(text);
        if (tool.matches()) {
            int number = Integer.parseInt(ThaiNumerals.toArabic(tool.group(2)));
            return number == 0 ? Optional.empty() : Optional.of(new Parsed(
                    tool.group(1).substring(0, 1).toLowerCase(Locale.ROOT) + number, tool.group(3).strip()));
        }
        Matcher matcher = WRITTEN.matcher(text);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String prefix = switch (matcher.group(1)) {
            case "O", "o", "\u0E50", "0" -> "o";
            case "I", "i", "1" -> "i";
            default -> "e";
        };
        int number = Integer.parseInt(ThaiNumerals.toArabic(matcher.group(2)));
        return number == 0 ? Optional.empty()
                : Optional.of(new Parsed(prefix + number, matcher.group(3).strip()));
    }

    public static String normalize(String code) {
        return atStart(code).map(Parsed::code).orElse(code.strip().toLowerCase(Locale.ROOT));
    }
}
