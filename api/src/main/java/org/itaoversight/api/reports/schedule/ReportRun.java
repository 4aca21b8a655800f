package org.itaoversight.api.reports.schedule;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * One month's run of a schedule: created once (the database refuses a second one for the month), then rendered,
 * archived and sent, with every attempt's outcome.
 *
 * @param period  the month (CE), {@code 2025-11}
 * @param status  PENDING, RETRYING (an attempt failed; another is scheduled), SENT or FAILED (attempts exhausted)
 */
public record ReportRun(long id, long scheduleId, String period, ReportScope scope, String code, String status, int attempts,
                        Optional<String> lastError, Optional<Integer> fiscalYear, Optional<String> sha256,
                        List<String> recipients, OffsetDateTime createdAt, OffsetDateTime updatedAt,
                        Optional<OffsetDateTime> sentAt) {
}
