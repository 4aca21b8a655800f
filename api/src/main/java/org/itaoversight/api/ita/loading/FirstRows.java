package org.itaoversight.api.ita.loading;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The first row on which each question of each agency-year was seen, for finding duplicate rows among hundreds of
 * thousands: per agency-year (a long), the row numbers of its questions in an array indexed by the question's number.
 * An agency-year's rows usually follow each other, so the last one's array is at hand and most rows cost an array
 * access, not a hash lookup; a national year's 690,800 rows take 7,850 arrays of 128 row numbers (8 MB) instead
 * of one hash table of 690,800 entries spread over 32 MB. Not thread-safe; one per file read.
 */
final class FirstRows {

    private final Map<Long, long[]> byAgencyYear = new HashMap<>();
    private long lastAgencyYear;
    private long[] last;

    /**
     * Records that {@code question} of {@code agencyYear} is on {@code row} (a row number, 1 or more) unless it was seen
     * before.
     *
     * @param question a small number, 0 or more, standing for the question's code
     * @return the row it was first seen on, or 0 when this is its first row
     */
    long putIfAbsent(long agencyYear, int question, long row) {
        if (row < 1) {
            throw new IllegalArgumentException("row numbers start at 1, got " + row);
        }
        if (question < 0) {
            throw new IllegalArgumentException("question numbers start at 0, got " + question);
        }
        if (last == null || agencyYear != lastAgencyYear) {
            last = byAgencyYear.computeIfAbsent(agencyYear, key -> new long[128]);
            lastAgencyYear = agencyYear;
        }
        if (question >= last.length) {
            last = Arrays.copyOf(last, Math.max(question + 1, last.length * 2));
            byAgencyYear.put(agencyYear, last);
        }
        long first = last[question];
        if (first == 0) {
            last[question] = row;
        }
        return first;
    }
}
