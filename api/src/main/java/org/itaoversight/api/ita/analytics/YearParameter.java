package org.itaoversight.api.ita.analytics;

import jakarta.ws.rs.BadRequestException;
import org.itaoversight.api.ita.catalog.Catalog;
import org.itaoversight.api.ita.catalog.Framework;

/** The {@code year} query parameter: a fiscal year (พ.ศ.) of the catalog; anything else is a 400 with the reason. */
public final class YearParameter {

    private YearParameter() {
    }

    public static Framework framework(Catalog catalog, Integer year) {
        if (year == null) {
            throw new BadRequestException("year is required: a fiscal year in พ.ศ., " + catalog.years().first() + "–"
                    + catalog.years().last());
        }
        return catalog.framework(year).orElseThrow(() -> new BadRequestException("year " + year
                + " is not in the ITA catalog (" + catalog.years().first() + "–" + catalog.years().last() + ")"));
    }
}
