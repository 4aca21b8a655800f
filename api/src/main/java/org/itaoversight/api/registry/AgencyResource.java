package org.itaoversight.api.registry;

import com.codahale.metrics.annotation.Timed;
import io.dropwizard.auth.Auth;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.itaoversight.api.openapi.Access;
import org.itaoversight.api.openapi.Audience;
import org.itaoversight.tenants.access.OversightPrincipal;

/** One agency (tenant): for its own administrators, its province's officers and platform administrators. */
@Path("/api/v1/agencies/{code}")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
@Access(Audience.AGENCY)
public class AgencyResource {

    private final RegistryAccess access;

    public AgencyResource(RegistryAccess access) {
        this.access = access;
    }

    @GET
    @Timed
    public AgencyView get(@Auth OversightPrincipal principal, @PathParam("code") String code) {
        return AgencyView.of(access.readableAgency(principal, code));
    }
}
