package org.itaoversight.api.documents;

/**
 * Thai text as PDF text layers give it. Windows-era Thai fonts (TH Sarabun PSK, Angsana, Tahoma…) draw tone marks and
 * upper and lower vowels in several positions and map the shifted forms to private-use code points U+F700–U+F71A;
 * each stands for one standard Thai character, so it is mapped back rather than rejected. A text layer that maps to
 * nothing readable (no ToUnicode map: Latin-1 look-alikes, control characters, U+FFFD) is told apart by how little of
 * it is Thai, Latin letters, digits or punctuation.
 */
public final class ThaiGlyphs {

    /** U+F700 … U+F71A, in order: the standard character each private-use glyph is a variant of. */
    private static final char[] PRIVATE_USE = {
            'ฐ', 'ิ', 'ี', 'ึ', 'ื', '่', '้', '๊', '๋', '์', // F700–F709: ฐ without its tail, upper vowels and marks shifted left
            '่', '้', '๊', '๋', '์', // F70A–F70E: marks shifted down and left
            'ญ', 'ั', 'ํ', '็', // F70F–F712: ญ without its tail, upper vowels shifted left
            '่', '้', '๊', '๋', '์', // F713–F717: marks shifted down
            'ุ', 'ู', 'ฺ'}; // F718–F71A: lower vowels shifted down

    private ThaiGlyphs() {
    }

    /** Maps private-use Thai glyphs to standard Thai, and NIKHAHIT + SARA AA (ํ + า) to SARA AM (ำ). */
    public static String normalize(String text) {
        if (privateUseCount(text) == 0 && text.indexOf('\u0E4D') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char mapped = c >= '\uF700' && c <= '\uF71A' ? PRIVATE_USE[c - '\uF700'] : c;
            if (mapped == '\u0E4D' && i + 1 < text.length() && text.charAt(i + 1) == '\u0E32') {
                mapped = '\u0E33';
                i++;
            }
            out.append(mapped);
        }
        return out.toString();
    }

    /** How many private-use Thai glyphs a text holds. */
    public static int privateUseCount(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '\uF700' && c <= '\uF71A') {
                n++;
            }
        }
        return n;
    }

    /**
     * The share (0–1) of a text's visible characters that are Thai, Latin letters, digits or common punctuation. A text
     * layer read through a font without a Unicode map scores far below one (Latin-1 look-alikes such as "¡ÒÃ", control
     * characters, U+FFFD).
     */
    public static double readableShare(String text) {
        int visible = 0;
        int readable = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                continue;
            }
            visible++;
            boolean ok = (c >= '\u0E01' && c <= '\u0E5B') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')
                    || (c >= '0' && c <= '9') || ".,:;()[]/-–—\"'%&+*•!?<>=_#@".indexOf(c) >= 0;
            if (ok) {
                readable++;
            }
        }
        return visible == 0 ? 0 : (double) readable / visible;
    }

    /** Thai letters among a text's characters: a Thai agency's document without them was not read as Thai. */
    public static int thaiCount(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '\u0E01' && c <= '\u0E5B') {
                n++;
            }
        }
        return n;
    }
}
