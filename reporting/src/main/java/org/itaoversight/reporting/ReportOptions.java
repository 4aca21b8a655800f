package org.itaoversight.reporting;

import java.time.ZonedDateTime;

/**
 * How a report is written.
 *
 * @param thaiDigits  numbers in Thai digits (๐–๙) instead of Arabic ones
 * @param generatedAt the generation time printed on every page (shown in Asia/Bangkok)
 */
public record ReportOptions(boolean thaiDigits, ZonedDateTime generatedAt) {
}
