package org.itaoversight.api.ita.analytics;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * What the API answers about results, apart from the rows the queries return: the same fields, plus the facts a
 * client must not work out for itself ({@code passed}: the total reaches the catalog's pass mark).
 */
public final class ResultViews {

    private ResultViews() {
    }

    /** One agency's place in its province for a year, with the change against the previous year. */
    public record RankedAgency(long rank, String agencyCode, String nameTh, String agencyType, String districtTh,
                               BigDecimal total, String level, BigDecimal previousTotal, BigDecimal change, boolean passed) {
    }

    /** One agency's result of a year. */
    public record AgencyYear(int fiscalYear, BigDecimal total, String level, boolean levelPublished, String catalogFramework,
                             List<BigDecimal> indicatorScores, boolean passed) {
    }

    /** One agency's total and ten indicator scores (catalog order) in the province's matrix. */
    public record AgencyScores(String agencyCode, String nameTh, BigDecimal total, List<BigDecimal> indicatorScores,
                               boolean passed) {
    }

    /** An agency whose total moved against the previous year. */
    public record Mover(String agencyCode, String nameTh, BigDecimal previousTotal, BigDecimal total, BigDecimal change) {
    }

    /** How the agencies of a type did: how many, how many passed, their mean, the share that passed. */
    public record TypePassRate(String agencyType, long agencies, long passed, BigDecimal meanTotal, BigDecimal passRate) {
    }

    /**
     * How a group of agencies (a province, or an agency type, by code) did, nationally; a group withheld by the
     * minimum group size shows no figure, only {@code note} ("น้อยกว่า 5 หน่วยงาน").
     */
    public record GroupPassRate(String groupCode, Optional<Long> agencies, Optional<Long> passed, Optional<BigDecimal> meanTotal,
                                Optional<BigDecimal> passRate, boolean withheld, Optional<String> note) {
    }

    /** The country's years with figures, and those of too few agencies to show any. */
    public record NationalYears(List<ProvinceResultsResource.YearTrend> years, List<WithheldYear> withheldYears) {
    }

    /** A year whose figures are withheld, and why. */
    public record WithheldYear(int fiscalYear, String note) {
    }
}
