package org.itaoversight.api.ita.analytics;

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
import java.util.List;
import org.itaoversight.api.registry.RegistryDao;
import org.itaoversight.tenants.access.AccessPolicy;
import org.itaoversight.tenants.access.OversightPrincipal;
import org.itaoversight.tenants.registry.Agency;

/** One agency's ITA results over the years: for its administrators, its province's officers, platform administrators. */
@Path("/api/v1/agencies/{code}/ita")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class AgencyResultsResource {

    private final AnalyticsDao analytics;
    private final RegistryDao registry;
    private final AccessPolicy policy;

    public AgencyResultsResource(AnalyticsDao analytics, RegistryDao registry, AccessPolicy policy) {
        this.analytics = analytics;
        this.registry = registry;
        this.policy = policy;
    }

    public record Trend(String agencyCode, String nameTh, List<AnalyticsDao.AgencyYearRow> years) {
    }

    @GET
    @Path("/trend")
    @Timed
    public Trend trend(@Auth OversightPrincipal principal, @PathParam("code") String code) {
        if (!Agency.isValidCode(code)) {
            throw new BadRequestException("agency code must be 5–10 digits, got '" + code + "'");
        }
        Agency agency = registry.findAgency(code).map(RegistryDao.AgencyRow::toAgency)
                .orElseThrow(() -> new NotFoundException("agency " + code + " is not in the registry"));
        if (!policy.canReadAgency(principal, agency)) {
            throw new ForbiddenException("agency " + code + " is outside your agency or province");
        }
        return new Trend(code, agency.nameTh(), analytics.agencyTrend(agency.provinceCode(), agency.code()));
    }
}
