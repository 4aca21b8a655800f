package org.itaoversight.api.ita.analytics;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.itaoversight.api.disclosure.SmallGroups;
import org.itaoversight.api.ita.catalog.Catalog;
import org.itaoversight.api.ita.catalog.Framework;
import org.itaoversight.reporting.text.PassRule;

/**
 * The results' rules, once: which totals pass, the pass rates and whether they meet the national target, the
 * province's trend, movers up and down, and which national figures are withheld as groups of too few agencies
 * ({@link SmallGroups}). Reads through {@link AnalyticsDao} and answers in {@link ResultViews}; access is the
 * caller's (the resources check it first).
 */
public final class ResultsService {

    private final AnalyticsDao analytics;
    private final Catalog catalog;
    private final SmallGroups smallGroups;

    public ResultsService(AnalyticsDao analytics, Catalog catalog, SmallGroups smallGroups) {
        this.analytics = analytics;
        this.catalog = catalog;
        this.smallGroups = smallGroups;
    }

    public Catalog catalog() {
        return catalog;
    }

    /** The minimum group size for figures shown beyond the reader's scope. */
    public SmallGroups smallGroups() {
        return smallGroups;
    }

    /** Whether a total reaches the pass mark as printed (two decimals): the catalog's one {@link PassRule}. */
    public boolean passes(BigDecimal total) {
        return total != null && catalog.passRule().passes(total, PassRule.SCORE_DECIMALS);
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

    /**
     * The country's years: those of at least the minimum group size with their figures, the others withheld with
     * the reason ("น้อยกว่า k หน่วยงาน").
     */
    public ResultViews.NationalYears nationalYears() {
        List<ProvinceResultsResource.YearTrend> all = yearTrends(Optional.empty());
        return new ResultViews.NationalYears(all.stream().filter(year -> smallGroups.shows(year.agencies())).toList(),
                all.stream().filter(year -> !smallGroups.shows(year.agencies()))
                        .map(year -> new ResultViews.WithheldYear(year.fiscalYear(), smallGroups.fewerThanTh())).toList());
    }

    public List<ResultViews.GroupPassRate> nationalPassRatesByProvince(int year) {
        return groups(analytics.passRatesByProvince(year, catalog.passMark()));
    }

    public List<ResultViews.GroupPassRate> nationalPassRatesByType(int year) {
        return groups(analytics.passRatesByType(year, catalog.passMark()));
    }

    /** A partition of the country's agencies, with {@link SmallGroups}'s rule: small groups and those that would give them back show no figure. */
    private List<ResultViews.GroupPassRate> groups(List<AnalyticsDao.GroupPassRate> rows) {
        Set<Integer> withheld = smallGroups.withheld(rows, AnalyticsDao.GroupPassRate::agencies);
        return IntStream.range(0, rows.size()).mapToObj(i -> {
            AnalyticsDao.GroupPassRate g = rows.get(i);
            return withheld.contains(i)
                    ? new ResultViews.GroupPassRate(g.groupCode(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), true, Optional.of(smallGroups.fewerThanTh()))
                    : new ResultViews.GroupPassRate(g.groupCode(), Optional.of(g.agencies()), Optional.of(g.passed()),
                    Optional.ofNullable(g.meanTotal()), Optional.of(ResultFigures.passRate(g.passed(), g.agencies())), false,
                    Optional.empty());
        }).toList();
    }
}
