package org.itaoversight.api.reports;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.itaoversight.api.disclosure.SmallGroups;
import org.itaoversight.api.ita.analytics.AnalyticsDao;
import org.itaoversight.api.ita.analytics.ResultFigures;
import org.itaoversight.api.ita.catalog.Catalog;
import org.itaoversight.api.ita.catalog.Framework;
import org.itaoversight.api.ita.catalog.Indicator;
import org.itaoversight.api.measures.MeasureDao;
import org.itaoversight.api.measures.MeasureStatus;
import org.itaoversight.api.registry.ProvinceView;
import org.itaoversight.api.registry.RegistryDao;
import org.itaoversight.reporting.agency.AgencyReport;
import org.itaoversight.reporting.province.ProvinceReport;
import org.itaoversight.reporting.text.PassRule;
import org.itaoversight.reporting.text.ThaiCalendar;
import org.itaoversight.tenants.registry.Agency;

/**
 * Gathers what a report shows from ClickHouse (results) and PostgreSQL (registry, measures) into the reporting
 * module's plain data model. Access is checked by the caller; this reads only the agency or province it is given.
 */
public final class ReportData {

    private final AnalyticsDao analytics;
    private final MeasureDao measures;
    private final RegistryDao registry;
    private final Catalog catalog;
    private final Clock clock;
    private final SmallGroups smallGroups;

    /** The catalog's one pass rule, which the renderers highlight by. */
    public PassRule passRule() {
        return catalog.passRule();
    }

    /** With the default minimum group size (benchmarks). */
    public ReportData(AnalyticsDao analytics, MeasureDao measures, RegistryDao registry, Catalog catalog, Clock clock) {
        this(analytics, measures, registry, catalog, clock,
                new SmallGroups(new org.itaoversight.api.disclosure.DisclosureConfiguration().getMinimumGroupSize()));
    }

    /** @param smallGroups the rule on the province's figures shown in an agency's report (beyond its own scope) */
    public ReportData(AnalyticsDao analytics, MeasureDao measures, RegistryDao registry, Catalog catalog, Clock clock,
                      SmallGroups smallGroups) {
        this.analytics = analytics;
        this.measures = measures;
        this.registry = registry;
        this.catalog = catalog;
        this.clock = clock;
        this.smallGroups = smallGroups;
    }

    /** The day completion is counted on: the given one, else today, but never after the fiscal year's last day. */
    public LocalDate asOf(int fiscalYear, Optional<LocalDate> given) {
        LocalDate endOfYear = ThaiCalendar.fiscalYearEnd(fiscalYear);
        LocalDate today = LocalDate.now(clock.withZone(ThaiCalendar.BANGKOK));
        return given.orElse(today.isAfter(endOfYear) ? endOfYear : today);
    }

    public AgencyReport agency(Agency agency, Framework framework, int year, LocalDate asOf) {
        String province = agency.provinceCode();
        List<AnalyticsDao.AgencyYearRow> trend = analytics.agencyTrend(province, agency.code()).stream()
                .filter(row -> row.fiscalYear() <= year).toList();
        Optional<AnalyticsDao.AgencyYearRow> current = trend.stream().filter(row -> row.fiscalYear() == year).findFirst();
        List<Optional<BigDecimal>> scores = current.map(row -> row.indicatorScores().stream().map(Optional::ofNullable).toList())
                .orElse(List.of());
        List<BigDecimal> present = scores.stream().flatMap(Optional::stream).toList();
        List<AgencyReport.IndicatorScore> indicators = new ArrayList<>();
        for (Indicator indicator : framework.indicators()) {
            Optional<BigDecimal> score = indicator.number() <= scores.size() ? scores.get(indicator.number() - 1) : Optional.empty();
            indicators.add(new AgencyReport.IndicatorScore(indicator.number(), indicator.nameTh(), indicator.tool(), score,
                    ResultFigures.isLowest(score, present)));
        }
        List<AgencyReport.QuestionScore> questions = analytics.weakestQuestions(province, agency.code(), year, catalog.passMark(), 5)
                .stream().filter(q -> catalog.passRule().fails(q.score(), PassRule.SCORE_DECIMALS))
                .map(q -> new AgencyReport.QuestionScore(q.question(), catalog.questionText(framework, q.question())
                        .orElseGet(() -> "(ตัวชี้วัดที่ " + q.indicator() + " " + framework.indicator(q.indicator())
                                .map(Indicator::nameTh).orElse("") + ")"), q.score())).toList();
        List<AgencyReport.MeasureLine> lines = measures.list(agency.code(), year, null).stream()
                .filter(m -> m.status() != MeasureStatus.CANCELLED)
                .map(m -> new AgencyReport.MeasureLine(m.number(), m.title(), m.status().labelTh(), m.periodText(),
                        m.periodStart(), m.periodEnd(), m.progress(),
                        m.isOverdue(asOf))).toList();
        AgencyReport.Completion completion = measures.agencyCompletion(agency.code(), year, asOf)
                .map(c -> new AgencyReport.Completion(asOf, (int) c.planned(), (int) c.done(), (int) c.doneOnTime(), (int) c.overdue()))
                .orElse(new AgencyReport.Completion(asOf, 0, 0, 0, 0));
        Optional<AgencyReport.Standing> standing = Optional.empty();
        List<AnalyticsDao.RankingRow> ranking = analytics.ranking(province, year);
        Optional<AnalyticsDao.YearSummary> summary = analytics.yearSummaries(province, catalog.passMark()).stream()
                .filter(s -> s.fiscalYear() == year).findFirst();
        Optional<AnalyticsDao.RankingRow> mine = ranking.stream().filter(r -> r.agencyCode().equals(agency.code())).findFirst();
        // The province's mean and median beside the agency's own rank: withheld for a province of too few agencies.
        if (mine.isPresent() && summary.isPresent() && smallGroups.shows(summary.get().agencies())) {
            standing = Optional.of(new AgencyReport.Standing((int) mine.get().rank(), ranking.size(), ResultFigures.median(summary.get()),
                    summary.get().meanTotal()));
        }
        return new AgencyReport(agency.code(), agency.nameTh(), agency.districtTh(), provinceName(province), year, framework.id(),
                current.map(AnalyticsDao.AgencyYearRow::total), current.map(AnalyticsDao.AgencyYearRow::level),
                trend.stream().map(r -> new AgencyReport.YearScore(r.fiscalYear(), r.total(), r.level(), catalog.band(r.total()))).toList(),
                indicators, questions, lines, completion, standing);
    }

