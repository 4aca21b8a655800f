package org.itaoversight.reporting.pdf;

import com.lowagie.text.pdf.PRIndirectReference;
import com.lowagie.text.pdf.PRStream;
import com.lowagie.text.pdf.PRTokeniser;
import com.lowagie.text.pdf.PdfArray;
import com.lowagie.text.pdf.PdfContentParser;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfNumber;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfStamper;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.RandomAccessFileOrArray;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes the text of a PDF rendered with shaped Thai glyphs extract as the Thai that went in, in every viewer.
 *
 * <p>JasperReports' glyph renderer lays Thai out with the font's OpenType rules, so tone marks sit above upper vowels
 * and clear the ascenders of ป ฝ ฟ. The price is in the text layer: the shaped variants (a smaller tone mark, a
 * narrower upper vowel) have no entry in the font's ToUnicode map, and sara am (ำ) is drawn as a nikhahit glyph — fused
 * with the tone mark in น้ำ — followed by the glyph of sara aa. Poppler reads the renderer's {@code /ActualText} and
 * extracts it right; pdf.js and MuPDF read glyphs and produce "ที�" and "ํา".
 *
 * <p>This pass gives every glyph occurrence the characters it stands for, without changing a single drawn shape:
 * <ul>
 *   <li>a variant glyph maps to its character, taken from the font's glyph names ({@code uni0E48.small} → ่);</li>
 *   <li>in a sara am, the nikhahit part maps to the tone mark it carries (or to nothing) and the sara aa part to ำ.
 *       As the same glyph of sara aa also stands alone for า, that occurrence is re-coded with a new character id
 *       whose CIDToGIDMap entry points at the same glyph (same shape, same width) and whose ToUnicode entry is ำ.</li>
 * </ul>
 * The fonts are the Type0/Identity-H fonts whose program is one of the given TrueType fonts (by PostScript name).
 */
public final class ThaiTextLayer {

    private static final Pattern BF_RANGE = Pattern.compile("<([0-9a-fA-F]+)>\\s*<([0-9a-fA-F]+)>\\s*<([0-9a-fA-F]+)>");
    private static final Pattern BF_CHAR = Pattern.compile("<([0-9a-fA-F]{4})>\\s*<([0-9a-fA-F]+)>");
    private static final char NIKHAHIT = '\u0E4D';
    private static final String SARA_AA = "\u0E32";
    private static final String SARA_AM = "\u0E33";

    private final Map<String, GlyphNames> fonts;
    private final Map<String, byte[]> programs;

    /** @param fonts TrueType programs by PostScript name ({@code Sarabun-Regular}) */
    public ThaiTextLayer(Map<String, byte[]> fonts) {
        Map<String, GlyphNames> names = new HashMap<>();
        fonts.forEach((name, ttf) -> names.put(name, GlyphNames.of(ttf)));
        this.fonts = Map.copyOf(names);
        this.programs = Map.copyOf(fonts);
    }

