package org.itaoversight.api.ita.catalog;

import java.math.BigDecimal;

/** A level (AA … F) and the lowest total that reaches it. */
public record LevelBand(String level, BigDecimal min) {
}
