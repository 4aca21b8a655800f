package org.itaoversight.api.measures;

import org.itaoversight.api.http.BodyAccess;
import org.itaoversight.api.http.GuardedBody;

import com.codahale.metrics.annotation.Timed;
import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.itaoversight.api.openapi.Access;
import org.itaoversight.api.openapi.Audience;
import org.itaoversight.api.params.AsOfParameter;
import org.itaoversight.api.registry.RegistryAccess;
import org.itaoversight.tenants.access.OversightPrincipal;
import org.itaoversight.tenants.registry.Agency;

/** An agency's measures: read by its administrators and its province's officers; created by its administrators. */
@Path("/api/v1/agencies/{code}/measures")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
@Access(Audience.AGENCY)
public class MeasuresResource {

    private final MeasureDao measures;
    private final MeasureService service;
    private final RegistryAccess access;
    private final Clock clock;

    MeasuresResource(MeasureDao measures, MeasureService service, RegistryAccess access, Clock clock) {
        this.measures = measures;
        this.service = service;
        this.access = access;
        this.clock = clock;
    }

    public record Page(String agencyCode, LocalDate asOf, int total, int page, int size, List<MeasureView> measures) {
    }

    /** A measure with whether it is overdue as of the page's date. */
    public record MeasureView(Measure measure, boolean overdue) {
    }

    @GET
    @Timed
    public Page list(@Auth OversightPrincipal principal, @PathParam("code") String code, @QueryParam("year") Integer year,
                     @QueryParam("status") String status, @QueryParam("overdue") Boolean overdue,
                     @QueryParam("asOf") String asOf, @QueryParam("page") @DefaultValue("1") int page,
                     @QueryParam("size") @DefaultValue("50") int size) {
        Agency agency = access.readableAgency(principal, code);
        LocalDate day = AsOfParameter.orToday(asOf, clock);
        if (page < 1 || size < 1 || size > 200) {
            throw new BadRequestException("page must be ≥ 1 and size 1–200");
        }
        if ((page - 1L) * size > Integer.MAX_VALUE) {
            throw new BadRequestException("page " + page + " of size " + size + " starts beyond any list (page × size is too large)");
        }
        String statusFilter = status == null || status.isBlank() ? null : parseStatus(status).name();
        List<MeasureView> all = measures.list(agency.code(), year, statusFilter).stream()
                .map(m -> new MeasureView(m, m.isOverdue(day)))
                .filter(v -> overdue == null || v.overdue() == overdue).toList();
        int from = (int) Math.min(all.size(), (page - 1L) * size);
        return new Page(agency.code(), day, all.size(), page, size, all.subList(from, Math.min(all.size(), from + size)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @GuardedBody(access = BodyAccess.AGENCY_EDITOR)
    @Timed
    @Access(Audience.AGENCY_EDITORS)
    @ApiResponse(responseCode = "422", description = "the measure refused field by field; nothing changed", content = @Content(mediaType = "application/json", schema = @Schema(implementation = MeasureErrorMappers.ValidationErrors.class)))
    public Response create(@Auth OversightPrincipal principal, @PathParam("code") String code, MeasureDraft draft) {
        Agency agency = access.editableAgency(principal, code);
        if (draft == null) {
            throw new BadRequestException("a measure (JSON) is required");
        }
        Measure created = service.create(principal, agency.code(), draft);
        return Response.status(Response.Status.CREATED).entity(created).build();
    }

    static MeasureStatus parseStatus(String status) {
        try {
            return MeasureStatus.valueOf(status.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("status must be one of " + List.of(MeasureStatus.values()) + ", got '" + status + "'");
        }
    }
}
