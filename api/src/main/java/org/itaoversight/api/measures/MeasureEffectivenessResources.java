package org.itaoversight.api.measures;

import com.codahale.metrics.annotation.Timed;
import io.dropwizard.auth.Auth;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;
import org.itaoversight.api.openapi.Access;
import org.itaoversight.api.openapi.Audience;
import org.itaoversight.api.params.YearParameter;
import org.itaoversight.api.registry.RegistryAccess;
import org.itaoversight.tenants.access.OversightPrincipal;
import org.itaoversight.tenants.registry.Agency;

/** Measure effectiveness of an agency and of a province: the change of each targeted score from Y−1 to Y. */
public final class MeasureEffectivenessResources {

    private MeasureEffectivenessResources() {
    }

    /** For the agency's administrators, its province's officers and platform administrators. */
    @Path("/api/v1/agencies/{code}/measure-effectiveness")
    @Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
    @Access(Audience.AGENCY)
    public static final class OfAgency {
        private final MeasureEffectiveness effectiveness;
        private final RegistryAccess access;

        OfAgency(MeasureEffectiveness effectiveness, RegistryAccess access) {
            this.effectiveness = effectiveness;
            this.access = access;
        }

        @GET
        @Timed
        public MeasureEffectiveness.Report get(@Auth OversightPrincipal principal, @PathParam("code") String code,
                                               @QueryParam("year") Integer year) {
            Agency agency = access.readableAgency(principal, code);
            return effectiveness.report(agency.provinceCode(), Optional.of(agency.code()),
                    YearParameter.measureYear(year));
        }
    }

    /** For the province's officers and platform administrators. */
    @Path("/api/v1/provinces/{code}/measure-effectiveness")
    @Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
    @Access(Audience.PROVINCE)
    public static final class OfProvince {
        private final MeasureEffectiveness effectiveness;
        private final RegistryAccess access;

        OfProvince(MeasureEffectiveness effectiveness, RegistryAccess access) {
            this.effectiveness = effectiveness;
            this.access = access;
        }

        @GET
        @Timed
        public MeasureEffectiveness.Report get(@Auth OversightPrincipal principal, @PathParam("code") String code,
                                               @QueryParam("year") Integer year) {
            access.readableProvince(principal, code);
            return effectiveness.report(code, Optional.empty(), YearParameter.measureYear(year));
        }
    }
}
