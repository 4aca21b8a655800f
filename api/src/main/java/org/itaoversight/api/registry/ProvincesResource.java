package org.itaoversight.api.registry;

import com.codahale.metrics.annotation.Timed;
import io.dropwizard.auth.Auth;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.itaoversight.api.openapi.Access;
import org.itaoversight.api.openapi.Audience;
import org.itaoversight.tenants.access.AccessPolicy;
import org.itaoversight.tenants.access.OversightPrincipal;

/** The collection of provinces. */
@Path("/api/v1/provinces")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
@Access(Audience.EVERY_ROLE)
public class ProvincesResource {

    private final RegistryDao registry;
    private final AccessPolicy policy;

    public ProvincesResource(RegistryDao registry, AccessPolicy policy) {
        this.registry = registry;
        this.policy = policy;
    }

    /** Every province, in code order, with its number of agencies (public reference data: any role). */
    @GET
    @Timed
    public ProvinceList list(@Auth OversightPrincipal principal) {
        if (!policy.canReadReferenceData(principal)) {
            throw new ForbiddenException("a role of the ITA Oversight realm is required");
        }
        List<ProvinceView> provinces = registry.listProvinces();
        return new ProvinceList(provinces.size(), provinces);
    }

    public record ProvinceList(int count, List<ProvinceView> provinces) {
    }
}
