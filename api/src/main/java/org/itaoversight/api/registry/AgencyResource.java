package org.itaoversight.api.registry;

import com.codahale.metrics.annotation.Timed;
import io.dropwizard.auth.Auth;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.itaoversight.tenants.access.AccessPolicy;
import org.itaoversight.tenants.access.OversightPrincipal;
import org.itaoversight.tenants.registry.Agency;

/** One agency (tenant): for its own administrators, its province's officers and platform administrators. */
@Path("/api/v1/agencies/{code}")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class AgencyResource {

    private final RegistryDao registry;
    private final AccessPolicy policy;

    public AgencyResource(RegistryDao registry, AccessPolicy policy) {
        this.registry = registry;
        this.policy = policy;
    }

    @GET
    @Timed
    public AgencyView get(@Auth OversightPrincipal principal, @PathParam("code") String code) {
        if (!Agency.isValidCode(code)) {
            throw new BadRequestException("agency code must be 5–10 digits, got '" + code + "'");
        }
        Agency agency = registry.findAgency(code).map(RegistryDao.AgencyRow::toAgency)
                .orElseThrow(() -> new NotFoundException("agency " + code + " is not in the registry"));
        if (!policy.canReadAgency(principal, agency)) {
            throw new ForbiddenException("agency " + code + " is outside your agency or province");
        }
        return AgencyView.of(agency);
    }
}
