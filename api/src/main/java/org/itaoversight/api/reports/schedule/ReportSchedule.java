package org.itaoversight.api.reports.schedule;

import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * A monthly report: the summary of an agency or a province, sent on a day of every month at a time of day in a
 * time zone (Asia/Bangkok by default) to its recipients.
 */
public record ReportSchedule(long id, ReportScope scope, String code, int dayOfMonth, LocalTime timeOfDay, String timeZone,
                             List<String> recipients, boolean thaiDigits, boolean enabled, String createdBy,
                             OffsetDateTime createdAt) {

    /** The instant this schedule is due in a month. */
    public ZonedDateTime dueIn(YearMonth month) {
        return month.atDay(dayOfMonth).atTime(timeOfDay).atZone(ZoneId.of(timeZone));
    }
}
