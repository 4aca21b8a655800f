package org.itaoversight.reporting;

import java.time.ZonedDateTime;

/**
 * How a report is written.
 *
 * @param thaiDigits  numbers in Thai digits (๐–๙) instead of Arabic ones
 * @param generatedAt the generation time printed on every page (shown in Asia/Bangkok)
 * @param archival    written as PDF/A-2B for the archive (the monthly runs); every report is tagged either way
 */
public record ReportOptions(boolean thaiDigits, ZonedDateTime generatedAt, boolean archival) {

    /** A report to read now (not for the archive). */
    public ReportOptions(boolean thaiDigits, ZonedDateTime generatedAt) {
        this(thaiDigits, generatedAt, false);
    }
}
