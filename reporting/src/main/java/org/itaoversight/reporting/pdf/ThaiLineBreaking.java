package org.itaoversight.reporting.pdf;

import java.util.Locale;

/**
 * JasperReports breaks lines with the JVM's default {@link java.text.BreakIterator}, and only the language {@code th}
 * gets the JDK's Thai dictionary; otherwise a Thai line breaks only at spaces or mid-word ("ภายนอ|ก"). This makes
 * {@code th} the default locale while keeping the formatting and display categories as they were (a {@code th-TH}
 * format locale would switch {@code Calendar} to the Buddhist era and shift every year by 543).
 */
public final class ThaiLineBreaking {

    private static final Locale THAI = Locale.forLanguageTag("th");

    private ThaiLineBreaking() {
    }

    /** WORD JOINER: no line break here. Zero-width; {@link ThaiTextLayer} removes it from the finished PDF. */
    public static final char WORD_JOINER = '\u2060';

    /**
     * Forbids line breaks the dictionary gets wrong inside words it does not know (loanwords such as เว็บไซต์): a
     * consonant silenced by the thanthakhat (ต์, ร์, ธิ์) always closes the syllable before it, so a line may never
     * start with it. A word joiner is put before each such consonant.
     */
    public static String protect(String text) {
        if (text == null || text.indexOf('\u0E4C') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isConsonant(c) && i > 0 && isThaiLetter(text.charAt(i - 1)) && silenced(text, i + 1)) {
                out.append(WORD_JOINER);
            }
            out.append(c);
        }
        return out.toString();
    }

    /** Whether a thanthakhat follows, perhaps after an above or below vowel (ธิ์, ตุ์). */
    private static boolean silenced(String text, int from) {
        int i = from;
        while (i < text.length() && (text.charAt(i) == '\u0E34' || text.charAt(i) == '\u0E38')) {
            i++;
        }
        return i < text.length() && text.charAt(i) == '\u0E4C';
    }

    private static boolean isConsonant(char c) {
        return c >= '\u0E01' && c <= '\u0E2E';
    }

    private static boolean isThaiLetter(char c) {
        return c >= '\u0E01' && c <= '\u0E4E';
    }

    public static void ensure() {
        if (Locale.getDefault().getLanguage().equals("th")) {
            return;
        }
        Locale format = Locale.getDefault(Locale.Category.FORMAT);
        Locale display = Locale.getDefault(Locale.Category.DISPLAY);
        Locale.setDefault(THAI);
        Locale.setDefault(Locale.Category.FORMAT, format.getLanguage().equals("th") ? Locale.ROOT : format);
        Locale.setDefault(Locale.Category.DISPLAY, display);
    }
}
