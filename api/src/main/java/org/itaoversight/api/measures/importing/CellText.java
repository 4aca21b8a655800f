package org.itaoversight.api.measures.importing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.itaoversight.api.ita.text.ThaiNumerals;

/**
 * The text of a table cell as converted documents give it: paragraphs wrapped in {@code <p>}, lists in {@code <ul>},
 * entities, runs of spaces, a lone "-" for "nothing". Cleaned to lines of text; the agency's wording is kept.
 */
final class CellText {

    private static final Pattern BREAKS = Pattern.compile("(?i)<br\\s*/?>|</p>\\s*<p[^>]*>|</?li[^>]*>|</?ul[^>]*>|</?ol[^>]*>|</p>|<p[^>]*>");
    private static final Pattern TAGS = Pattern.compile("<[^>]{0,200}>");
    private static final Pattern NOTHING = Pattern.compile("^[\\s\\-–—_:|.]*$");
    /** An enumerator inside a cell: "๑.", "2)", at the start or after a space. */
    private static final Pattern ENUMERATOR = Pattern.compile("(?:^|(?<=\\s))[0-9]{1,2}\\s*[.)](?![0-9])\\s*");

    private CellText() {
    }

    /** The cell's lines, markup removed and spaces collapsed; empty when the cell says nothing ("", "-", "--"). */
    static List<String> lines(String cell) {
        String text = BREAKS.matcher(cell).replaceAll("\n");
        text = TAGS.matcher(text).replaceAll(" ")
                .replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&")
                .replace('\u00A0', ' ').replace("\u200B", "");
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            String collapsed = line.replaceAll("\\s+", " ").strip();
            if (!collapsed.isEmpty()) {
                lines.add(collapsed);
            }
        }
        if (lines.stream().allMatch(line -> NOTHING.matcher(line).matches())) {
            return List.of();
        }
        return lines;
    }

    /** What starts the name of an agency's unit: a break before one of these in a list of units starts a new unit. */
    private static final Pattern UNIT_START = Pattern.compile("^(?:กอง|สำนัก|ฝ่าย|งาน|ส่วน|หน่วย|ทุก|นายก|รองปลัด|หัวหน้า|ผู้อำนวยการ|คณะ|เจ้าหน้าที่|ศูนย์)");

    /**
     * Resolves the line breaks a PDF cell could not tell apart (U+2028: a paragraph's end or a wrapped line). In a list
     * of units a break before a unit's name ("กองช่าง⏎สำนักปลัด") is kept, any other ("สำนัก⏎ปลัด") joined; in other
     * cells they are joined, as running text.
     */
    static String resolveSoftBreaks(String text, boolean unitNames) {
        if (text.indexOf('\u2028') < 0) {
            return text;
        }
        String[] parts = text.split("\u2028", -1);
        StringBuilder out = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            String next = parts[i];
            if (unitNames && UNIT_START.matcher(next.strip()).find()) {
                out.append('\n');
            } else if (!out.isEmpty() && !next.isEmpty() && !(isThai(out.charAt(out.length() - 1)) && isThai(next.charAt(0)))) {
                out.append(' ');
            }
            out.append(next);
        }
        return out.toString();
    }

    static boolean isEmpty(String cell) {
        return lines(cell).isEmpty();
    }

    /**
     * Joins the end of a cell with its continuation on the next page. Thai is written without spaces between words,
     * so a cell cut mid-sentence is joined directly; a continuation that starts a new item starts a new line.
     */
    static String join(String before, String continuation) {
        if (before.isEmpty()) {
            return continuation;
        }
        if (continuation.isEmpty()) {
            return before;
        }
        char last = before.charAt(before.length() - 1);
        String head = ThaiNumerals.toArabic(continuation);
        boolean newItem = ENUMERATOR.matcher(head).lookingAt() || head.startsWith("-") || head.startsWith("•")
                || last == '.' || last == ':' || last == ')';
        if (newItem) {
            return before + "\n" + continuation;
        }
        boolean thaiBoundary = isThai(last) && isThai(continuation.charAt(0));
        return before + (thaiBoundary ? "" : " ") + continuation;
    }

    /** Splits a list written in one cell ("๑.สำนักปลัด ๒.กองคลัง", one item per line, "a/b", "a, b"). */
    static List<String> items(String text) {
        List<String> items = new ArrayList<>();
        for (String line : text.split("\n")) {
            String arabic = ThaiNumerals.toArabic(line);
            Matcher matcher = ENUMERATOR.matcher(arabic);
            List<Integer> cuts = new ArrayList<>();
            while (matcher.find()) {
                cuts.add(matcher.start());
                cuts.add(matcher.end());
            }
            List<String> pieces = new ArrayList<>();
            if (cuts.isEmpty()) {
                pieces.add(line);
            } else {
                pieces.add(line.substring(0, cuts.getFirst()));
                for (int i = 1; i < cuts.size(); i += 2) {
                    int end = i + 1 < cuts.size() ? cuts.get(i + 1) : line.length();
                    pieces.add(line.substring(cuts.get(i), end));
                }
            }
            for (String piece : pieces) {
                Arrays.stream(piece.split("\\s*[/,]\\s*"))
                        .map(p -> p.replaceFirst("^[-•*\\s]+", "").strip())
                        .filter(p -> !p.isEmpty())
                        .forEach(items::add);
            }
        }
        return items;
    }

    static boolean isThai(char c) {
        return c >= '\u0E01' && c <= '\u0E5B';
    }
}
