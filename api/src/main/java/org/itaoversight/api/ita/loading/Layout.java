package org.itaoversight.api.ita.loading;

/** The two layouts of result files (docs/data-formats.md). */
public enum Layout {
    /** One row per agency-year: total, level, tool scores, the ten indicator scores. */
    WIDE,
    /** One row per agency, year and question code: question scores. */
    LONG
}
