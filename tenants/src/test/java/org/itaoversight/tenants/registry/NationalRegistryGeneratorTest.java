package org.itaoversight.tenants.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class NationalRegistryGeneratorTest {

    private final ThaiPlaces places = ThaiPlaces.bundled(RegistryCsv.bundledProvinces());
    private final AgencyRegistry registry = new NationalRegistryGenerator(2568)
            .generate(RegistryCsv.bundledProvinces(), places, RegistryCsv.bundledSampleAgencies());

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
    void theLargestProvinceIsNakhonRatchasimaWithAboutThreeHundredAgencies() {
        Map<String, Integer> sizes = registry.provinces().stream()
                .collect(Collectors.toMap(Province::code, p -> registry.agenciesOf(p.code()).size()));
        String largest = sizes.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();

        assertThat(largest).isEqualTo("30");
        assertThat(sizes.get("30")).isBetween(300, 345);
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
    void namesAreUniqueWithinADistrictAndCodesFollowTheScheme() {
        for (Province province : registry.provinces()) {
            assertThat(registry.agenciesOf(province.code())).extracting(a -> a.districtTh() + " " + a.nameTh())
                    .doesNotHaveDuplicates();
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

    @Test
    void theAgenciesOfLoeiAreInItsFourteenRealDistricts() {
        assertThat(registry.agenciesOf("42")).extracting(Agency::districtTh).containsOnly(
                "เมืองเลย", "นาด้วง", "เชียงคาน", "ปากชม", "ด่านซ้าย", "นาแห้ว", "ภูเรือ", "ท่าลี่", "วังสะพุง",
                "ภูกระดึง", "ภูหลวง", "ผาขาว", "เอราวัณ", "หนองหิน");
        assertThat(registry.agenciesOf("42")).extracting(Agency::shortNameTh)
                .contains("อบจ.เลย", "ทม.เลย");
    }

    @Test
    void everyGeneratedAgencyIsNamedAfterARealPlaceOfItsDistrict() {
        java.util.Set<String> fixed = RegistryCsv.bundledSampleAgencies().stream().map(Agency::code)
                .collect(Collectors.toSet());
        for (Agency agency : registry.agencies()) {
            if (fixed.contains(agency.code())) {
                continue;
            }
            Province province = registry.province(agency.provinceCode()).orElseThrow();
            ThaiPlaces.District district = places.district(agency.provinceCode(), agency.districtTh())
                    .orElseThrow(() -> new AssertionError(agency + " is in no real district of its province"));
            String place = agency.nameTh().substring(agency.type() == AgencyType.SPECIAL ? 0 : agency.type().nameTh().length());
            switch (agency.type()) {
                case PROVINCIAL_ADMINISTRATION, CITY_MUNICIPALITY -> assertThat(place).isEqualTo(province.nameTh());
                case TOWN_MUNICIPALITY -> assertThat(place).isIn(province.nameTh(), district.nameTh(),
                        district.subdistricts().stream().map(ThaiPlaces.Subdistrict::nameTh).toArray());
                case SUBDISTRICT_MUNICIPALITY, SUBDISTRICT_ADMINISTRATION ->
                        assertThat(district.subdistricts()).extracting(ThaiPlaces.Subdistrict::nameTh).contains(place);
                case SPECIAL -> assertThat(place).isIn("กรุงเทพมหานคร", "เมืองพัทยา");
            }
        }
    }

    @Test
    void everySubdistrictOutsideBangkokHasAnAgencyAndSomeHaveATownshipAndAnAdministrationOfTheSameName() {
        int pairs = 0;
        int uncovered = 0;
        for (Province province : registry.provinces()) {
            if (province.code().equals("10")) {
                continue;
            }
            java.util.Set<String> named = registry.agenciesOf(province.code()).stream()
                    .map(a -> a.districtTh() + "|" + a.nameTh()).collect(Collectors.toSet());
            for (ThaiPlaces.District district : places.districtsOf(province.code())) {
                for (ThaiPlaces.Subdistrict subdistrict : district.subdistricts()) {
                    if (subdistrict.equals(ThaiPlaces.centreOf(district))) {
                        continue; // may be the town's
                    }
                    boolean municipality = named.contains(district.nameTh() + "|เทศบาลตำบล" + subdistrict.nameTh());
                    boolean administration = named.contains(district.nameTh() + "|องค์การบริหารส่วนตำบล" + subdistrict.nameTh());
                    pairs += municipality && administration ? 1 : 0;
                    uncovered += municipality || administration ? 0 : 1;
                }
            }
        }
        assertThat(uncovered).isZero();
        assertThat(pairs).isBetween(300, 700);
    }

    @Test
    void theSampleAgenciesOfRealPlacesAreTheOnlyAgencyOfTheirSubdistrict() {
        assertThat(places.district("73", "นครชัยศรี")).get()
                .satisfies(d -> assertThat(d.subdistricts()).extracting(ThaiPlaces.Subdistrict::nameTh).contains("บางระกำ"));
        assertThat(places.district("76", "บ้านลาด")).get()
                .satisfies(d -> assertThat(d.subdistricts()).extracting(ThaiPlaces.Subdistrict::nameTh).contains("ถ้ำรงค์"));
        assertThat(registry.agenciesOf("73")).filteredOn(a -> a.districtTh().equals("นครชัยศรี") && a.nameTh().endsWith("บางระกำ"))
                .extracting(Agency::code).containsExactly("6730301");
        assertThat(registry.agenciesOf("76")).filteredOn(a -> a.nameTh().endsWith("ถ้ำรงค์"))
                .extracting(Agency::code).containsExactly("6760401");
    }
}
