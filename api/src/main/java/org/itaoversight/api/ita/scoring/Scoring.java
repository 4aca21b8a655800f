package org.itaoversight.api.ita.scoring;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.itaoversight.api.ita.catalog.Catalog;
import org.itaoversight.api.ita.catalog.Framework;
import org.itaoversight.api.ita.catalog.Indicator;
import org.itaoversight.api.ita.catalog.Tool;

/**
 * ITA scoring as the NACC defines it: question → indicator (mean of its questions) → tool (mean of its indicators)
 * → total (Σ weight × tool, 0.30 IIT + 0.30 EIT + 0.40 OIT), and the level band. Exact decimal arithmetic; the total
 * is rounded half-up to two decimals like the published totals.
 */
public final class Scoring {

    /** A published total may differ from the computed one by this much (rounding of published indicator scores). */
    public static final BigDecimal TOLERANCE = new BigDecimal("0.01");

    private static final MathContext EXACT = MathContext.DECIMAL64;

    private final Catalog catalog;

    public Scoring(Catalog catalog) {
        this.catalog = catalog;
    }

    public ScoreSheet score(int fiscalYear, Map<Integer, BigDecimal> indicatorScores) {
        Framework framework = framework(fiscalYear);
        Map<String, BigDecimal> tools = new LinkedHashMap<>();
        BigDecimal total = BigDecimal.ZERO;
        for (Tool tool : framework.tools()) {
            List<Indicator> indicators = framework.indicators().stream().filter(i -> i.tool().equals(tool.code())).toList();
            BigDecimal sum = BigDecimal.ZERO;
            for (Indicator indicator : indicators) {
                BigDecimal score = indicatorScores.get(indicator.number());
                if (score == null) {
                    throw new IllegalArgumentException("indicator " + indicator.number() + " (" + indicator.nameTh()
                            + ") has no score for " + fiscalYear);
                }
                sum = sum.add(score);
            }
            BigDecimal mean = sum.divide(BigDecimal.valueOf(indicators.size()), EXACT);
            tools.put(tool.code(), mean.setScale(2, RoundingMode.HALF_UP));
            total = total.add(mean.multiply(tool.weight(), EXACT));
        }
        BigDecimal rounded = total.setScale(2, RoundingMode.HALF_UP);
        return new ScoreSheet(fiscalYear, framework.id(), tools, rounded, catalog.band(rounded));
    }

    /** Indicator scores as means of the given question scores; indicators with no question given are left out. */
    public Map<Integer, BigDecimal> indicatorsFromQuestions(int fiscalYear, Map<String, BigDecimal> questionScores) {
        Framework framework = framework(fiscalYear);
        Map<Integer, BigDecimal> indicators = new TreeMap<>();
        for (Indicator indicator : framework.indicators()) {
            List<BigDecimal> scores = indicator.questions().stream().map(questionScores::get)
                    .filter(java.util.Objects::nonNull).toList();
            if (!scores.isEmpty()) {
                indicators.put(indicator.number(), scores.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                        .divide(BigDecimal.valueOf(scores.size()), EXACT).setScale(2, RoundingMode.HALF_UP));
            }
        }
        return indicators;
    }

    /** Whether a published total agrees with its indicator scores; empty when it does. */
    public Optional<String> inconsistency(int fiscalYear, BigDecimal publishedTotal, Map<Integer, BigDecimal> indicatorScores) {
        BigDecimal computed = score(fiscalYear, indicatorScores).total();
        BigDecimal difference = publishedTotal.subtract(computed).abs();
        return difference.compareTo(TOLERANCE) > 0
                ? Optional.of("published total " + publishedTotal + " differs from " + computed
                        + " computed from its indicator scores by " + difference)
                : Optional.empty();
    }

    private Framework framework(int fiscalYear) {
        return catalog.framework(fiscalYear).orElseThrow(() -> new IllegalArgumentException(
                "fiscal year " + fiscalYear + " is not in the ITA catalog (" + catalog.years().first() + "–"
                        + catalog.years().last() + ")"));
    }
}
