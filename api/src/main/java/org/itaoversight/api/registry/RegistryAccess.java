package org.itaoversight.api.registry;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotFoundException;
import org.itaoversight.tenants.access.AccessPolicy;
import org.itaoversight.tenants.access.OversightPrincipal;
import org.itaoversight.tenants.registry.Agency;
import org.itaoversight.tenants.registry.Province;

/**
 * The province or agency a request names, found in the registry and checked with the access policy, the same way
 * for every resource: a malformed code is 400, an unknown one 404, one outside the caller's scope 403.
 */
public final class RegistryAccess {

    private final RegistryDao registry;
    private final AccessPolicy policy;

    public RegistryAccess(RegistryDao registry, AccessPolicy policy) {
        this.registry = registry;
        this.policy = policy;
    }

    /** A province as public reference data: any principal with a role. */
    public ProvinceView referenceProvince(OversightPrincipal principal, String code) {
        ProvinceView province = province(code);
        if (!policy.canReadReferenceData(principal)) {
            throw new ForbiddenException("a role of the ITA Oversight realm is required");
        }
        return province;
    }

    /** A province whose agencies and figures the caller may read. */
    public ProvinceView readableProvince(OversightPrincipal principal, String code) {
        ProvinceView province = province(code);
        if (!policy.canReadProvince(principal, province.code())) {
            throw new ForbiddenException("province " + code + " is for its provincial officers and platform administrators");
        }
        return province;
    }

    /** An agency whose data the caller may read. */
    public Agency readableAgency(OversightPrincipal principal, String code) {
        Agency agency = agency(code);
        if (!policy.canReadAgency(principal, agency)) {
            throw new ForbiddenException("agency " + code + " is outside your agency or province");
        }
        return agency;
    }

    /** An agency whose own data (its measures) the caller may change. */
    public Agency editableAgency(OversightPrincipal principal, String code) {
        Agency agency = readableAgency(principal, code);
        if (!policy.canEditAgency(principal, agency)) {
            throw new ForbiddenException("only the administrators of agency " + code + " change its data");
        }
        return agency;
    }

    private ProvinceView province(String code) {
        if (!Province.isValidCode(code)) {
            throw new BadRequestException("province code must be two digits 10–99, got '" + code + "'");
        }
        return registry.findProvince(code)
                .orElseThrow(() -> new NotFoundException("province " + code + " is not in the registry"));
    }

    private Agency agency(String code) {
        if (!Agency.isValidCode(code)) {
            throw new BadRequestException("agency code must be 5–10 digits, got '" + code + "'");
        }
        return registry.findAgency(code).map(RegistryDao.AgencyRow::toAgency)
                .orElseThrow(() -> new NotFoundException("agency " + code + " is not in the registry"));
    }
}
