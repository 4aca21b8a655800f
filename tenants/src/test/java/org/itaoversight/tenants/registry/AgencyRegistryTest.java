package org.itaoversight.tenants.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class AgencyRegistryTest {

    private static final Province NAKHON_PATHOM = new Province("73", "นครปฐม", "Nakhon Pathom", Region.CENTRAL, 7);
    private static final Agency BANG_RAKAM = new Agency("6730301", "องค์การบริหารส่วนตำบลบางระกำ",
            AgencyType.SUBDISTRICT_ADMINISTRATION, "73", "นครชัยศรี");

    @Test
    void findsAgenciesByCodeAndByProvince() {
        AgencyRegistry registry = AgencyRegistry.of(List.of(NAKHON_PATHOM), List.of(BANG_RAKAM));

        assertThat(registry.agency("6730301")).contains(BANG_RAKAM);
        assertThat(registry.agency("0000000")).isEmpty();
        assertThat(registry.agenciesOf("73")).containsExactly(BANG_RAKAM);
        assertThat(registry.agenciesOf("99")).isEmpty();
        assertThat(registry.province("73")).contains(NAKHON_PATHOM);
    }

    @Test
    void rejectsDuplicateCodesAndUnknownProvincesTogether() {
        Agency elsewhere = new Agency("6500101", "องค์การบริหารส่วนตำบลก", AgencyType.SUBDISTRICT_ADMINISTRATION, "50", "ก");

        assertThatThrownBy(() -> AgencyRegistry.of(List.of(NAKHON_PATHOM), List.of(BANG_RAKAM, BANG_RAKAM, elsewhere)))
                .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.problems())
                        .extracting(RegistryProblem::message)
                        .containsExactlyInAnyOrder("agency code 6730301 appears twice",
                                "agency 6500101 names unknown province 50"));
    }

    @Test
    void agencyTypesParseFromKeysThaiNamesAndAbbreviations() {
        assertThat(AgencyType.parse("SAO")).contains(AgencyType.SUBDISTRICT_ADMINISTRATION);
        assertThat(AgencyType.parse("อบต.")).contains(AgencyType.SUBDISTRICT_ADMINISTRATION);
        assertThat(AgencyType.parse("เทศบาลตำบล")).contains(AgencyType.SUBDISTRICT_MUNICIPALITY);
        assertThat(AgencyType.parse("อบจ.")).contains(AgencyType.PROVINCIAL_ADMINISTRATION);
        assertThat(AgencyType.parse("TOWN_MUNICIPALITY")).contains(AgencyType.TOWN_MUNICIPALITY);
        assertThat(AgencyType.parse("หมู่บ้าน")).isEmpty();
    }

    @Test
    void shortNamesUseTheTypesAbbreviation() {
        assertThat(BANG_RAKAM.shortNameTh()).isEqualTo("อบต.บางระกำ");
        assertThat(new Agency("3300101", "เทศบาลนครนครราชสีมา", AgencyType.CITY_MUNICIPALITY, "30", "เมืองนครราชสีมา")
                .shortNameTh()).isEqualTo("ทน.นครราชสีมา");
    }
}
