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
