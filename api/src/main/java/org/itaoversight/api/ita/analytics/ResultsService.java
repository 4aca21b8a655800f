package org.itaoversight.api.ita.analytics;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.itaoversight.api.ita.catalog.Catalog;
import org.itaoversight.api.ita.catalog.Framework;

/**
 * The results' rules, once: which totals pass, the pass rates and whether they meet the national target, the
 * province's trend, movers up and down. Reads through {@link AnalyticsDao} and answers in {@link ResultViews}; access
 * is the caller's (the resources check it first).
 */
public final class ResultsService {

    private final AnalyticsDao analytics;
    private final Catalog catalog;

    public ResultsService(AnalyticsDao analytics, Catalog catalog) {
        this.analytics = analytics;
        this.catalog = catalog;
    }

    public Catalog catalog() {
        return catalog;
    }

    /** Whether a total reaches the pass mark. */
    public boolean passes(BigDecimal total) {
        return total != null && total.compareTo(catalog.passMark()) >= 0;
    }

    /** Whether a pass rate meets the national target (and there was someone to pass). */
    public boolean meetsNationalTarget(long agencies, BigDecimal passRate) {
        return agencies > 0 && passRate.compareTo(catalog.nationalTargetShare()) >= 0;
    }

    public List<ResultViews.RankedAgency> ranking(String province, int year) {
        return analytics.ranking(province, year).stream().map(r -> new ResultViews.RankedAgency(r.rank(), r.agencyCode(),
                r.nameTh(), r.agencyType(), r.districtTh(), r.total(), r.level(), r.previousTotal(), r.change(),
                passes(r.total()))).toList();
    }

    public List<ResultViews.TypePassRate> passRatesByType(String province, int year) {
        return analytics.passRates(province, year, catalog.passMark()).stream().map(r -> new ResultViews.TypePassRate(
                r.agencyType(), r.agencies(), r.passed(), r.meanTotal(), ResultFigures.passRate(r.passed(), r.agencies())))
                .toList();
    }

    public List<ResultViews.AgencyScores> matrix(String province, int year) {
        return analytics.matrix(province, year).stream().map(m -> new ResultViews.AgencyScores(m.agencyCode(), m.nameTh(),
                m.total(), m.indicatorScores(), passes(m.total()))).toList();
    }

    /** The agencies that rose most (first) and fell most (second) against the previous year, {@code limit} each. */
    public List<List<ResultViews.Mover>> movers(String province, int year, int limit) {
        List<ResultViews.Mover> all = analytics.movers(province, year, limit).stream().map(m -> new ResultViews.Mover(m.agencyCode(),
                m.nameTh(), m.previousTotal(), m.total(), m.change())).toList();
        return List.of(all.stream().filter(m -> m.change().signum() > 0).limit(limit).toList(),
                all.reversed().stream().filter(m -> m.change().signum() < 0).limit(limit).toList());
    }

    /** A province's years (or the country's, without a province): agencies, mean, median, passed, pass rate. */
    public List<ProvinceResultsResource.YearTrend> yearTrends(Optional<String> province) {
        return analytics.yearSummaries(province.orElse(null), catalog.passMark()).stream()
                .map(s -> new ProvinceResultsResource.YearTrend(s.fiscalYear(),
                        catalog.framework(s.fiscalYear()).map(Framework::id).orElse("unknown"), s.agencies(), s.meanTotal(),
                        ResultFigures.median(s), s.passed(), ResultFigures.passRate(s)))
                .toList();
    }

    public List<ResultViews.AgencyYear> agencyTrend(String province, String agency) {
        return analytics.agencyTrend(province, agency).stream().map(y -> new ResultViews.AgencyYear(y.fiscalYear(), y.total(),
                y.level(), y.levelPublished(), y.catalogFramework(), y.indicatorScores(), passes(y.total()))).toList();
    }

    public List<ResultViews.GroupPassRate> nationalPassRatesByProvince(int year) {
        return groups(analytics.passRatesByProvince(year, catalog.passMark()));
    }

    public List<ResultViews.GroupPassRate> nationalPassRatesByType(int year) {
        return groups(analytics.passRatesByType(year, catalog.passMark()));
    }

    private static List<ResultViews.GroupPassRate> groups(List<AnalyticsDao.GroupPassRate> rows) {
        return rows.stream().map(g -> new ResultViews.GroupPassRate(g.groupCode(), g.agencies(), g.passed(), g.meanTotal(),
                ResultFigures.passRate(g.passed(), g.agencies()))).toList();
    }
}
