package org.itaoversight.api.measures;

import com.codahale.metrics.annotation.Timed;
import io.dropwizard.auth.Auth;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import org.itaoversight.api.openapi.Access;
import org.itaoversight.api.openapi.Audience;
import org.itaoversight.api.params.AsOfParameter;
import org.itaoversight.api.params.YearParameter;
import org.itaoversight.api.registry.RegistryAccess;
import org.itaoversight.tenants.access.OversightPrincipal;
import org.itaoversight.tenants.registry.Agency;

/** Measure completion of one agency for a year, as of a day. */
@Path("/api/v1/agencies/{code}/measure-completion")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
@Access(Audience.AGENCY)
public class AgencyMeasureCompletionResource {

    private final MeasureDao measures;
    private final RegistryAccess access;
    private final Clock clock;

    AgencyMeasureCompletionResource(MeasureDao measures, RegistryAccess access, Clock clock) {
        this.measures = measures;
        this.access = access;
        this.clock = clock;
    }

    public record AgencyCompletion(String agencyCode, int fiscalYear, LocalDate asOf, MeasureCompletion completion) {
    }

    @GET
    @Timed
    public AgencyCompletion agency(@Auth OversightPrincipal principal, @PathParam("code") String code,
                                   @QueryParam("year") Integer year, @QueryParam("asOf") String asOf) {
        Agency agency = access.readableAgency(principal, code);
        int fiscalYear = YearParameter.measureYear(year);
        LocalDate day = AsOfParameter.orToday(asOf, clock);
        return new AgencyCompletion(agency.code(), fiscalYear, day, measures.agencyCompletion(agency.code(), fiscalYear, day)
                .map(MeasureCompletion::of).orElse(MeasureCompletion.of(agency.code(), 0, 0, 0, 0)));
    }

}
