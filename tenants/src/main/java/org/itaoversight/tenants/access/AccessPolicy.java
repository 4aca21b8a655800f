package org.itaoversight.tenants.access;

import java.util.Optional;
import org.itaoversight.tenants.registry.Agency;
import org.itaoversight.tenants.registry.AgencyDirectory;

/**
 * The one access policy of the platform: a pure function of a principal and a resource. Every resource of the API
 * and every query goes through it.
 *
 * <ul>
 *   <li>Platform administrators read everything and manage the registry, loads and schedules; they do not edit an
 *       agency's own data (its measures).</li>
 *   <li>Provincial officers read every agency of their province and nothing else, and edit nothing.</li>
 *   <li>Agency administrators read and write only their own agency. The agency's province comes from the registry,
 *       never from the token.</li>
 * </ul>
 * Reference data that is public in Thailand (the list of provinces and their number of agencies) is readable by
 * every authenticated principal with a role.
 */
public final class AccessPolicy {

    private final AgencyDirectory agencies;

    public AccessPolicy(AgencyDirectory agencies) {
        this.agencies = agencies;
    }

    /** Provinces and their counts: any principal with a role. */
    public boolean canReadReferenceData(OversightPrincipal principal) {
        return !principal.roles().isEmpty();
    }

    /** The country's aggregates (no agency's own row), to compare a province with: administrators and officers. */
    public boolean canReadNationalAggregates(OversightPrincipal principal) {
        return principal.has(Role.PLATFORM_ADMIN) || principal.has(Role.PROVINCIAL_OFFICER);
    }

    /** The agencies of a province, and its province-wide figures. */
    public boolean canReadProvince(OversightPrincipal principal, String provinceCode) {
        return principal.has(Role.PLATFORM_ADMIN)
                || principal.has(Role.PROVINCIAL_OFFICER) && principal.provinceCode().filter(provinceCode::equals).isPresent();
    }

    /** One agency's data. */
    public boolean canReadAgency(OversightPrincipal principal, Agency agency) {
        return canReadProvince(principal, agency.provinceCode()) || isOwnAgency(principal, agency);
    }

    /** Changing an agency's own data (its measures): only its own administrators. */
    public boolean canEditAgency(OversightPrincipal principal, Agency agency) {
        return isOwnAgency(principal, agency);
    }

    /** The registry, result loads and report schedules of the whole platform. */
    public boolean canManagePlatform(OversightPrincipal principal) {
        return principal.has(Role.PLATFORM_ADMIN);
    }

    private boolean isOwnAgency(OversightPrincipal principal, Agency agency) {
        return ownAgency(principal).filter(own -> own.code().equals(agency.code())).isPresent();
    }

    private Optional<Agency> ownAgency(OversightPrincipal principal) {
        if (!principal.has(Role.AGENCY_ADMIN)) {
            return Optional.empty();
        }
        return principal.agencyCode().flatMap(agencies::agency);
    }
}