    public ProvinceReport province(ProvinceView province, Framework framework, int year, LocalDate asOf) {
        String code = province.code();
        Map<String, String> names = new HashMap<>();
        registry.listAgencies(code).forEach(a -> names.put(a.code(), a.nameTh()));
        List<AnalyticsDao.RankingRow> ranking = analytics.ranking(code, year);
        List<AnalyticsDao.YearSummary> summaries = analytics.yearSummaries(code, catalog.passMark());
        Optional<AnalyticsDao.YearSummary> now = summaries.stream().filter(s -> s.fiscalYear() == year).findFirst();
        Optional<AnalyticsDao.YearSummary> before = summaries.stream().filter(s -> s.fiscalYear() == year - 1).findFirst();
        BigDecimal passRate = now.map(ResultFigures::passRate).orElse(BigDecimal.ZERO);
        ProvinceReport.KeyFigures figures = new ProvinceReport.KeyFigures(names.size(), now.map(s -> (int) s.agencies()).orElse(0),
                now.map(AnalyticsDao.YearSummary::meanTotal).orElse(null), now.map(ResultFigures::median).orElse(null), passRate,
                passRate.compareTo(catalog.nationalTargetShare()) >= 0,
                now.flatMap(n -> before.map(b -> n.meanTotal().subtract(b.meanTotal()))),
                now.flatMap(n -> before.map(b -> ResultFigures.passRate(n).subtract(ResultFigures.passRate(b)))));
        List<ProvinceReport.MatrixRow> matrix = analytics.matrix(code, year).stream().map(m -> new ProvinceReport.MatrixRow(
                m.agencyCode(), m.nameTh(), m.indicatorScores().stream().map(Optional::ofNullable).toList())).toList();
        List<ProvinceReport.WeakIndicator> weakest = analytics.weakestIndicators(code, year).stream()
                .sorted(Comparator.comparing(AnalyticsDao.IndicatorRow::meanScore)).limit(5)
                .map(w -> new ProvinceReport.WeakIndicator(w.indicator(), framework.indicator(w.indicator()).map(Indicator::nameTh)
                        .orElse(""), w.meanScore(), (int) w.weakestFor())).toList();
        Map<String, MeasureDao.CompletionRow> completionByAgency = new HashMap<>();
        measures.provinceCompletion(code, year, asOf).forEach(c -> completionByAgency.put(c.agencyCode(), c));
        List<ProvinceReport.AgencyCompletion> completion = completionByAgency.values().stream()
                .sorted(Comparator.comparing(MeasureDao.CompletionRow::agencyCode))
                .map(c -> new ProvinceReport.AgencyCompletion(c.agencyCode(), names.getOrDefault(c.agencyCode(), c.agencyCode()),
                        (int) c.planned(), (int) c.done(), (int) c.doneOnTime(), (int) c.overdue())).toList();
        List<ProvinceReport.Attention> attention = NeedsAttention.of(ranking, completionByAgency, catalog.passMark()).stream()
                .map(a -> new ProvinceReport.Attention(a.agencyCode(), a.nameTh(), a.total(), a.completionRate(), a.reasonTh()))
                .toList();
        return new ProvinceReport(code, province.nameTh(), year, framework.id(), figures,
                ranking.stream().map(r -> new ProvinceReport.RankingLine((int) r.rank(), r.agencyCode(), r.nameTh(), r.total(),
                        r.level(), catalog.band(r.total()), Optional.ofNullable(r.change()))).toList(),
                framework.indicators().stream().map(Indicator::nameTh).toList(), matrix, weakest, asOf, completion, attention);
    }

    /** The province's agencies that need attention in a year, their measure completion counted as of a day. */
    public List<NeedsAttention.Agency> needsAttention(String province, int year, LocalDate asOf) {
        Map<String, MeasureDao.CompletionRow> completion = new HashMap<>();
        measures.provinceCompletion(province, year, asOf).forEach(c -> completion.put(c.agencyCode(), c));
        return NeedsAttention.of(analytics.ranking(province, year), completion, catalog.passMark());
    }

    private String provinceName(String code) {
        return registry.findProvince(code).map(ProvinceView::nameTh).orElse(code);
    }

}
