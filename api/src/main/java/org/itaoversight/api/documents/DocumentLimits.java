package org.itaoversight.api.documents;

/**
 * Bounds on the work one uploaded document may cause, so that a hostile file (a ZIP bomb posing as a Word document,
 * a PDF of thousands of pages) is refused with a clear message instead of exhausting the server.
 *
 * @param maxPages         PDF pages read
 * @param maxCharacters    characters of text taken from a document
 * @param maxZipEntries    entries of a DOCX archive
 * @param maxInflatedBytes bytes a DOCX archive may inflate to, all entries together
 */
public record DocumentLimits(int maxPages, int maxCharacters, int maxZipEntries, long maxInflatedBytes) {

    public static DocumentLimits defaults() {
        return new DocumentLimits(300, 3_000_000, 2_000, 100L * 1024 * 1024);
    }
}
