package org.itaoversight.api.ita.scoring;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The scores of one agency-year computed from its indicator scores: tool scores (means of their indicators), the
 * weighted total rounded to two decimals, and the level band of that total.
 */
public record ScoreSheet(int fiscalYear, String frameworkId, Map<String, BigDecimal> tools, BigDecimal total, String band) {
}
