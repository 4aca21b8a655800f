package org.itaoversight.api.ita.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The figures derived from a year of results, each computed here only: the pass rate, the median total, and which
 * of an agency's indicators is its weakest.
 */
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

    /**
     * Whether {@code score} is the lowest of an agency's indicator scores of a year (every tie counts; a missing score
     * is never the lowest): the indicator the dashboard, the exports and the reports mark as the weakest.
     */
    public static boolean isLowest(java.util.Optional<BigDecimal> score, java.util.List<BigDecimal> scores) {
        return score.isPresent() && scores.stream().filter(java.util.Objects::nonNull).min(BigDecimal::compareTo)
                .map(lowest -> score.get().compareTo(lowest) == 0).orElse(false);
    }
}
