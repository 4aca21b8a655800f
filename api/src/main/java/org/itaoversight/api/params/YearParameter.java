package org.itaoversight.api.params;

import jakarta.ws.rs.BadRequestException;
import org.itaoversight.api.ita.catalog.Catalog;
import org.itaoversight.api.ita.catalog.Framework;

/**
 * The {@code year} query parameter: a fiscal year (พ.ศ.). Results need a year of the catalog; measures may be planned
 * for any year from {@value #FIRST_PLANNED_YEAR} (the platform's first ITA year) to {@value #LAST_PLANNED_YEAR}.
 * Anything else is a 400 with the reason.
 */
public final class YearParameter {

    public static final int FIRST_PLANNED_YEAR = 2561;
    public static final int LAST_PLANNED_YEAR = 2600;

    private YearParameter() {
    }

    /** The catalog framework of the year asked for. */
    public static Framework framework(Catalog catalog, Integer year) {
        required(year, catalog.years().first(), catalog.years().last());
        return catalog.framework(year).orElseThrow(() -> new BadRequestException("year " + year
                + " is not in the ITA catalog (" + catalog.years().first() + "–" + catalog.years().last() + ")"));
    }

    /** A year measures may be planned for. */
    public static int measureYear(Integer year) {
        required(year, FIRST_PLANNED_YEAR, LAST_PLANNED_YEAR);
        if (year < FIRST_PLANNED_YEAR || year > LAST_PLANNED_YEAR) {
            throw new BadRequestException("year must be a fiscal year in พ.ศ. (" + FIRST_PLANNED_YEAR + "–"
                    + LAST_PLANNED_YEAR + "), got " + year);
        }
        return year;
    }

    private static void required(Integer year, int first, int last) {
        if (year == null) {
            throw new BadRequestException("year is required: a fiscal year in พ.ศ., " + first + "–" + last);
        }
    }
}
