package org.itaoversight.api.ita.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResultFiguresTest {

    private static final List<BigDecimal> SCORES = Arrays.asList(new BigDecimal("88.10"), null, new BigDecimal("75.12"),
            new BigDecimal("75.120"), new BigDecimal("90.00"));

    @Test
    void theLowestScoreAndEveryTieAreTheWeakest() {
        assertThat(ResultFigures.isLowest(Optional.of(new BigDecimal("75.12")), SCORES)).isTrue();
        assertThat(ResultFigures.isLowest(Optional.of(new BigDecimal("75.120")), SCORES)).as("equal whatever the scale").isTrue();
        assertThat(ResultFigures.isLowest(Optional.of(new BigDecimal("88.10")), SCORES)).isFalse();
    }

    @Test
    void aMissingScoreIsNeverTheWeakestNorAreScoresOfAnEmptyYear() {
        assertThat(ResultFigures.isLowest(Optional.empty(), SCORES)).isFalse();
        assertThat(ResultFigures.isLowest(Optional.of(BigDecimal.ONE), Arrays.asList(null, null))).isFalse();
    }
}
