package org.itaoversight.api.ita.catalog;

import java.math.BigDecimal;

/** An assessment tool (IIT, EIT, OIT) and its weight in the total. */
public record Tool(String code, String nameTh, BigDecimal weight) {
}
