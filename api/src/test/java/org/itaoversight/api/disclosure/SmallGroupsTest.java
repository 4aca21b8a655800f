package org.itaoversight.api.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The minimum-group-size rule, with the complementary cells it must withhold too. */
class SmallGroupsTest {

    private final SmallGroups rule = new SmallGroups(5);

    private Set<Integer> withheld(long... sizes) {
        return rule.withheld(java.util.Arrays.stream(sizes).boxed().toList(), Long::longValue);
    }

    @Test
    void groupsOfAtLeastKShowEverythingWhenNoneIsSmall() {
        assertThat(withheld(5, 12, 300)).isEmpty();
        assertThat(withheld()).isEmpty();
    }

    @Test
    void aLoneSmallGroupTakesTheNextSmallestWithItSoThatTheTotalGivesNeitherBack() {
        // 1 is withheld; with the total shown, the smallest other group (7) must go too.
        assertThat(withheld(40, 1, 7, 9)).containsExactlyInAnyOrder(1, 2);
    }

    @Test
    void smallGroupsTogetherFewerThanKAreJoinedByMoreUntilTheyCountK() {
        // 1 + 2 = 3 < 5: the pair could be subtracted back as one group of 3; 6 joins them.
        assertThat(withheld(1, 2, 6, 8)).containsExactlyInAnyOrder(0, 1, 2);
        // 2 + 3 = 5: enough.
        assertThat(withheld(2, 3, 6, 8)).containsExactlyInAnyOrder(0, 1);
    }

    @Test
    void aPartitionOfOnlySmallGroupsShowsNothing() {
        assertThat(withheld(1, 2)).containsExactlyInAnyOrder(0, 1);
        assertThat(withheld(4)).containsExactly(0);
    }

    @Test
    void aWithheldGroupSaysWhyAndTakesItsComplementWithIt() {
        record Group(String code, long agencies) {
        }
        SmallGroups rule = new SmallGroups(3);
        List<Group> groups = List.of(new Group("10", 50), new Group("73", 2), new Group("76", 9));

        assertThat(rule.withheld(groups, Group::agencies)).as("73, and 76 as the complement of 73").containsExactlyInAnyOrder(1, 2);
        assertThat(rule.fewerThanTh()).isEqualTo("น้อยกว่า 3 หน่วยงาน");
        assertThat(rule.shows(3)).isTrue();
        assertThat(rule.shows(2)).isFalse();
    }

    @Test
    void theRuleNeedsAtLeastTwo() {
        assertThatThrownBy(() -> new SmallGroups(1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new DisclosureConfiguration().getMinimumGroupSize()).isEqualTo(5);
    }
}
