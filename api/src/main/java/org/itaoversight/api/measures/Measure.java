package org.itaoversight.api.measures;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * An improvement measure (มาตรการ) of an agency for a fiscal year.
 *
 * @param targets        the weak points it targets: question codes ({@code o20}) or indicators ({@code indicator:3})
 * @param periodText     the planned period as the agency wrote it ({@code ตุลาคม ๒๕๖๕-เมษายน ๒๕๖๖})
 * @param completedOn    the day it was done, when done
 * @param version        optimistic-locking version: an update must name the version it read
 */
public record Measure(long id, String agencyCode, int fiscalYear, int number, String title, List<String> targets,
                      String steps, List<String> responsibleUnits, Optional<LocalDate> periodStart,
                      Optional<LocalDate> periodEnd, String periodText, MeasureStatus status, int progress,
                      Optional<LocalDate> completedOn, String output, String outcome, List<String> evidenceLinks,
                      int version, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    /** Past its end date and not done (cancelled measures are never overdue). */
    public boolean isOverdue(LocalDate asOf) {
        return status != MeasureStatus.DONE && status != MeasureStatus.CANCELLED
                && periodEnd.map(end -> end.isBefore(asOf)).orElse(false);
    }
}
