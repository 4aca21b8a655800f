package org.itaoversight.reporting.province;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What a province summary shows for a fiscal year: key figures, the ranking, the agency × indicator table, the
 * weakest indicators, measure completion by agency and the agencies needing attention.
 *
 * @param indicatorNames the catalog's indicator names in number order (the matrix's columns)
 */
public record ProvinceReport(String provinceCode, String provinceNameTh, int fiscalYear, String catalogId,
                             KeyFigures keyFigures, List<RankingLine> ranking, List<String> indicatorNames,
                             List<MatrixRow> matrix, List<WeakIndicator> weakestIndicators, LocalDate completionAsOf,
                             List<AgencyCompletion> completion, List<Attention> attention) {

    public ProvinceReport {
        ranking = List.copyOf(ranking);
        indicatorNames = List.copyOf(indicatorNames);
        matrix = List.copyOf(matrix);
        weakestIndicators = List.copyOf(weakestIndicators);
        completion = List.copyOf(completion);
        attention = List.copyOf(attention);
    }

    /**
     * @param passRate       share of agencies at or above the pass mark (85)
     * @param meetsTarget    whether that share reaches the national target (80% of agencies passing)
     * @param meanChange     the mean's change from the year before, when it had results
     */
    public record KeyFigures(int agencies, int assessed, BigDecimal mean, BigDecimal median, BigDecimal passRate,
                             boolean meetsTarget, Optional<BigDecimal> meanChange, Optional<BigDecimal> passRateChange) {
    }

    /** @param band the level of the total's score band; the published {@code level} may differ from 2568 on */
    public record RankingLine(int rank, String agencyCode, String agencyNameTh, BigDecimal total, String level, String band,
                              Optional<BigDecimal> change) {

        public boolean levelDiffersFromBand() {
            return !level.equals(band);
        }
    }

    /** One agency's ten indicator scores, in number order. */
    public record MatrixRow(String agencyCode, String agencyNameTh, List<Optional<BigDecimal>> scores) {
    }

    public record WeakIndicator(int number, String nameTh, BigDecimal mean, int timesWeakest) {
    }

    public record AgencyCompletion(String agencyCode, String agencyNameTh, int planned, int done, int doneOnTime, int overdue) {
    }

    /** An agency below the pass mark or with low measure completion, and why (in Thai). */
    public record Attention(String agencyCode, String agencyNameTh, BigDecimal total, Optional<BigDecimal> completionRate,
                            String reasonTh) {
    }
}
