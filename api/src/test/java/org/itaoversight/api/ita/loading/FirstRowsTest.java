package org.itaoversight.api.ita.loading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FirstRowsTest {

    @Test
    void answersTheFirstRowOfEveryRepeatedQuestionAsAHashMapWould() {
        // Agency-years in runs (as files have them) and scattered, questions past the first array, zero and negative keys.
        FirstRows firstRows = new FirstRows();
        Map<List<Long>, Long> reference = new HashMap<>();
        SplittableRandom random = new SplittableRandom(15);
        long agencyYear = 0;
        for (long row = 1; row <= 200_000; row++) {
            if (row % 90 == 0) {
                agencyYear = random.nextLong(3_000) - 500;
            }
            long key = row % 7 == 0 ? random.nextLong(3_000) - 500 : agencyYear;
            int question = row % 11 == 0 ? random.nextInt(400) : random.nextInt(100);
            Long expected = reference.putIfAbsent(List.of(key, (long) question), row);
            assertThat(firstRows.putIfAbsent(key, question, row)).as("agency-year %d question %d on row %d", key, question, row)
                    .isEqualTo(expected == null ? 0 : expected);
        }
    }

    @Test
    void refusesRowZeroWhichMeansNotSeenAndNegativeQuestions() {
        assertThatThrownBy(() -> new FirstRows().putIfAbsent(7, 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FirstRows().putIfAbsent(7, -1, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
