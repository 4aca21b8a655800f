package org.itaoversight.api.ita.text;

import java.math.BigDecimal;
import java.util.Optional;
import org.itaoversight.reporting.text.ThaiCalendar;

/** Thai documents mix Thai digits (๐–๙) and Arabic digits: {@code ๙๔.๔๘} is 94.48. */
public final class ThaiNumerals {

    private ThaiNumerals() {
    }

    /** Replaces every Thai digit with its Arabic digit; leaves everything else as it is. */
    public static String toArabic(String text) {
        return ThaiCalendar.arabicDigits(text);
    }

    /** [-+]digits[.digits], checked without a regular expression (this runs for every number of a file). */
    private static boolean isPlainDecimal(String s) {
        int i = 0;
        int n = s.length();
        if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
            i++;
        }
        int digits = 0;
        while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
            digits++;
        }
        if (digits == 0) {
            return false;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            int fraction = 0;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
                fraction++;
            }
            if (fraction == 0) {
                return false;
            }
        }
        return i == n;
    }

    /** A decimal number written with Thai or Arabic digits, thousands separators and surrounding spaces; else empty. */
    public static Optional<BigDecimal> parseDecimal(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String arabic = toArabic(text).strip();
        if (arabic.indexOf(',') >= 0 || arabic.indexOf('\u00a0') >= 0) {
            arabic = arabic.replace(",", "").replace("\u00a0", "");
        }
        if (!isPlainDecimal(arabic)) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(arabic));
    }
}