    public byte[] repair(byte[] pdf) {
        try {
            PdfReader reader = new PdfReader(pdf);
            Map<Integer, FontRepair> repairs = new HashMap<>();
            for (int i = 1; i < reader.getXrefSize(); i++) {
                PdfObject object = reader.getPdfObject(i);
                if (object instanceof PdfDictionary font && PdfName.FONT.equals(font.get(PdfName.TYPE))
                        && PdfName.TYPE0.equals(font.get(PdfName.SUBTYPE))) {
                    Optional<String> program = fontFor(font);
                    if (program.isPresent()) {
                        repairs.put(i, new FontRepair(reader, font, fonts.get(program.get()), programs.get(program.get())));
                    }
                }
            }
            if (repairs.isEmpty()) {
                return pdf;
            }
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                PdfDictionary pageDictionary = reader.getPageN(page);
                PdfDictionary resources = pageDictionary.getAsDict(PdfName.RESOURCES);
                PdfObject contents = PdfReader.getPdfObject(pageDictionary.get(PdfName.CONTENTS));
                List<PRStream> streams = new ArrayList<>();
                if (contents instanceof PRStream stream) {
                    streams.add(stream);
                } else if (contents instanceof PdfArray array) {
                    for (int k = 0; k < array.size(); k++) {
                        if (PdfReader.getPdfObject(array.getPdfObject(k)) instanceof PRStream stream) {
                            streams.add(stream);
                        }
                    }
                }
                if (streams.size() == 1) {
                    rewrite(streams.getFirst(), resources, repairs);
                } else if (streams.size() > 1) {
                    // A content array is one stream cut anywhere: join it before parsing.
                    ByteArrayOutputStream joined = new ByteArrayOutputStream();
                    for (PRStream stream : streams) {
                        joined.write(PdfReader.getStreamBytes(stream));
                        joined.write('\n');
                    }
                    streams.getFirst().setData(joined.toByteArray());
                    for (int k = 1; k < streams.size(); k++) {
                        streams.get(k).setData(new byte[0]);
                    }
                    rewrite(streams.getFirst(), resources, repairs);
                }
                rewriteForms(resources, repairs, new java.util.HashSet<>());
            }
            repairs.values().forEach(FontRepair::finish);
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 4096);
            PdfStamper stamper = new PdfStamper(reader, out);
            stamper.close();
            reader.close();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("repairing the PDF's Thai text layer failed", e);
        } catch (com.lowagie.text.DocumentException e) {
            throw new IllegalStateException("repairing the PDF's Thai text layer failed", e);
        }
    }

    private Optional<String> fontFor(PdfDictionary font) {
        PdfName base = font.getAsName(PdfName.BASEFONT);
        if (base == null || !new PdfName("Identity-H").equals(font.get(PdfName.ENCODING))) {
            return Optional.empty();
        }
        String name = PdfName.decodeName(base.toString());
        String postScript = name.contains("+") ? name.substring(name.indexOf('+') + 1) : name;
        return fonts.containsKey(postScript) ? Optional.of(postScript) : Optional.empty();
    }

    private void rewriteForms(PdfDictionary resources, Map<Integer, FontRepair> repairs, java.util.Set<Integer> seen)
            throws IOException {
        if (resources == null) {
            return;
        }
        PdfDictionary xObjects = resources.getAsDict(PdfName.XOBJECT);
        if (xObjects == null) {
            return;
        }
        for (PdfName key : xObjects.getKeys()) {
            PdfObject reference = xObjects.get(key);
            if (reference instanceof PRIndirectReference indirect && !seen.add(indirect.getNumber())) {
                continue;
            }
            if (PdfReader.getPdfObject(reference) instanceof PRStream form && PdfName.FORM.equals(form.get(PdfName.SUBTYPE))) {
                PdfDictionary formResources = form.getAsDict(PdfName.RESOURCES);
                rewrite(form, formResources != null ? formResources : resources, repairs);
                rewriteForms(formResources, repairs, seen);
            }
        }
    }

    /** Re-codes the glyph strings drawn with a repaired font in one content stream. */
    private void rewrite(PRStream stream, PdfDictionary resources, Map<Integer, FontRepair> repairs) throws IOException {
        PdfDictionary fontResources = resources == null ? null : resources.getAsDict(PdfName.FONT);
        if (fontResources == null) {
            return;
        }
        Map<String, FontRepair> byResourceName = new HashMap<>();
        for (PdfName key : fontResources.getKeys()) {
            if (fontResources.get(key) instanceof PRIndirectReference reference && repairs.containsKey(reference.getNumber())) {
                byResourceName.put(key.toString(), repairs.get(reference.getNumber()));
            }
        }
        if (byResourceName.isEmpty()) {
            return;
        }
        byte[] content = PdfReader.getStreamBytes(stream);
        PdfContentParser parser = new PdfContentParser(new PRTokeniser(new RandomAccessFileOrArray(content)));
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 256);
        List<PdfObject> operands = new ArrayList<>();
        FontRepair current = null;
        boolean changed = false;
        while (!parser.parse(operands).isEmpty()) {
            String operator = operands.getLast().toString();
            if (operator.equals("BDC") && operands.size() >= 3 && operands.get(1) instanceof PdfDictionary properties
                    && properties.get(PdfName.ACTUALTEXT) instanceof PdfString actual
                    && actual.toUnicodeString().indexOf(ThaiLineBreaking.WORD_JOINER) >= 0) {
                PdfDictionary cleaned = new PdfDictionary();
                cleaned.merge(properties);
                cleaned.put(PdfName.ACTUALTEXT, new PdfString(actual.toUnicodeString()
                        .replace(String.valueOf(ThaiLineBreaking.WORD_JOINER), ""), PdfObject.TEXT_UNICODE));
                operands.set(1, cleaned);
                changed = true;
            } else if (operator.equals("Tf") && operands.size() >= 3) {
                current = byResourceName.get(operands.getFirst().toString());
            } else if (current != null && (operator.equals("Tj") || operator.equals("'") || operator.equals("\""))) {
                int at = operands.size() - 2;
                if (operands.get(at) instanceof PdfString text) {
                    operands.set(at, current.recode(text));
                    changed = true;
                }
            } else if (current != null && operator.equals("TJ") && operands.getFirst() instanceof PdfArray array) {
                PdfArray recoded = new PdfArray();
                for (int k = 0; k < array.size(); k++) {
                    recoded.add(array.getPdfObject(k) instanceof PdfString text ? current.recode(text) : array.getPdfObject(k));
                }
                operands.set(0, recoded);
                changed = true;
            }
            for (int k = 0; k < operands.size(); k++) {
                operands.get(k).toPdf(null, out);
                out.write(k == operands.size() - 1 ? '\n' : ' ');
            }
        }
        if (changed) {
            stream.setData(out.toByteArray());
        }
    }

    /** One font's glyph-to-text map, extended with the character ids that give a glyph another text. */
    private static final class FontRepair {

        private final PdfReader reader;
        private final PdfDictionary font;
        private final PdfDictionary descendant;
        private final GlyphNames names;
        private final byte[] program;
        /** The precomposed sara am glyph, drawn instead of nikhahit + sara aa when the two are the same width. */
        private final Optional<Integer> saraAm;
        /** The zero-width word joiner glyph: dropped from the drawn text. */
        private final Optional<Integer> wordJoiner;
        private boolean needsWholeFont;
        /** cid → text, the font's own map first. */
        private final TreeMap<Integer, String> toUnicode = new TreeMap<>();
        /** new cid → glyph. */
        private final Map<Integer, Integer> added = new LinkedHashMap<>();
        private final Map<String, Integer> addedByGlyphAndText = new HashMap<>();
        private final Map<Integer, Integer> widths = new HashMap<>();
        private int nextCid;
        /** Ids below this draw the glyph of the same number (the font's Identity map). */
        private final int firstAdded;

        FontRepair(PdfReader reader, PdfDictionary font, GlyphNames names, byte[] program) throws IOException {
            this.reader = reader;
            this.font = font;
            this.names = names;
            this.program = program;
            this.saraAm = names.glyph("uni0E33");
            this.wordJoiner = names.glyph("uni2060").filter(g -> names.advance(g) == 0);
            this.descendant = (PdfDictionary) PdfReader.getPdfObject(font.getAsArray(PdfName.DESCENDANTFONTS).getPdfObject(0));
            PdfObject cmap = PdfReader.getPdfObject(font.get(PdfName.TOUNICODE));
            if (cmap instanceof PRStream stream) {
                readToUnicode(new String(PdfReader.getStreamBytes(stream), StandardCharsets.ISO_8859_1));
            }
            readWidths(descendant.getAsArray(PdfName.W));
            int highest = Math.max(toUnicode.isEmpty() ? 0 : toUnicode.lastKey(), widths.keySet().stream().max(Integer::compare).orElse(0));
            this.nextCid = Math.max(highest + 1, 0x1000);
            this.firstAdded = nextCid;
        }

        private void readToUnicode(String cmap) {
            for (String block : cmap.split("beginbfrange")) {
                String ranges = block.contains("endbfrange") ? block.substring(0, block.indexOf("endbfrange")) : "";
                Matcher range = BF_RANGE.matcher(ranges);
                while (range.find()) {
                    int first = Integer.parseInt(range.group(1), 16);
                    int last = Integer.parseInt(range.group(2), 16);
                    int target = Integer.parseInt(range.group(3), 16);
                    for (int cid = first; cid <= last; cid++) {
                        toUnicode.put(cid, String.valueOf((char) (target + cid - first)));
                    }
                }
            }
            for (String block : cmap.split("beginbfchar")) {
                String chars = block.contains("endbfchar") ? block.substring(0, block.indexOf("endbfchar")) : "";
                Matcher one = BF_CHAR.matcher(chars);
                while (one.find()) {
                    toUnicode.put(Integer.parseInt(one.group(1), 16), utf16(one.group(2)));
                }
            }
        }

        private void readWidths(PdfArray w) {
            if (w == null) {
                return;
            }
            int k = 0;
            while (k < w.size()) {
                int first = ((PdfNumber) w.getPdfObject(k)).intValue();
                PdfObject next = w.getPdfObject(k + 1);
                if (next instanceof PdfArray each) {
                    for (int j = 0; j < each.size(); j++) {
                        widths.put(first + j, ((PdfNumber) each.getPdfObject(j)).intValue());
                    }
                    k += 2;
                } else {
                    int last = ((PdfNumber) next).intValue();
                    int width = ((PdfNumber) w.getPdfObject(k + 2)).intValue();
                    for (int cid = first; cid <= last; cid++) {
                        widths.put(cid, width);
                    }
                    k += 3;
                }
            }
        }

        /** The text a glyph stands for on its own: the font's map, else its name. */
        private Optional<String> textOf(int glyph) {
            return Optional.ofNullable(toUnicode.get(glyph)).or(() -> names.characters(glyph).map(FontRepair::logicalOrder));
        }

        /** A fused nikhahit and tone mark is named in drawing order (0E4D 0E49); written Thai puts the tone first. */
        private static String logicalOrder(String characters) {
            int nikhahit = characters.indexOf(NIKHAHIT);
            if (nikhahit < 0 || characters.length() == 1) {
                return characters;
            }
            return characters.replace(String.valueOf(NIKHAHIT), "") + NIKHAHIT;
        }

        PdfString recode(PdfString text) {
            byte[] bytes = text.getOriginalBytes();
            int[] glyphs = new int[bytes.length / 2];
            for (int k = 0; k < glyphs.length; k++) {
                glyphs[k] = ((bytes[2 * k] & 0xFF) << 8) | (bytes[2 * k + 1] & 0xFF);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
            for (int k = 0; k < glyphs.length; k++) {
                int glyph = glyphs[k];
                if (wordJoiner.isPresent() && glyph == wordJoiner.get()) {
                    continue; // zero-width, only there to forbid a line break
                }
                boolean amNikhahit = isNikhahitPart(glyph) && k + 1 < glyphs.length && isSaraAa(glyphs[k + 1]);
                boolean amAa = isSaraAa(glyph) && k > 0 && isNikhahitPart(glyphs[k - 1]);
                int cid;
                if (amNikhahit && isPlainNikhahit(glyph) && precomposedFits(glyph, glyphs[k + 1])) {
                    // กำ: a nikhahit with no tone mark and sara aa are the precomposed ำ, one glyph of the same width.
                    cid = cidFor(saraAm.orElseThrow(), SARA_AM);
                    needsWholeFont = true;
                    k++;
                } else if (amNikhahit) {
                    // น้ำ: the nikhahit fused with the tone mark stands for the tone mark.
                    cid = cidFor(glyph, names.characters(glyph).orElse("").replace(String.valueOf(NIKHAHIT), ""));
                } else if (amAa) {
                    cid = cidFor(glyph, SARA_AM);
                } else {
                    cid = cidFor(glyph, textOf(glyph).orElse(null));
                }
                out.write(cid >> 8);
                out.write(cid);
            }
            PdfString recoded = new PdfString(out.toByteArray());
            recoded.setHexWriting(true);
            return recoded;
        }

        private boolean isPlainNikhahit(int glyph) {
            return names.name(glyph).map("uni0E4D"::equals).orElse(false);
        }

        private boolean precomposedFits(int nikhahit, int aa) {
            return saraAm.isPresent() && names.advance(saraAm.get()) == names.advance(nikhahit) + names.advance(aa);
        }

        private boolean isNikhahitPart(int glyph) {
            return names.characters(glyph).map(c -> c.indexOf(NIKHAHIT) >= 0 && c.chars().allMatch(ch -> ch >= 0x0E47 && ch <= 0x0E4E))
                    .orElse(false);
        }

        private boolean isSaraAa(int glyph) {
            return names.characters(glyph).map(SARA_AA::equals).orElse(false);
        }

        /** The glyph's own id when its text is free or already this; otherwise an added id drawing the same glyph. */
        private int cidFor(int glyph, String text) {
            if (text == null) {
                return glyph;
            }
            String own = toUnicode.get(glyph);
            if (own == null && !added.containsKey(glyph)) {
                toUnicode.put(glyph, text);
                return glyph;
            }
            if (text.equals(own)) {
                return glyph;
            }
            return addedByGlyphAndText.computeIfAbsent(glyph + "/" + text, key -> {
                int cid = nextCid++;
                added.put(cid, glyph);
                toUnicode.put(cid, text);
                return cid;
            });
        }

        /** Writes the font's new ToUnicode map, and the CIDToGIDMap and widths of the added ids. */
        void finish() {
            StringBuilder cmap = new StringBuilder("""
                    /CIDInit /ProcSet findresource begin
                    12 dict begin
                    begincmap
                    /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
                    /CMapName /Adobe-Identity-UCS def
                    /CMapType 2 def
                    1 begincodespacerange
                    <0000> <FFFF>
                    endcodespacerange
                    """);
            List<Map.Entry<Integer, String>> entries = new ArrayList<>(toUnicode.entrySet());
            for (int from = 0; from < entries.size(); from += 100) {
                List<Map.Entry<Integer, String>> chunk = entries.subList(from, Math.min(entries.size(), from + 100));
                cmap.append(chunk.size()).append(" beginbfchar\n");
                for (Map.Entry<Integer, String> entry : chunk) {
                    cmap.append(String.format("<%04X> <%s>%n", entry.getKey(), hex(entry.getValue())));
                }
                cmap.append("endbfchar\n");
            }
            cmap.append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
            PRStream toUnicodeStream = new PRStream(reader, cmap.toString().getBytes(StandardCharsets.ISO_8859_1));
            font.put(PdfName.TOUNICODE, reader.addPdfObject(toUnicodeStream));
            if (needsWholeFont) {
                embedWholeFont();
            }
            if (added.isEmpty()) {
                return;
            }
            int highest = added.keySet().stream().max(Integer::compare).orElseThrow();
            byte[] map = new byte[2 * (highest + 1)];
            for (int cid = 0; cid <= highest; cid++) {
                int glyph = added.getOrDefault(cid, cid < firstAdded ? cid : 0);
                map[2 * cid] = (byte) (glyph >> 8);
                map[2 * cid + 1] = (byte) glyph;
            }
            descendant.put(PdfName.CIDTOGIDMAP, reader.addPdfObject(new PRStream(reader, map)));
            PdfArray w = descendant.getAsArray(PdfName.W);
            if (w == null) {
                w = new PdfArray();
                descendant.put(PdfName.W, w);
            }
            for (Map.Entry<Integer, Integer> cid : added.entrySet()) {
                PdfArray width = new PdfArray();
                width.add(new PdfNumber(widths.getOrDefault(cid.getValue(), 0)));
                w.add(new PdfNumber(cid.getKey()));
                w.add(width);
            }
        }

        /**
         * The subset embedded by the renderer holds only the glyphs it drew, never the precomposed sara am; the whole
         * font (glyph ids unchanged, ~90 KB) replaces it, with the precomposed glyph's width.
         */
        private void embedWholeFont() {
            PdfDictionary descriptor = (PdfDictionary) PdfReader.getPdfObject(descendant.get(PdfName.FONTDESCRIPTOR));
            PRStream file = new PRStream(reader, program);
            file.put(new PdfName("Length1"), new PdfNumber(program.length));
            descriptor.put(PdfName.FONTFILE2, reader.addPdfObject(file));
            descriptor.remove(new PdfName("CIDSet"));
            int glyph = saraAm.orElseThrow();
            if (!widths.containsKey(glyph)) {
                PdfArray w = descendant.getAsArray(PdfName.W);
                PdfArray width = new PdfArray();
                width.add(new PdfNumber(names.advance(glyph)));
                w.add(new PdfNumber(glyph));
                w.add(width);
                widths.put(glyph, names.advance(glyph));
            }
        }

        private static String hex(String text) {
            StringBuilder out = new StringBuilder();
            for (char c : text.toCharArray()) {
                out.append(String.format("%04X", (int) c));
            }
            return out.toString();
        }

        private static String utf16(String hex) {
            StringBuilder out = new StringBuilder();
            for (int k = 0; k + 4 <= hex.length(); k += 4) {
                out.append((char) Integer.parseInt(hex.substring(k, k + 4), 16));
            }
            return out.toString();
        }
    }
}
