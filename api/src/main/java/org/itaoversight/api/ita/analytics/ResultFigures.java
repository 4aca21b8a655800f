package org.itaoversight.api.ita.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The figures derived from a year of results, each computed here only: the pass rate and the median total. */
public final class ResultFigures {

    private ResultFigures() {
    }

    /** The share of agencies that passed, to four places (0 when there is none). */
    public static BigDecimal passRate(long passed, long agencies) {
        return agencies == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(passed).divide(BigDecimal.valueOf(agencies), 4, RoundingMode.HALF_UP);
    }

    public static BigDecimal passRate(AnalyticsDao.YearSummary summary) {
        return passRate(summary.passed(), summary.agencies());
    }

    /** The median total: the mean of the two middle totals (the same one for an odd count), to two places. */
    public static BigDecimal median(AnalyticsDao.YearSummary summary) {
        return summary.middleLow().add(summary.middleHigh()).divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_UP);
    }
}
