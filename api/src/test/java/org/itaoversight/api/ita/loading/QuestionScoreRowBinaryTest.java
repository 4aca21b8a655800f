package org.itaoversight.api.ita.loading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The RowBinary encoding details that ClickHouse would otherwise reject or misread (the loader tests read values back). */
class QuestionScoreRowBinaryTest {

    @Test
    void stringLengthsAreLeb128Varints() {
        assertThat(QuestionScoreRowBinary.string("o20")).containsExactly(3, 'o', '2', '0');
        byte[] long200 = QuestionScoreRowBinary.string("x".repeat(200));
        assertThat(long200).hasSize(202);
        assertThat(long200[0]).isEqualTo((byte) 0xC8);
        assertThat(long200[1]).isEqualTo((byte) 0x01);
        // Thai is three bytes per character in UTF-8: the length counts bytes.
        assertThat(QuestionScoreRowBinary.string("ก")[0]).isEqualTo((byte) 3);
    }

    @Test
    void scoresAreHundredthsAndNeverRounded() {
        assertThat(QuestionScoreRowBinary.unscaled(new BigDecimal("89.79"))).isEqualTo(8979);
        assertThat(QuestionScoreRowBinary.unscaled(new BigDecimal("100"))).isEqualTo(10000);
        assertThat(QuestionScoreRowBinary.unscaled(new BigDecimal("7.5"))).isEqualTo(750);
        assertThatThrownBy(() -> QuestionScoreRowBinary.unscaled(new BigDecimal("7.555"))).isInstanceOf(ArithmeticException.class);
    }
}
