package org.itaoversight.api.ita.loading;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.itaoversight.tenants.registry.Agency;

/**
 * One agency's result for one fiscal year, validated against the registry and the year's catalog.
 *
 * @param level          the published level when given, else the band of the total
 * @param levelPublished whether {@code level} was given in the file
 * @param indicators     indicator scores by indicator number - 1; null where the file gave none
 */
public record AgencyYearResult(Agency agency, int fiscalYear, String frameworkId, BigDecimal total, String level,
                               boolean levelPublished, Optional<BigDecimal> iit, Optional<BigDecimal> eit,
                               Optional<BigDecimal> oit, List<BigDecimal> indicators) {
}
