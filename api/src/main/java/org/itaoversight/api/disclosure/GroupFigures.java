package org.itaoversight.api.disclosure;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * A group's pass rate as shown beyond the reader's scope: its figures, or none and why ({@code withheld}, with the
 * Thai note "น้อยกว่า k หน่วยงาน").
 */
public record GroupFigures(String groupCode, Optional<Long> agencies, Optional<Long> passed, Optional<BigDecimal> meanTotal,
                           boolean withheld, Optional<String> note) {

    /** The groups of a partition whose total is shown, with {@link SmallGroups}'s rule applied. */
    public static <G> List<GroupFigures> of(List<G> groups, SmallGroups rule, Figures<G> figures) {
        Set<Integer> withheld = rule.withheld(groups, figures::agencies);
        return IntStream.range(0, groups.size()).mapToObj(i -> {
            G group = groups.get(i);
            return withheld.contains(i)
                    ? new GroupFigures(figures.code(group), Optional.empty(), Optional.empty(), Optional.empty(), true,
                    Optional.of(rule.fewerThanTh()))
                    : new GroupFigures(figures.code(group), Optional.of(figures.agencies(group)), Optional.of(figures.passed(group)),
                    Optional.ofNullable(figures.meanTotal(group)), false, Optional.empty());
        }).toList();
    }

    /** How to read a group's figures. */
    public interface Figures<G> {
        String code(G group);

        long agencies(G group);

        long passed(G group);

        BigDecimal meanTotal(G group);
    }
}
