package org.itaoversight.reporting.text;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The one rule for passing, and so for the colour of a score, in every report, export and dashboard table: the figure
 * as printed decides. A score is rounded half-up to the decimals it is printed with, and passes when that printed
 * figure reaches the pass mark: 84.96 printed with one decimal is "85.0" and passes; printed with two decimals it is
 * "84.96" and does not.
 *
 * @param passMark the catalog's pass mark (85)
 */
public record PassRule(BigDecimal passMark) {

    /** Totals, means and the agency's indicator scores are printed with two decimals. */
    public static final int SCORE_DECIMALS = 2;
    /** The agency × indicator matrix prints one decimal. */
    public static final int MATRIX_DECIMALS = 1;

    /** The ITA pass mark, 85 (as in the catalog's {@code passMark}). */
    public static PassRule ita() {
        return new PassRule(BigDecimal.valueOf(85));
    }

    /** The figure as printed with these decimals. */
    public static BigDecimal printed(BigDecimal score, int decimals) {
        return score.setScale(decimals, RoundingMode.HALF_UP);
    }

    public boolean passes(BigDecimal score, int decimals) {
        return printed(score, decimals).compareTo(passMark) >= 0;
    }

    /** Below the pass mark as printed: the rows and cells the reports and exports highlight. */
    public boolean fails(BigDecimal score, int decimals) {
        return !passes(score, decimals);
    }
}
