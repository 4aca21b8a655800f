package org.itaoversight.api.ita.analytics;

import java.math.BigDecimal;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.SqlObject;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * Cross-agency ITA analytics in ClickHouse. Every query takes its scope (province, agency) and year as bound
 * parameters; nothing is built from request strings. Written for the engine: one scan with window functions instead
 * of self-joins, agency names through the {@code agency_names} dictionary instead of a join (named with its database: on a
 * ClickHouse cluster {@code dictGet} may run on the shards, whose sessions have another current database), the province and
 * national aggregates from the pre-aggregated {@code ita_total_histogram} and {@code ita_indicator_summary}
 * (migrations' V004), and the ranks and previous totals from {@code ita_province_rank} (V005), all of which the result
 * loader rebuilds with every year it loads ({@link ResultAggregates}). The two answers with a row per agency of a province
 * (ranking, matrix) are read without JDBC's result set ({@link LargeReads}).
 */
public interface AnalyticsDao extends SqlObject {

    /**
     * The mean of the totals, exact, from {@code ita_total_histogram} rows (a total and how many agencies have it):
     * totals are Decimal(5, 2), so S = Σ total × agency_count in hundredths is an integer and the mean of n totals, rounded
     * half up to two places, is intDiv(2S + n, 2n) hundredths. (avg() would go through Float64 and round 84.145 down
     * to 84.14.)
     */
    String MEAN_OF_HISTOGRAM = "divide(toDecimal64(intDiv(sum(toInt64(total * 100) * agency_count) * 2 + sum(agency_count), "
            + "2 * sum(agency_count)), 2), 100)";

    /** The same exact mean of indicator scores, from {@code ita_indicator_summary} (sums already in hundredths). */
    String MEAN_OF_INDICATOR_SUMMARY = "divide(toDecimal64(intDiv(sum(score_hundredths) * 2 + sum(agency_count), "
            + "2 * sum(agency_count)), 2), 100)";

    /** One agency's place in its province for a year, with the change against the previous year. */
    record RankingRow(long rank, String agencyCode, String nameTh, String agencyType, String districtTh, BigDecimal total,
                      String level, BigDecimal previousTotal, BigDecimal change) {
    }

    /** Every agency of a province in a year, by rank then code: read straight from the response ({@link LargeReads}). */
    default List<RankingRow> ranking(String province, int year) {
        return withHandle(handle -> LargeReads.ranking(handle, province, year));
    }

    /** Agencies and how many reached the pass mark, by agency type. */
    record PassRateRow(String agencyType, long agencies, long passed, BigDecimal meanTotal) {
    }

    @SqlQuery("""
            SELECT agency_type, sum(agency_count) AS agencies, sumIf(agency_count, total >= :passMark) AS passed,""" + MEAN_OF_HISTOGRAM + """
                    AS mean_total
            FROM ita_total_histogram
            WHERE province_code = :province AND fiscal_year = :year
            GROUP BY agency_type ORDER BY agency_type""")
    @RegisterConstructorMapper(PassRateRow.class)
    List<PassRateRow> passRates(@Bind("province") String province, @Bind("year") int year, @Bind("passMark") BigDecimal passMark);

    /** One indicator across a province's agencies: mean score, and how many agencies have it as their weakest. */
    record IndicatorRow(int indicator, BigDecimal meanScore, long agencies, long weakestFor) {
    }

    @SqlQuery("""
            SELECT indicator,""" + MEAN_OF_INDICATOR_SUMMARY + """
                    AS mean_score, sum(agency_count) AS agencies, sum(weakest_for) AS weakest_for
            FROM ita_indicator_summary
            WHERE province_code = :province AND fiscal_year = :year
            GROUP BY indicator ORDER BY mean_score, indicator""")
    @RegisterConstructorMapper(IndicatorRow.class)
    List<IndicatorRow> weakestIndicators(@Bind("province") String province, @Bind("year") int year);

    /** An agency's result in one year. */
    record AgencyYearRow(int fiscalYear, BigDecimal total, String level, boolean levelPublished, String catalogFramework,
                         List<BigDecimal> indicatorScores) {
    }

    @SqlQuery("""
            SELECT fiscal_year, total, level, level_published, catalog_framework, indicator_scores
            FROM ita_result WHERE province_code = :province AND agency_code = :agency ORDER BY fiscal_year""")
    @RegisterConstructorMapper(AgencyYearRow.class)
    List<AgencyYearRow> agencyTrend(@Bind("province") String province, @Bind("agency") String agency);

    /** One agency's row of the agency × indicator matrix. */
    record MatrixRow(String agencyCode, String nameTh, BigDecimal total, List<BigDecimal> indicatorScores) {
    }

    /** Every agency of a province in a year, by code: read straight from the response ({@link LargeReads}). */
    default List<MatrixRow> matrix(String province, int year) {
        return withHandle(handle -> LargeReads.matrix(handle, province, year));
    }

    /** An agency's place in its province in every year it has a result: rank among how many agencies. */
    record StandingRow(int fiscalYear, long rank, long agencies, BigDecimal total) {
    }

    @SqlQuery("""
            SELECT r.fiscal_year AS fiscal_year, 1 + sumIf(h.agency_count, h.total > r.total) AS rank,
                   sum(h.agency_count) AS agencies, r.total AS total
            FROM (SELECT fiscal_year, total FROM ita_result WHERE province_code = :province AND agency_code = :agency) AS r
            INNER JOIN (SELECT fiscal_year, total, agency_count FROM ita_total_histogram WHERE province_code = :province) AS h
                ON h.fiscal_year = r.fiscal_year
            GROUP BY r.fiscal_year, r.total
            ORDER BY fiscal_year""")
    @RegisterConstructorMapper(StandingRow.class)
    List<StandingRow> standings(@Bind("province") String province, @Bind("agency") String agency);

    /**
     * A year of a province (or of the country): agencies, mean, the two middle totals (equal for an odd count; the
     * median is their mean) and how many passed.
     */
    record YearSummary(int fiscalYear, long agencies, BigDecimal meanTotal, BigDecimal middleLow, BigDecimal middleHigh,
                       long passed) {
    }

    @SqlQuery("""
            SELECT fiscal_year, agencies, mean_total,
                   totals[arrayFirstIndex(c -> c >= intDiv(agencies + 1, 2), cumulative)] AS middle_low,
                   totals[arrayFirstIndex(c -> c >= intDiv(agencies, 2) + 1, cumulative)] AS middle_high,
                   passed
            FROM (SELECT fiscal_year, sum(agency_count) AS agencies,""" + MEAN_OF_HISTOGRAM + """
                          AS mean_total, sumIf(agency_count, total >= :passMark) AS passed,
                         arraySort(groupArray(total)) AS totals,
                         arrayCumSum(arraySort((n, t) -> t, groupArray(agency_count), groupArray(total))) AS cumulative
                  FROM (SELECT fiscal_year, total, sum(agency_count) AS agency_count FROM ita_total_histogram
                        WHERE (:province IS NULL OR province_code = :province) GROUP BY fiscal_year, total)
                  GROUP BY fiscal_year)
            ORDER BY fiscal_year""")
    @RegisterConstructorMapper(YearSummary.class)
    List<YearSummary> yearSummaries(@Bind("province") String provinceOrNull, @Bind("passMark") BigDecimal passMark);

    /** A group (a province, an agency type) of one year: agencies, how many passed, the mean. */
    record GroupPassRate(String groupCode, long agencies, long passed, BigDecimal meanTotal) {
    }

    @SqlQuery("""
            SELECT province_code AS group_code, sum(agency_count) AS agencies, sumIf(agency_count, total >= :passMark) AS passed,""" + MEAN_OF_HISTOGRAM + """
                    AS mean_total
            FROM ita_total_histogram WHERE fiscal_year = :year GROUP BY province_code ORDER BY province_code""")
    @RegisterConstructorMapper(GroupPassRate.class)
    List<GroupPassRate> passRatesByProvince(@Bind("year") int year, @Bind("passMark") BigDecimal passMark);

    @SqlQuery("""
            SELECT agency_type AS group_code, sum(agency_count) AS agencies, sumIf(agency_count, total >= :passMark) AS passed,""" + MEAN_OF_HISTOGRAM + """
                    AS mean_total
            FROM ita_total_histogram WHERE fiscal_year = :year GROUP BY agency_type ORDER BY agency_type""")
    @RegisterConstructorMapper(GroupPassRate.class)
    List<GroupPassRate> passRatesByType(@Bind("year") int year, @Bind("passMark") BigDecimal passMark);

    /** A question score of an agency. */
    record QuestionRow(String question, int indicator, BigDecimal score) {
    }

    @SqlQuery("""
            SELECT question, indicator, score FROM ita_question_score
            WHERE province_code = :province AND agency_code = :agency AND fiscal_year = :year AND score < :passMark
            ORDER BY score, question LIMIT :limit""")
    @RegisterConstructorMapper(QuestionRow.class)
    List<QuestionRow> weakestQuestions(@Bind("province") String province, @Bind("agency") String agency, @Bind("year") int year,
                                       @Bind("passMark") BigDecimal passMark, @Bind("limit") int limit);

    /** An agency whose total moved between two years. */
    record MoverRow(String agencyCode, String nameTh, BigDecimal previousTotal, BigDecimal total, BigDecimal change) {
    }

    /**
     * The agencies whose totals rose the most ({@code limit} of them) and fell the most ({@code limit}), among those with
     * a result in both years, ordered by change (descending) and code.
     */
    @SqlQuery("""
            SELECT agency_code, dictGetOrNull(currentDatabase() || '.agency_names', 'name_th', agency_code) AS name_th, previous_total, total, change
            FROM ((SELECT agency_code, previous_total, total, total - previous_total AS change FROM ita_province_rank
                   WHERE province_code = :province AND fiscal_year = :year AND total > previous_total
                   ORDER BY change DESC, agency_code LIMIT :limit)
                  UNION ALL
                  (SELECT agency_code, previous_total, total, total - previous_total AS change FROM ita_province_rank
                   WHERE province_code = :province AND fiscal_year = :year AND total < previous_total
                   ORDER BY change, agency_code DESC LIMIT :limit))
            ORDER BY change DESC, agency_code""")
    @RegisterConstructorMapper(MoverRow.class)
    List<MoverRow> movers(@Bind("province") String province, @Bind("year") int year, @Bind("limit") int limit);

    /** An agency's indicator scores and question scores of one year, for measuring the effect of its measures. */
    record IndicatorScores(String agencyCode, int fiscalYear, List<BigDecimal> indicatorScores) {
    }

    @SqlQuery("""
            SELECT agency_code, fiscal_year, indicator_scores FROM ita_result
            WHERE province_code = :province AND (:agency IS NULL OR agency_code = :agency) AND fiscal_year IN (:year - 1, :year)""")
    @RegisterConstructorMapper(IndicatorScores.class)
    List<IndicatorScores> indicatorScores(@Bind("province") String province, @Bind("agency") String agencyOrNull, @Bind("year") int year);

    /** One question score of an agency-year. */
    record QuestionYearScore(String agencyCode, int fiscalYear, String question, BigDecimal score) {
    }

    @SqlQuery("""
            SELECT agency_code, fiscal_year, question, score FROM ita_question_score
            WHERE province_code = :province AND (:agency IS NULL OR agency_code = :agency) AND fiscal_year IN (:year - 1, :year)""")
    @RegisterConstructorMapper(QuestionYearScore.class)
    List<QuestionYearScore> questionScores(@Bind("province") String province, @Bind("agency") String agencyOrNull, @Bind("year") int year);
}
