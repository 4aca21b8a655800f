package org.itaoversight.api.documents;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * A PDF with a text layer through Apache PDFBox. PDF has no tables, only glyphs at positions and lines drawn on the
 * page, so rows and cells are rebuilt: the ruling lines of a table (its borders) give the column and row boundaries
 * (a boundary counts for a row only where a line is drawn there, so a header cell spanning two columns stays one
 * cell); each glyph goes to the cell it sits in; a cell's glyphs become lines, and a line that ends well before the
 * cell's right edge although the next line's first word would have fitted ends a paragraph, any other line was
 * wrapped and runs on. Text outside tables becomes paragraphs. Each page's first line is marked as coming after a
 * page break, so a row continuing a cut cell is joined as running text; repeated header rows are left to the reader
 * of the table.
 *
 * <p>Refused with a Thai message: a PDF without a text layer (a scan), a text layer that maps to nothing readable,
 * a password-protected or damaged file, more pages or text than {@link DocumentLimits} allow.
 */
final class PdfDocumentReader {

    private static final long MAX_MEMORY = 256L * 1024 * 1024;
    private final DocumentLimits limits;

    PdfDocumentReader(DocumentLimits limits) {
        this.limits = limits;
    }

    DocumentContent read(byte[] content) {
        try (PDDocument document = Loader.loadPDF(new RandomAccessReadBuffer(content), "", null, null,
                MemoryUsageSetting.setupMainMemoryOnly(MAX_MEMORY).streamCache)) {
            int pages = document.getNumberOfPages();
            if (pages > limits.maxPages()) {
                throw new UnreadableDocumentException("ไฟล์ PDF มี " + pages + " หน้า เกินที่ระบบอ่านได้ (" + limits.maxPages()
                        + " หน้า) กรุณาแยกเฉพาะรายงานของหน่วยงานเป็นไฟล์ใหม่");
            }
            List<DocumentLine> lines = new ArrayList<>();
            int characters = 0;
            int images = 0;
            int tables = 0;
            int[] privateUseSeen = {0};
            StringBuilder allText = new StringBuilder();
            for (int p = 1; p <= pages; p++) {
                PDPage page = document.getPage(p - 1);
                List<Glyph> glyphs = glyphs(document, p, privateUseSeen);
                PdfRulings rulings = new PdfRulings(page);
                rulings.process();
                images += rulings.images();
                for (Glyph g : glyphs) {
                    allText.append(g.text);
                }
                characters += glyphs.size();
                if (characters > limits.maxCharacters()) {
                    throw new UnreadableDocumentException("ไฟล์ PDF มีข้อความเกิน " + limits.maxCharacters()
                            + " ตัวอักษร ระบบไม่อ่านเอกสารขนาดนี้ กรุณาแยกเฉพาะรายงานของหน่วยงานเป็นไฟล์ใหม่");
                }
                tables = new PdfPageLayout(p, glyphs, rulings.grids(), tables).addTo(lines);
            }
            List<String> notes = new ArrayList<>();
            String text = allText.toString();
            if (text.isBlank()) {
                throw new UnreadableDocumentException("ไฟล์ PDF นี้ไม่มีข้อความให้อ่าน" + (images > 0 ? " มีแต่ภาพ (น่าจะเป็นเอกสารสแกน)" : "")
                        + " ระบบอ่านตัวอักษรจากภาพไม่ได้ " + UnreadableDocumentException.UPLOAD_INSTEAD);
            }
            int privateUse = privateUseSeen[0];
            String normalized = ThaiGlyphs.normalize(text);
            if (ThaiGlyphs.readableShare(normalized) < 0.7 || ThaiGlyphs.thaiCount(normalized) == 0) {
                throw new UnreadableDocumentException("ข้อความภาษาไทยในไฟล์ PDF นี้อ่านไม่ได้ (ฟอนต์ในไฟล์ไม่มีตารางแปลงรหัสอักขระ"
                        + " เมื่อคัดลอกข้อความออกมาจะเป็นอักขระที่ไม่มีความหมาย) " + UnreadableDocumentException.UPLOAD_INSTEAD);
            }
            if (privateUse > 0) {
                notes.add("แปลงอักขระไทยในรหัสส่วนตัว (U+F700–U+F71A) " + privateUse + " ตัวเป็นอักขระไทยมาตรฐาน");
            }
            return new DocumentContent(DocumentFormat.PDF, "PDF", pages, lines, notes);
        } catch (InvalidPasswordException e) {
            throw new UnreadableDocumentException("ไฟล์ PDF นี้มีรหัสผ่าน ระบบเปิดไม่ได้ กรุณาอัปโหลดไฟล์ที่ไม่มีรหัสผ่าน", e);
        } catch (IOException | RuntimeException e) {
            if (e instanceof UnreadableDocumentException unreadable) {
                throw unreadable;
            }
            throw new UnreadableDocumentException("เปิดไฟล์ PDF ไม่ได้ ไฟล์อาจเสียหาย (" + e.getClass().getSimpleName() + ") "
                    + UnreadableDocumentException.UPLOAD_INSTEAD, e);
        }
    }

