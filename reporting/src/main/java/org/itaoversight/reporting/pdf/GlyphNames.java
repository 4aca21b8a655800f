package org.itaoversight.reporting.pdf;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The glyph names of a TrueType font ({@code post} table, format 2): {@code uni0E48.small} is the small variant of
 * U+0E48 that the font's shaping rules put above an upper vowel, {@code uni0E4D0E49} the nikhahit of sara am fused
 * with a tone mark. They say which character each shaped glyph stands for.
 */
final class GlyphNames {

    private final String[] names;
    private final int[] advances;

    private GlyphNames(String[] names, int[] advances) {
        this.names = names;
        this.advances = advances;
    }

    static GlyphNames of(byte[] ttf) {
        ByteBuffer font = ByteBuffer.wrap(ttf);
        String[] names = readNames(font, table(ttf, "post"));
        // Advance widths in PDF glyph space (1/1000 em): hmtx in font units, scaled by head.unitsPerEm.
        int unitsPerEm = Short.toUnsignedInt(font.getShort(table(ttf, "head")[0] + 18));
        int metrics = Short.toUnsignedInt(font.getShort(table(ttf, "hhea")[0] + 34));
        int hmtx = table(ttf, "hmtx")[0];
        int[] advances = new int[names.length];
        for (int g = 0; g < advances.length; g++) {
            int advance = Short.toUnsignedInt(font.getShort(hmtx + 4 * Math.min(g, metrics - 1)));
            advances[g] = Math.round(advance * 1000f / unitsPerEm);
        }
        return new GlyphNames(names, advances);
    }

    private static int[] table(byte[] ttf, String wanted) {
        ByteBuffer font = ByteBuffer.wrap(ttf);
        int tables = Short.toUnsignedInt(font.getShort(4));
        for (int i = 0; i < tables; i++) {
            int entry = 12 + 16 * i;
            if (new String(ttf, entry, 4, StandardCharsets.US_ASCII).equals(wanted)) {
                return new int[] {font.getInt(entry + 8), font.getInt(entry + 12)};
            }
        }
        throw new IllegalArgumentException("the font has no " + wanted + " table");
    }

    private static String[] readNames(ByteBuffer font, int[] post) {
        int offset = post[0];
        int length = post[1];
        if (font.getInt(offset) != 0x00020000) {
            throw new IllegalArgumentException("the font's post table has no glyph names (format "
                    + Integer.toHexString(font.getInt(offset)) + ")");
        }
        int glyphs = Short.toUnsignedInt(font.getShort(offset + 32));
        int[] index = new int[glyphs];
        for (int g = 0; g < glyphs; g++) {
            index[g] = Short.toUnsignedInt(font.getShort(offset + 34 + 2 * g));
        }
        List<String> custom = new ArrayList<>();
        int at = offset + 34 + 2 * glyphs;
        while (at < offset + length) {
            int size = Byte.toUnsignedInt(font.get(at));
            byte[] name = new byte[size];
            font.get(at + 1, name);
            custom.add(new String(name, StandardCharsets.US_ASCII));
            at += 1 + size;
        }
        String[] names = new String[glyphs];
        for (int g = 0; g < glyphs; g++) {
            // Indexes below 258 are the standard Macintosh names (.notdef, space, …): none of them is Thai.
            names[g] = index[g] < 258 ? "" : custom.get(index[g] - 258);
        }
        return names;
    }

    /** The glyph with this name ({@code uni0E33}), if the font has one. */
    Optional<Integer> glyph(String name) {
        for (int g = 0; g < names.length; g++) {
            if (names[g].equals(name)) {
                return Optional.of(g);
            }
        }
        return Optional.empty();
    }

    /** The glyph's advance width in 1/1000 em, as a PDF font's widths give it. */
    int advance(int glyph) {
        return advances[glyph];
    }

    Optional<String> name(int glyph) {
        return glyph < names.length && !names[glyph].isEmpty() ? Optional.of(names[glyph]) : Optional.empty();
    }

    /**
     * The characters a glyph named {@code uniXXXX[YYYY…][.suffix]} draws, in the order the name gives them; empty
     * for any other name.
     */
    Optional<String> characters(int glyph) {
        return name(glyph).flatMap(GlyphNames::charactersOfName);
    }

    static Optional<String> charactersOfName(String name) {
        String base = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
        if (!base.startsWith("uni") || base.length() < 7 || (base.length() - 3) % 4 != 0) {
            return Optional.empty();
        }
        StringBuilder characters = new StringBuilder();
        for (int i = 3; i < base.length(); i += 4) {
            try {
                characters.append((char) Integer.parseInt(base.substring(i, i + 4), 16));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.of(characters.toString());
    }
}
