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
import java.util.List;
import org.itaoversight.api.openapi.Access;
import org.itaoversight.api.openapi.Audience;
import org.itaoversight.api.params.AsOfParameter;
import org.itaoversight.api.params.YearParameter;
import org.itaoversight.api.registry.RegistryAccess;
import org.itaoversight.tenants.access.OversightPrincipal;

/** Measure completion of every agency of a province for a year, as of a day: for its officers and platform admins. */
@Path("/api/v1/provinces/{code}/measure-completion")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
@Access(Audience.PROVINCE)
public class ProvinceMeasureCompletionResource {

    private final MeasureDao measures;
    private final RegistryAccess access;
    private final CompletionSnapshots snapshots;
    private final Clock clock;

    ProvinceMeasureCompletionResource(MeasureDao measures, RegistryAccess access, CompletionSnapshots snapshots, Clock clock) {
        this.measures = measures;
        this.access = access;
        this.snapshots = snapshots;
        this.clock = clock;
    }

    public record Monthly(String provinceCode, int fiscalYear, List<CompletionSnapshots.Month> months) {
    }

    /** The province's completion month by month, from the monthly snapshots (for charts over time). */
    @GET
    @jakarta.ws.rs.Path("/monthly")
    @Timed
    public Monthly monthly(@Auth OversightPrincipal principal, @PathParam("code") String code, @QueryParam("year") Integer year) {
        access.readableProvince(principal, code);
        int fiscalYear = YearParameter.measureYear(year);
        return new Monthly(code, fiscalYear, snapshots.provinceMonths(code, fiscalYear));
    }

    public record ProvinceCompletion(String provinceCode, int fiscalYear, LocalDate asOf, MeasureCompletion total,
                                     List<MeasureCompletion> agencies) {
    }

    @GET
    @Timed
    public ProvinceCompletion province(@Auth OversightPrincipal principal, @PathParam("code") String code,
                                       @QueryParam("year") Integer year, @QueryParam("asOf") String asOf) {
        access.readableProvince(principal, code);
        int fiscalYear = YearParameter.measureYear(year);
        LocalDate day = AsOfParameter.orToday(asOf, clock);
        List<MeasureCompletion> agencies = measures.provinceCompletion(code, fiscalYear, day).stream().map(MeasureCompletion::of).toList();
        MeasureCompletion total = MeasureCompletion.of(code, agencies.stream().mapToLong(MeasureCompletion::planned).sum(),
                agencies.stream().mapToLong(MeasureCompletion::done).sum(),
                agencies.stream().mapToLong(MeasureCompletion::doneOnTime).sum(),
                agencies.stream().mapToLong(MeasureCompletion::overdue).sum());
        return new ProvinceCompletion(code, fiscalYear, day, total, agencies);
    }
}
