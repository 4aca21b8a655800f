package org.itaoversight.tenants.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AgencyNamesTest {

    private final AgencyNames names = new AgencyNames(AgencyLookupTest.REGISTRY);

    @Test
    void theFirstNameFoundInTheDistrictAndProvinceIsTheAgency() {
        AgencyNames.Match match = names.match(List.of("อบต.หนองไม่มี", "องค์การบริหารส่วนตำบลบางระกำ"),
                Optional.of("นครชัยศรี"), Optional.of("นครปฐม"));

        assertThat(match.agency()).map(Agency::code).contains("6730301");
        assertThat(match.problem()).isEmpty();
    }

    @Test
    void aNameThatFitsSeveralAgenciesGivesTheCandidatesNotAnAgency() {
        AgencyNames.Match match = names.match(List.of("องค์การบริหารส่วนตำบลน้ำผุด"), Optional.empty(), Optional.empty());

        assertThat(match.agency()).isEmpty();
        assertThat(match.candidates()).extracting(Agency::code).containsExactly("6910501", "6920101");
        assertThat(match.problem()).get().asString().contains("2 แห่ง");
    }

    @Test
    void aLaterNameSettlesAnEarlierAskOnlyWhenItIsOneOfItsCandidates() {
        // The header misspells the name (one letter off); the body spells it right: the same agency.
        AgencyNames.Match settled = names.match(List.of("องค์การบริหารส่วนตำบลบางระกา", "องค์การบริหารส่วนตำบลบางระกำ"),
                Optional.of("นครชัยศรี"), Optional.of("นครปฐม"));
        // An ambiguous name, then another agency altogether: still a question.
        AgencyNames.Match unsettled = names.match(List.of("องค์การบริหารส่วนตำบลน้ำผุด", "องค์การบริหารส่วนตำบลถ้ำรงค์"),
                Optional.empty(), Optional.empty());

        assertThat(settled.agency()).map(Agency::code).contains("6730301");
        assertThat(unsettled.agency()).isEmpty();
        assertThat(unsettled.candidates()).extracting(Agency::code).containsExactly("6910501", "6920101");
    }

    @Test
    void withoutAnyNameTheProblemSaysSo() {
        assertThat(names.match(List.of(), Optional.empty()).problem()).contains("ไม่พบชื่อหน่วยงาน");
        assertThat(names.match(List.of("อบต.หนองไม่มี"), Optional.empty()).problem())
                .contains("ไม่พบ \"อบต.หนองไม่มี\" ในทะเบียนหน่วยงาน");
    }

    @Test
    void aNameRunIntoTheNextWordIsCutAtARegistryPlaceButANameBeforeItsDistrictIsWhole() {
        // Run into the sentence: cut at the longest place the registry knows.
        assertThat(names.mentionedIn("ขอบคุณองค์การบริหารส่วนตำบลบางระกำให้ความร่วมมือในการประเมิน ปีนี้"))
                .containsExactly("องค์การบริหารส่วนตำบลบางระกำ");
        // Before its district, or at the end of its line, a name is what is written, even when a shorter place
        // (บางระกำ) exists: the lookup then says whether the registry knows it.
        assertThat(names.mentionedIn("องค์การบริหารส่วนตำบลบางระกำใหม่ อำเภอนครชัยศรี จังหวัดนครปฐม"))
                .containsExactly("องค์การบริหารส่วนตำบลบางระกำใหม่");
        assertThat(names.mentionedIn("รายงานของ\nองค์การบริหารส่วนตำบลบางระกำใหม่\nปี ๒๕๖๘"))
                .containsExactly("องค์การบริหารส่วนตำบลบางระกำใหม่");
    }
}
