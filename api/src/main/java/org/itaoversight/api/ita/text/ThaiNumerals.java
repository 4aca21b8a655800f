package org.itaoversight.api.ita.text;

import java.math.BigDecimal;
import java.util.Optional;

/** Thai documents mix Thai digits (๐–๙) and Arabic digits: {@code ๙๔.๔๘} is 94.48. */
public final class ThaiNumerals {

    private ThaiNumerals() {
    }

    /** Replaces every Thai digit with its Arabic digit; leaves everything else as it is. */
    public static String toArabic(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c >= '\u0E50' && c <= '\u0E59' ? (char) ('0' + (c - '\u0E50')) : c);
        }
        return out.toString();
    }

    /** A decimal number written with Thai or Arabic digits, thousands separators and surrounding spaces; else empty. */
    public static Optional<BigDecimal> parseDecimal(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String arabic = toArabic(text).strip().replace(",", "").replace("\u00a0", "");
        if (!arabic.matches("[-+]?\\d+(\\.\\d+)?")) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(arabic));
    }
}