    /**
     * The page's glyphs in content-stream order, private-use Thai mapped to standard Thai. Where the PDF says what a
     * group of glyphs stands for ({@code /ActualText}, as browsers write Thai clusters whose shaped glyphs map to no
     * character), the group is one glyph with that text.
     */
    private static List<Glyph> glyphs(PDDocument document, int page, int[] privateUseSeen) throws IOException {
        List<Glyph> glyphs = new ArrayList<>();
        PDFTextStripper stripper = new PDFTextStripper() {
            private final java.util.ArrayDeque<String> actualTexts = new java.util.ArrayDeque<>();
            private List<TextPosition> group;

            @Override
            public void beginMarkedContentSequence(org.apache.pdfbox.cos.COSName tag, org.apache.pdfbox.cos.COSDictionary properties) {
                super.beginMarkedContentSequence(tag, properties);
                String actual = properties == null ? null : properties.getString(org.apache.pdfbox.cos.COSName.ACTUAL_TEXT);
                actualTexts.push(actual == null ? "" : actual);
                if (actual != null && group == null) {
                    group = new ArrayList<>();
                }
            }

            @Override
            public void endMarkedContentSequence() {
                super.endMarkedContentSequence();
                String actual = actualTexts.isEmpty() ? "" : actualTexts.pop();
                if (!actual.isEmpty() && group != null && actualTexts.stream().allMatch(String::isEmpty)) {
                    // A group of zero-width glyphs only is the clipped top of a line drawn below the page's edge
                    // (browsers paint the next page's first line there too): it is read on the next page.
                    if (group.stream().anyMatch(t -> t.getWidthDirAdj() > 0.01f)) {
                        TextPosition first = group.getFirst();
                        float left = Float.MAX_VALUE;
                        float right = -Float.MAX_VALUE;
                        for (TextPosition t : group) {
                            left = Math.min(left, t.getXDirAdj());
                            right = Math.max(right, t.getXDirAdj() + t.getWidthDirAdj());
                        }
                        privateUseSeen[0] += ThaiGlyphs.privateUseCount(actual);
                        glyphs.add(new Glyph(ThaiGlyphs.normalize(actual), left, first.getYDirAdj(), right - left,
                                Math.max(first.getFontSizeInPt(), 4f)));
                    }
                    group = null;
                }
            }

            @Override
            protected void processTextPosition(TextPosition text) {
                if (group != null) {
                    group.add(text);
                    return;
                }
                String unicode = text.getUnicode();
                if (unicode == null || unicode.isEmpty() || unicode.equals("\u0000")) {
                    return;
                }
                privateUseSeen[0] += ThaiGlyphs.privateUseCount(unicode);
                glyphs.add(new Glyph(ThaiGlyphs.normalize(unicode), text.getXDirAdj(), text.getYDirAdj(), text.getWidthDirAdj(),
                        Math.max(text.getFontSizeInPt(), 4f)));
            }
        };
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        stripper.setSortByPosition(false);
        stripper.getText(document);
        return glyphs;
    }

