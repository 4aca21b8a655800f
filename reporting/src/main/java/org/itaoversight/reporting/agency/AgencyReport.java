package org.itaoversight.reporting.agency;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What an agency summary shows: an agency's ITA result of a fiscal year, its history, its weakest points, its
 * measures and where it stands in its province. Plain values: the reporting module reads no database.
 *
 * @param years            total and level of every assessed year, oldest first (the chart and its table)
 * @param indicators       the year's indicator scores in catalog order, the weakest marked
 * @param weakestQuestions the lowest-scoring questions (those under 85, as agencies report them), lowest first
 * @param standing         the agency's rank in its province, when the province has results for the year
 */
public record AgencyReport(String agencyCode, String agencyNameTh, String districtTh, String provinceNameTh, int fiscalYear,
                           String catalogId, Optional<BigDecimal> total, Optional<String> level, List<YearScore> years,
                           List<IndicatorScore> indicators, List<QuestionScore> weakestQuestions, List<MeasureLine> measures,
                           Completion completion, Optional<Standing> standing) {

    public AgencyReport {
        years = List.copyOf(years);
        indicators = List.copyOf(indicators);
        weakestQuestions = List.copyOf(weakestQuestions);
        measures = List.copyOf(measures);
    }

    /**
     * @param level the level as published
     * @param band  the level of the total's score band (AA 95–100, A 85–94.99, …); from 2568 the published level may
     *              differ, and the report then says so in a footnote
     */
    public record YearScore(int fiscalYear, BigDecimal total, String level, String band) {

        public boolean levelDiffersFromBand() {
            return !level.equals(band);
        }
    }

    public record IndicatorScore(int number, String nameTh, String tool, Optional<BigDecimal> score, boolean weakest) {
    }

    /** @param textTh the question's wording from the catalog (or, when the catalog has none, its indicator) */
    public record QuestionScore(String code, String textTh, BigDecimal score) {
    }

    /**
     * A measure as the report lists it; {@code statusTh} is the status as a reader says it (ดำเนินการแล้วเสร็จ). The
     * period is printed as the agency wrote it, else from its dates.
     */
    public record MeasureLine(int number, String title, String statusTh, String periodText, Optional<LocalDate> periodStart,
                              Optional<LocalDate> periodEnd, int progress, boolean overdue) {
    }

    /** Completion of the year's measures as of a day. */
    public record Completion(LocalDate asOf, int planned, int done, int doneOnTime, int overdue) {

        public Optional<BigDecimal> completionRate() {
            return rate(done);
        }

        public Optional<BigDecimal> onTimeRate() {
            return rate(doneOnTime);
        }

        private Optional<BigDecimal> rate(int count) {
            return planned == 0 ? Optional.empty()
                    : Optional.of(BigDecimal.valueOf(count).divide(BigDecimal.valueOf(planned), 4, RoundingMode.HALF_UP));
        }
    }

    /** Rank 1 is the highest total; the median and mean are over the province's agencies of the year. */
    public record Standing(int rank, int agencies, BigDecimal provinceMedian, BigDecimal provinceMean) {
    }
}
