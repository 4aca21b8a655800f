package org.itaoversight.api.measures;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.itaoversight.api.ita.analytics.AnalyticsDao;

/**
 * What measures achieved: a measure of fiscal year Y answers a weak point of the year-(Y−1) assessment, so its effect
 * is the change of each targeted score (an indicator, or a question) from Y−1 to Y. Targets without both scores are
 * listed with the change missing, never guessed.
 */
public final class MeasureEffectiveness {

    private final MeasureDao measures;
    private final AnalyticsDao analytics;

    public MeasureEffectiveness(MeasureDao measures, AnalyticsDao analytics) {
        this.measures = measures;
        this.analytics = analytics;
    }

    /** One target of one measure: its score before and after, and the change. */
    public record TargetEffect(long measureId, String agencyCode, int measureNumber, String title, String target,
                               Optional<BigDecimal> before, Optional<BigDecimal> after, Optional<BigDecimal> change) {
    }

    /** The effects, and their mean change over the targets that have both scores. */
    public record Report(String provinceCode, Optional<String> agencyCode, int fiscalYear, long targets, long measured,
                         Optional<BigDecimal> meanChange, long improved, List<TargetEffect> effects) {
    }

    public Report report(String province, Optional<String> agency, int fiscalYear) {
        Map<String, BigDecimal> scores = new HashMap<>();
        for (AnalyticsDao.IndicatorScores row : analytics.indicatorScores(province, agency.orElse(null), fiscalYear)) {
            List<BigDecimal> values = row.indicatorScores();
            for (int i = 0; i < values.size(); i++) {
                if (values.get(i) != null) {
                    scores.put(key(row.agencyCode(), row.fiscalYear(), "indicator:" + (i + 1)), values.get(i));
                }
            }
        }
        for (AnalyticsDao.QuestionYearScore row : analytics.questionScores(province, agency.orElse(null), fiscalYear)) {
            scores.put(key(row.agencyCode(), row.fiscalYear(), row.question()), row.score());
        }
        List<TargetEffect> effects = new ArrayList<>();
        for (Measure measure : measures.targeted(province, agency.orElse(null), fiscalYear)) {
            for (String target : measure.targets()) {
                Optional<BigDecimal> before = Optional.ofNullable(scores.get(key(measure.agencyCode(), fiscalYear - 1, target)));
                Optional<BigDecimal> after = Optional.ofNullable(scores.get(key(measure.agencyCode(), fiscalYear, target)));
                Optional<BigDecimal> change = before.isPresent() && after.isPresent()
                        ? Optional.of(after.get().subtract(before.get())) : Optional.empty();
                effects.add(new TargetEffect(measure.id(), measure.agencyCode(), measure.number(), measure.title(), target,
                        before, after, change));
            }
        }
        List<BigDecimal> changes = effects.stream().flatMap(e -> e.change().stream()).toList();
        Optional<BigDecimal> mean = changes.isEmpty() ? Optional.empty() : Optional.of(changes.stream()
                .reduce(BigDecimal.ZERO, BigDecimal::add).divide(BigDecimal.valueOf(changes.size()), 2, RoundingMode.HALF_UP));
        return new Report(province, agency, fiscalYear, effects.size(), changes.size(), mean,
                changes.stream().filter(c -> c.signum() > 0).count(), List.copyOf(effects));
    }

    private static String key(String agency, int year, String target) {
        return agency + "|" + year + "|" + target;
    }
}
