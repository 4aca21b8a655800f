package org.itaoversight.api.ita.loading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FirstRowsTest {

    @Test
    void answersTheFirstRowOfEveryRepeatedKeyAsAHashMapWould() {
        // Far more keys than expected (the table grows), keys near each other and far apart, zero and negative.
        FirstRows firstRows = new FirstRows(4);
        Map<Long, Long> reference = new HashMap<>();
        SplittableRandom random = new SplittableRandom(15);
        assertThat(firstRows.putIfAbsent(0, 1)).isZero();
        reference.put(0L, 1L);
        for (long row = 2; row <= 200_000; row++) {
            long key = switch ((int) (row % 4)) {
                case 0 -> random.nextLong(5_000);
                case 1 -> random.nextLong();
                case 2 -> -random.nextLong(1_000);
                default -> random.nextLong(1_000) << 40;
            };
            Long expected = reference.putIfAbsent(key, row);
            assertThat(firstRows.putIfAbsent(key, row)).as("key %d on row %d", key, row).isEqualTo(expected == null ? 0 : expected);
        }
        assertThat(firstRows.putIfAbsent(0, 200_001)).isEqualTo(1);
    }

    @Test
    void refusesRowZeroWhichMeansNotSeen() {
        assertThatThrownBy(() -> new FirstRows(10).putIfAbsent(7, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
