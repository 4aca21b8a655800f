package org.itaoversight.tenants.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.itaoversight.tenants.registry.Agency;
import org.itaoversight.tenants.registry.AgencyRegistry;
import org.itaoversight.tenants.registry.AgencyType;
import org.itaoversight.tenants.registry.Province;
import org.itaoversight.tenants.registry.Region;
import org.junit.jupiter.api.Test;

class AccessPolicyTest {

    private static final Agency BANG_RAKAM = new Agency("6730301", "องค์การบริหารส่วนตำบลบางระกำ", AgencyType.SUBDISTRICT_ADMINISTRATION, "73", "นครชัยศรี");
    private static final Agency NEIGHBOUR = new Agency("5730302", "เทศบาลตำบลห้วยพลู", AgencyType.SUBDISTRICT_MUNICIPALITY, "73", "นครชัยศรี");
    private static final Agency THAMRONG = new Agency("6760401", "องค์การบริหารส่วนตำบลถ้ำรงค์", AgencyType.SUBDISTRICT_ADMINISTRATION, "76", "บ้านลาด");

    private final AccessPolicy policy = new AccessPolicy(AgencyRegistry.of(
            List.of(new Province("73", "นครปฐม", "Nakhon Pathom", Region.CENTRAL, 7),
                    new Province("76", "เพชรบุรี", "Phetchaburi", Region.WEST, 8)),
            List.of(BANG_RAKAM, NEIGHBOUR, THAMRONG)));

    private static OversightPrincipal principal(Role role, String agency, String province) {
        return new OversightPrincipal("sub-" + role, role.realmRole(), Set.of(role), Optional.ofNullable(agency), Optional.ofNullable(province));
    }

    private final OversightPrincipal admin = principal(Role.PLATFORM_ADMIN, null, null);
    private final OversightPrincipal officer = principal(Role.PROVINCIAL_OFFICER, null, "73");
    private final OversightPrincipal agencyAdmin = principal(Role.AGENCY_ADMIN, "6730301", "73");

    @Test
    void platformAdministratorsReadEverythingAndManageThePlatformButDoNotEditAgencies() {
        assertThat(policy.canReadAgency(admin, THAMRONG)).isTrue();
        assertThat(policy.canReadProvince(admin, "76")).isTrue();
        assertThat(policy.canManagePlatform(admin)).isTrue();
        assertThat(policy.canEditAgency(admin, BANG_RAKAM)).isFalse();
    }

    @Test
    void provincialOfficersReadTheirProvinceOnlyAndEditNothing() {
        assertThat(policy.canReadProvince(officer, "73")).isTrue();
        assertThat(policy.canReadAgency(officer, BANG_RAKAM)).isTrue();
        assertThat(policy.canReadAgency(officer, NEIGHBOUR)).isTrue();
        assertThat(policy.canReadProvince(officer, "76")).isFalse();
        assertThat(policy.canReadAgency(officer, THAMRONG)).isFalse();
        assertThat(policy.canEditAgency(officer, BANG_RAKAM)).isFalse();
        assertThat(policy.canManagePlatform(officer)).isFalse();
    }

    @Test
    void agencyAdministratorsReadAndEditTheirOwnAgencyOnly() {
        assertThat(policy.canReadAgency(agencyAdmin, BANG_RAKAM)).isTrue();
        assertThat(policy.canEditAgency(agencyAdmin, BANG_RAKAM)).isTrue();
        assertThat(policy.canReadAgency(agencyAdmin, NEIGHBOUR)).isFalse();
        assertThat(policy.canEditAgency(agencyAdmin, NEIGHBOUR)).isFalse();
        assertThat(policy.canReadAgency(agencyAdmin, THAMRONG)).isFalse();
        assertThat(policy.canReadProvince(agencyAdmin, "73")).isFalse();
        assertThat(policy.canReadNationalAggregates(agencyAdmin)).isFalse();
        assertThat(policy.canReadNationalAggregates(officer)).isTrue();
        assertThat(policy.canReadNationalAggregates(admin)).isTrue();
    }

    @Test
    void theAgencysProvinceComesFromTheRegistryNotFromTheToken() {
        OversightPrincipal lying = principal(Role.AGENCY_ADMIN, "6730301", "76");

        assertThat(policy.canReadAgency(lying, BANG_RAKAM)).isTrue();
        assertThat(policy.canReadProvince(lying, "76")).isFalse();
        assertThat(policy.canReadAgency(lying, THAMRONG)).isFalse();
    }

    @Test
    void principalsMissingTheirScopeReadNothing() {
        OversightPrincipal officerWithoutProvince = principal(Role.PROVINCIAL_OFFICER, null, null);
        OversightPrincipal adminOfUnknownAgency = principal(Role.AGENCY_ADMIN, "9999999", "73");
        OversightPrincipal noRole = new OversightPrincipal("sub", "service-account", Set.of(), Optional.empty(), Optional.empty());

        assertThat(policy.canReadProvince(officerWithoutProvince, "73")).isFalse();
        assertThat(policy.canReadAgency(officerWithoutProvince, BANG_RAKAM)).isFalse();
        assertThat(policy.canReadAgency(adminOfUnknownAgency, BANG_RAKAM)).isFalse();
        assertThat(policy.canReadReferenceData(noRole)).isFalse();
        assertThat(policy.canReadAgency(noRole, BANG_RAKAM)).isFalse();
    }
}
