package org.itaoversight.tenants.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class NationalRegistryGeneratorTest {

    private final AgencyRegistry registry = new NationalRegistryGenerator(2568)
            .generate(RegistryCsv.bundledProvinces(), RegistryCsv.bundledSampleAgencies());

    @Test
    void coversTheWholeCountryInTheRealProportionsByType() {
        Map<AgencyType, Long> byType = registry.agencies().stream()
                .collect(Collectors.groupingBy(Agency::type, Collectors.counting()));

        assertThat(registry.provinces()).hasSize(77);
        assertThat(registry.agencyCount()).isBetween(7_800, 7_900);
        assertThat(byType).containsEntry(AgencyType.PROVINCIAL_ADMINISTRATION, 76L)
                .containsEntry(AgencyType.SPECIAL, 2L)
                .containsEntry(AgencyType.CITY_MUNICIPALITY, 30L)
                .containsEntry(AgencyType.TOWN_MUNICIPALITY, 195L);
        assertThat(byType.get(AgencyType.SUBDISTRICT_MUNICIPALITY)).isBetween(2_200L, 2_300L);
        assertThat(byType.get(AgencyType.SUBDISTRICT_ADMINISTRATION)).isBetween(5_250L, 5_350L);
    }

    @Test
    void theLargestProvinceIsNakhonRatchasimaWithAboutThreeHundredThirtyAgencies() {
        Map<String, Integer> sizes = registry.provinces().stream()
                .collect(Collectors.toMap(Province::code, p -> registry.agenciesOf(p.code()).size()));
        String largest = sizes.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();

        assertThat(largest).isEqualTo("30");
        assertThat(sizes.get("30")).isBetween(320, 345);
        assertThat(sizes.values()).allSatisfy(n -> assertThat(n).isPositive());
        assertThat(registry.agenciesOf("10")).singleElement().extracting(Agency::type).isEqualTo(AgencyType.SPECIAL);
    }

    @Test
    void keepsTheSampleAgenciesAsGiven() {
        for (Agency sample : RegistryCsv.bundledSampleAgencies()) {
            assertThat(registry.agency(sample.code())).contains(sample);
        }
    }

    @Test
    void namesAreUniqueWithinAProvinceAndCodesFollowTheScheme() {
        for (Province province : registry.provinces()) {
            assertThat(registry.agenciesOf(province.code())).extracting(Agency::nameTh).doesNotHaveDuplicates();
        }
        assertThat(registry.agencies()).allSatisfy(agency -> {
            assertThat(agency.code().charAt(0)).isEqualTo(agency.type().codeDigit());
            assertThat(agency.code().substring(1, 3)).isEqualTo(agency.provinceCode());
            assertThat(agency.nameTh()).isNotBlank();
        });
    }

    @Test
    void theSameSeedGivesTheSameRegistryAndAnotherSeedAnotherOne() {
        AgencyRegistry again = new NationalRegistryGenerator(2568)
                .generate(RegistryCsv.bundledProvinces(), RegistryCsv.bundledSampleAgencies());
        AgencyRegistry other = new NationalRegistryGenerator(7)
                .generate(RegistryCsv.bundledProvinces(), RegistryCsv.bundledSampleAgencies());

        assertThat(again.agencies()).containsExactlyElementsOf(registry.agencies());
        assertThat(other.agencies()).isNotEqualTo(registry.agencies());
        Function<AgencyRegistry, Long> sao = r -> r.agencies().stream()
                .filter(a -> a.type() == AgencyType.SUBDISTRICT_ADMINISTRATION).count();
        assertThat(sao.apply(other)).isEqualTo(sao.apply(registry));
    }

    @Test
    void agenciesAreOrderedByProvinceThenCode() {
        assertThat(java.util.List.copyOf(registry.agencies())).isSortedAccordingTo(
                Comparator.comparing(Agency::provinceCode).thenComparing(Agency::code));
    }
}
