package org.itaoversight.api.measures;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotFoundException;
import org.itaoversight.api.registry.RegistryDao;
import org.itaoversight.tenants.access.AccessPolicy;
import org.itaoversight.tenants.access.OversightPrincipal;
import org.itaoversight.tenants.registry.Agency;

/** Finds the agency of a request and applies the access policy to reading or changing its measures. */
final class AgencyAccess {

    private final RegistryDao registry;
    private final AccessPolicy policy;

    AgencyAccess(RegistryDao registry, AccessPolicy policy) {
        this.registry = registry;
        this.policy = policy;
    }

    Agency readable(OversightPrincipal principal, String code) {
        Agency agency = find(code);
        if (!policy.canReadAgency(principal, agency)) {
            throw new ForbiddenException("agency " + code + " is outside your agency or province");
        }
        return agency;
    }

    Agency editable(OversightPrincipal principal, String code) {
        Agency agency = readable(principal, code);
        if (!policy.canEditAgency(principal, agency)) {
            throw new ForbiddenException("only the administrators of agency " + code + " change its measures");
        }
        return agency;
    }

    private Agency find(String code) {
        if (!Agency.isValidCode(code)) {
            throw new BadRequestException("agency code must be 5–10 digits, got '" + code + "'");
        }
        return registry.findAgency(code).map(RegistryDao.AgencyRow::toAgency)
                .orElseThrow(() -> new NotFoundException("agency " + code + " is not in the registry"));
    }
}
