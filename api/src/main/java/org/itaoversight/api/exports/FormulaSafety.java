package org.itaoversight.api.exports;

/**
 * The OWASP rule against CSV/formula injection, in one place: text that starts with {@code = + - @}, a tab or a
 * carriage return would be run as a formula by a spreadsheet, so in CSV it is prefixed with a single quote (and the
 * field quoted); in XLSX every text is written as an inline string, never as a formula, and keeps its characters.
 * Numbers are written as numbers and never changed (a negative change stays −1.5).
 */
public final class FormulaSafety {

    private FormulaSafety() {
    }

    public static boolean isRisky(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }

    /** Text for a CSV field: a leading formula character is neutralised with a single quote. */
    public static String forCsv(String text) {
        return isRisky(text) ? "'" + text : text;
    }
}