    /** A glyph: its text, left x, baseline y (from the top of the page), width and font size. */
    record Glyph(String text, float x, float y, float width, float size) {

        /** A glyph of Thai marks only (tone marks, upper and lower vowels, or a ligature of them: "ี่"). */
        boolean isMark() {
            if (text.isEmpty()) {
                return false;
            }
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (!(c == '\u0E31' || (c >= '\u0E34' && c <= '\u0E3A') || (c >= '\u0E47' && c <= '\u0E4E'))) {
                    return false;
                }
            }
            return true;
        }

        float right() {
            return x + width;
        }
    }

    /** Text lines of glyphs: a baseline each, marks kept with the letter before them. */
    static List<List<Glyph>> lines(List<Glyph> glyphs) {
        List<List<Glyph>> lines = new ArrayList<>();
        List<Float> baselines = new ArrayList<>();
        int previous = -1;
        for (Glyph g : glyphs) {
            int line = -1;
            if (g.isMark() && previous >= 0) {
                line = previous;
            } else {
                for (int i = 0; i < baselines.size(); i++) {
                    if (Math.abs(baselines.get(i) - g.y()) <= g.size() * 0.4f) {
                        line = i;
                        break;
                    }
                }
            }
            if (line < 0) {
                baselines.add(g.y());
                lines.add(new ArrayList<>());
                line = lines.size() - 1;
            }
            lines.get(line).add(g);
            previous = line;
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing(baselines::get));
        List<List<Glyph>> sorted = new ArrayList<>();
        for (int i : order) {
            List<Glyph> line = lines.get(i);
            // Stream order is logical order within a run; runs of one line may come in any order: sort runs by x.
            sorted.add(sortRuns(line));
        }
        return sorted;
    }

    /** Splits a line into runs where stream order jumps left, and orders the runs by x. */
    private static List<Glyph> sortRuns(List<Glyph> line) {
        List<List<Glyph>> runs = new ArrayList<>();
        List<Glyph> run = new ArrayList<>();
        float lastRight = -Float.MAX_VALUE;
        for (Glyph g : line) {
            if (!g.isMark() && !run.isEmpty() && g.x() < lastRight - g.size()) {
                runs.add(run);
                run = new ArrayList<>();
            }
            run.add(g);
            if (!g.isMark()) {
                lastRight = Math.max(lastRight, g.right());
            }
        }
        runs.add(run);
        runs.sort(Comparator.comparing(r -> r.getFirst().x()));
        List<Glyph> out = new ArrayList<>();
        runs.forEach(out::addAll);
        return out;
    }

    /**
     * A line's text, a space where glyphs are apart by more than a fifth of the font size. The gap is measured from
     * the right-most edge drawn so far, marks included: a PDF written with a font that cannot shape Thai (LibreOffice
     * and Word falling back to a font without Thai mark positioning) draws tone marks and upper vowels as glyphs with
     * their own advance, after the letter, and the next letter follows the mark, not the letter.
     */
    static String text(List<Glyph> line) {
        StringBuilder text = new StringBuilder();
        float right = Float.NaN;
        for (Glyph g : line) {
            if (!Float.isNaN(right) && !g.isMark() && g.x() - right > g.size() * 0.2f) {
                text.append(' ');
            }
            text.append(g.text());
            right = Float.isNaN(right) || !g.isMark() ? g.right() : Math.max(right, g.right());
        }
        return ThaiGlyphs.normalize(text.toString()).replaceAll("\\s+", " ").strip();
    }

    /** The width of a line's first word (a Thai word by the JDK's Thai dictionary). */
    static float firstWordWidth(List<Glyph> line) {
        String text = text(line);
        BreakIterator words = BreakIterator.getWordInstance(Locale.forLanguageTag("th"));
        words.setText(text);
        int end = words.next();
        int chars = end == BreakIterator.DONE ? text.length() : end;
        float width = 0;
        int counted = 0;
        for (Glyph g : line) {
            if (counted >= chars) {
                break;
            }
            width += g.isMark() ? 0 : g.width();
            counted += g.text().length();
        }
        return width;
    }
}
