package org.itaoversight.api.ita.loading;

import java.math.BigDecimal;
import org.itaoversight.tenants.registry.Agency;

/** One question score of an agency-year, its code normalized ({@code o20}) and mapped to its indicator. */
public record QuestionScore(Agency agency, int fiscalYear, String question, int indicator, BigDecimal score) {
}
