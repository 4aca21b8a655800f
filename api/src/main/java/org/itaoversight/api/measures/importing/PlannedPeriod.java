package org.itaoversight.api.measures.importing;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A measure's planned period as the agency wrote it, and what could be read from it.
 *
 * @param text      the period exactly as written ({@code ๑ มกราคม - ๓๐ มิถุนายน ๒๕๖๖}), markup removed
 * @param start     the first day, when the text names one (a month alone starts on its first day)
 * @param end       the last day, when the text names one (a month alone ends on its last day)
 * @param recurring the text describes a repeated activity ({@code เป็นประจำทุกเดือน}, {@code รอบไตรมาส})
 * @param notes     how the dates were read when it is not plain (a year taken from the fiscal year, a CE year), or
 *                  why they could not be read; empty for an ordinary date or range
 */
public record PlannedPeriod(String text, Optional<LocalDate> start, Optional<LocalDate> end, boolean recurring,
                            List<String> notes) {

    public PlannedPeriod {
        notes = List.copyOf(notes);
    }

    public boolean understood() {
        return start.isPresent() && end.isPresent();
    }
}
