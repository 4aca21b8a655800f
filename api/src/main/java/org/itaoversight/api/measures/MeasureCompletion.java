package org.itaoversight.api.measures;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How far an agency (or a province) got with its measures of a year, as of a day: measures planned (not cancelled),
 * done by that day, done by their planned end, overdue (past the end and not done); completion rate = done / planned,
 * on-time rate = done on time / planned.
 */
public record MeasureCompletion(String scope, long planned, long done, long doneOnTime, long overdue, BigDecimal completionRate,
                                BigDecimal onTimeRate) {

    static MeasureCompletion of(String scope, long planned, long done, long doneOnTime, long overdue) {
        return new MeasureCompletion(scope, planned, done, doneOnTime, overdue, rate(done, planned), rate(doneOnTime, planned));
    }

    static MeasureCompletion of(MeasureDao.CompletionRow row) {
        return of(row.agencyCode(), row.planned(), row.done(), row.doneOnTime(), row.overdue());
    }

    private static BigDecimal rate(long part, long whole) {
        return whole == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }
}
