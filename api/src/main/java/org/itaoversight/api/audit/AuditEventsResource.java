package org.itaoversight.api.audit;

import com.codahale.metrics.annotation.Timed;
import io.dropwizard.auth.Auth;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.itaoversight.api.openapi.Access;
import org.itaoversight.api.openapi.Audience;
import org.itaoversight.tenants.access.AccessPolicy;
import org.itaoversight.tenants.access.OversightPrincipal;

/** The audit trail, for platform administrators. Read-only: there is no way to change it through the API. */
@Path("/api/v1/audit-events")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
@Access(Audience.PLATFORM)
public class AuditEventsResource {

    private final AuditDao audit;
    private final AccessPolicy policy;

    public AuditEventsResource(AuditDao audit, AccessPolicy policy) {
        this.audit = audit;
        this.policy = policy;
    }

    @GET
    @Timed
    public List<AuditEvent> latest(@Auth OversightPrincipal principal, @QueryParam("limit") @DefaultValue("100") int limit) {
        if (!policy.canManagePlatform(principal)) {
            throw new ForbiddenException("only platform administrators read the audit trail");
        }
        if (limit < 1 || limit > 1000) {
            throw new BadRequestException("limit must be between 1 and 1000, got " + limit);
        }
        return audit.latest(limit);
    }
}
