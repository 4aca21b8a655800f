package org.itaoversight.api.documents;

import java.util.List;

/**
 * A document reduced to what every format has in common: lines of paragraphs and table rows. Everything that reads
 * agencies' documents reads this, whatever the file was.
 *
 * @param encoding the text encoding for a text file; the format otherwise
 * @param notes    how it was read when that matters to a person (glyphs normalised, pages skipped)
 */
public record DocumentContent(DocumentFormat format, String encoding, int pages, List<DocumentLine> lines, List<String> notes) {

    public DocumentContent {
        lines = List.copyOf(lines);
        notes = List.copyOf(notes);
    }

    /** The text of every line, paragraphs and rows alike (cells separated by tabs). */
    public String text() {
        StringBuilder text = new StringBuilder();
        lines.forEach(line -> text.append(line.text()).append('\n'));
        return text.toString();
    }
}
