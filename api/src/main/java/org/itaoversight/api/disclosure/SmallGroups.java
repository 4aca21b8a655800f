package org.itaoversight.api.disclosure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToLongFunction;
import java.util.stream.IntStream;

/**
 * The one rule on aggregates shown beyond a reader's own scope (the country's figures by province or agency type, a
 * province's mean and median shown to one of its agencies): a group of fewer than {@code k} agencies shows no figure,
 * only "fewer than k" ({@link #fewerThanTh()}). Where the groups of a partition add up to a total that is also shown
 * (the national figures are the sum of the provinces), withholding one small group is not enough — the total minus
 * the others gives it back — so more groups are withheld, the smallest first, until at least two are and together
 * they count at least {@code k} agencies. The API, the dashboard (which shows what the API gives), the PDFs and the
 * exports all take their figures through this class.
 */
public final class SmallGroups {

    private final int k;

    public SmallGroups(int minimumGroupSize) {
        if (minimumGroupSize < 2) {
            throw new IllegalArgumentException("the minimum group size must be at least 2, got " + minimumGroupSize);
        }
        this.k = minimumGroupSize;
    }

    public int minimumGroupSize() {
        return k;
    }

    /** Whether a group of this many agencies may show its figures. */
    public boolean shows(long agencies) {
        return agencies >= k;
    }

    /** What a withheld group shows instead of its figures. */
    public String fewerThanTh() {
        return "น้อยกว่า " + k + " หน่วยงาน";
    }

    /**
     * The positions of the groups of a partition that show no figure: every group smaller than {@code k} and, since
     * the partition's total is shown, as many of the smallest other groups as needed so that the withheld ones are
     * at least two and count at least {@code k} agencies together (all of them, if the partition cannot give that).
     */
    public <G> Set<Integer> withheld(List<G> groups, ToLongFunction<G> agencies) {
        Set<Integer> withheld = new HashSet<>();
        long withheldAgencies = 0;
        for (int i = 0; i < groups.size(); i++) {
            long size = agencies.applyAsLong(groups.get(i));
            if (!shows(size)) {
                withheld.add(i);
                withheldAgencies += size;
            }
        }
        if (withheld.isEmpty()) {
            return Set.of();
        }
        List<Integer> shown = new ArrayList<>(IntStream.range(0, groups.size()).filter(i -> !withheld.contains(i)).boxed().toList());
        shown.sort(Comparator.comparingLong(i -> agencies.applyAsLong(groups.get(i))));
        for (int i : shown) {
            if (withheld.size() >= 2 && withheldAgencies >= k) {
                break;
            }
            withheld.add(i);
            withheldAgencies += agencies.applyAsLong(groups.get(i));
        }
        return Set.copyOf(withheld);
    }
}
