package org.itaoversight.api.ita.analytics;

import java.math.BigDecimal;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * Cross-agency ITA analytics in ClickHouse. Every query takes its scope (province, agency) and year as bound
 * parameters; nothing is built from request strings.
 */
public interface AnalyticsDao {

    /**
     * The mean of the totals, exact: scores are Decimal(5, 2), so the sum in hundredths is an integer S and the mean of
     * n scores, rounded half up to two places, is intDiv(2S + n, 2n) hundredths. (avg() would go through Float64 and
     * round 84.145 down to 84.14.)
     */
    String MEAN_OF_TOTAL = "divide(toDecimal64(intDiv(toInt64(sum(total) * 100) * 2 + count(), 2 * count()), 2), 100)";

    /** The same exact mean of indicator scores. */
    String MEAN_OF_SCORE = "divide(toDecimal64(intDiv(toInt64(sum(score) * 100) * 2 + count(), 2 * count()), 2), 100)";

    /** One agency's place in its province for a year, with the change against the previous year. */
    record RankingRow(long rank, String agencyCode, String nameTh, String agencyType, String districtTh, BigDecimal total,
                      String level, BigDecimal previousTotal, BigDecimal change) {
    }

    @SqlQuery("""
            SELECT rank() OVER (ORDER BY cur.total DESC) AS rank, cur.agency_code AS agency_code, d.name_th AS name_th,
                   cur.agency_type AS agency_type, d.district_th AS district_th, cur.total AS total, cur.level AS level,
                   prev.total AS previous_total, cur.total - prev.total AS change
            FROM (SELECT agency_code, agency_type, total, level FROM ita_result
                  WHERE province_code = :province AND fiscal_year = :year) AS cur
            LEFT JOIN (SELECT agency_code, total FROM ita_result
                       WHERE province_code = :province AND fiscal_year = :year - 1) AS prev ON prev.agency_code = cur.agency_code
            LEFT JOIN (SELECT agency_code, name_th, district_th FROM agency_dimension FINAL
                       WHERE province_code = :province) AS d ON d.agency_code = cur.agency_code
            ORDER BY rank, agency_code
            SETTINGS join_use_nulls = 1""")
    @RegisterConstructorMapper(RankingRow.class)
    List<RankingRow> ranking(@Bind("province") String province, @Bind("year") int year);

    /** Agencies and how many reached the pass mark, by agency type. */
    record PassRateRow(String agencyType, long agencies, long passed, BigDecimal meanTotal) {
    }

    @SqlQuery("""
            SELECT agency_type, count() AS agencies, countIf(total >= :passMark) AS passed,""" + MEAN_OF_TOTAL + """
                    AS mean_total
            FROM ita_result
            WHERE province_code = :province AND fiscal_year = :year
            GROUP BY agency_type ORDER BY agency_type""")
    @RegisterConstructorMapper(PassRateRow.class)
    List<PassRateRow> passRates(@Bind("province") String province, @Bind("year") int year, @Bind("passMark") BigDecimal passMark);

    /** One indicator across a province's agencies: mean score, and how many agencies have it as their weakest. */
    record IndicatorRow(int indicator, BigDecimal meanScore, long agencies, long weakestFor) {
    }

    @SqlQuery("""
            SELECT indicator,""" + MEAN_OF_SCORE + """
                    AS mean_score, count() AS agencies,
                   countIf(score = weakest) AS weakest_for
            FROM (
                SELECT agency_code, arrayJoin(arrayEnumerate(indicator_scores)) AS indicator,
                       indicator_scores[indicator] AS score,
                       arrayMin(arrayFilter(x -> isNotNull(x), indicator_scores)) AS weakest
                FROM ita_result
                WHERE province_code = :province AND fiscal_year = :year)
            WHERE score IS NOT NULL
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

    @SqlQuery("""
            SELECT r.agency_code AS agency_code, d.name_th AS name_th, r.total AS total, r.indicator_scores AS indicator_scores
            FROM (SELECT agency_code, total, indicator_scores FROM ita_result
                  WHERE province_code = :province AND fiscal_year = :year) AS r
            LEFT JOIN (SELECT agency_code, name_th FROM agency_dimension FINAL WHERE province_code = :province) AS d
                ON d.agency_code = r.agency_code
            ORDER BY r.agency_code
            SETTINGS join_use_nulls = 1""")
    @RegisterConstructorMapper(MatrixRow.class)
    List<MatrixRow> matrix(@Bind("province") String province, @Bind("year") int year);

    /** An agency's place in its province in every year it has a result: rank among how many agencies. */
    record StandingRow(int fiscalYear, long rank, long agencies, BigDecimal total) {
    }

    @SqlQuery("""
            SELECT fiscal_year, rank, agencies, total
            FROM (SELECT fiscal_year, agency_code, total,
                         rank() OVER (PARTITION BY fiscal_year ORDER BY total DESC) AS rank,
                         count() OVER (PARTITION BY fiscal_year) AS agencies
                  FROM ita_result WHERE province_code = :province)
            WHERE agency_code = :agency
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
            SELECT fiscal_year, count() AS agencies,""" + MEAN_OF_TOTAL + """
                    AS mean_total,
                   arraySort(groupArray(total))[intDiv(count() + 1, 2)] AS middle_low,
                   arraySort(groupArray(total))[intDiv(count(), 2) + 1] AS middle_high,
                   countIf(total >= :passMark) AS passed
            FROM ita_result
            WHERE (:province IS NULL OR province_code = :province)
            GROUP BY fiscal_year ORDER BY fiscal_year""")
    @RegisterConstructorMapper(YearSummary.class)
    List<YearSummary> yearSummaries(@Bind("province") String provinceOrNull, @Bind("passMark") BigDecimal passMark);

    /** A group (a province, an agency type) of one year: agencies, how many passed, the mean. */
    record GroupPassRate(String groupCode, long agencies, long passed, BigDecimal meanTotal) {
    }

    @SqlQuery("""
            SELECT province_code AS group_code, count() AS agencies, countIf(total >= :passMark) AS passed,""" + MEAN_OF_TOTAL + """
                    AS mean_total
            FROM ita_result WHERE fiscal_year = :year GROUP BY province_code ORDER BY province_code""")
    @RegisterConstructorMapper(GroupPassRate.class)
    List<GroupPassRate> passRatesByProvince(@Bind("year") int year, @Bind("passMark") BigDecimal passMark);

    @SqlQuery("""
            SELECT agency_type AS group_code, count() AS agencies, countIf(total >= :passMark) AS passed,""" + MEAN_OF_TOTAL + """
                    AS mean_total
            FROM ita_result WHERE fiscal_year = :year GROUP BY agency_type ORDER BY agency_type""")
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

    @SqlQuery("""
            SELECT cur.agency_code AS agency_code, d.name_th AS name_th, prev.total AS previous_total, cur.total AS total,
                   cur.total - prev.total AS change
            FROM (SELECT agency_code, total FROM ita_result WHERE province_code = :province AND fiscal_year = :year) AS cur
            INNER JOIN (SELECT agency_code, total FROM ita_result WHERE province_code = :province AND fiscal_year = :year - 1) AS prev
                ON prev.agency_code = cur.agency_code
            LEFT JOIN (SELECT agency_code, name_th FROM agency_dimension FINAL WHERE province_code = :province) AS d
                ON d.agency_code = cur.agency_code
            ORDER BY change DESC, agency_code
            SETTINGS join_use_nulls = 1""")
    @RegisterConstructorMapper(MoverRow.class)
    List<MoverRow> movers(@Bind("province") String province, @Bind("year") int year);

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
