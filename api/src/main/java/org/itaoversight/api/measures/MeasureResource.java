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
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.itaoversight.api.openapi.Access;
import org.itaoversight.api.openapi.Audience;
import org.itaoversight.api.registry.RegistryAccess;
import org.itaoversight.tenants.access.OversightPrincipal;
import org.itaoversight.tenants.registry.Agency;

/** One measure: read, update (optimistic: a stale version is 409 and changes nothing), cancel, and its history. */
@Path("/api/v1/agencies/{code}/measures/{id}")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
@Access(Audience.AGENCY)
public class MeasureResource {

    private final MeasureDao measures;
    private final MeasureService service;
    private final RegistryAccess access;

    MeasureResource(MeasureDao measures, MeasureService service, RegistryAccess access) {
        this.measures = measures;
        this.service = service;
        this.access = access;
    }

    @GET
    @Timed
    public Measure get(@Auth OversightPrincipal principal, @PathParam("code") String code, @PathParam("id") long id) {
        Agency agency = access.readableAgency(principal, code);
        return find(agency, id);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @GuardedBody(access = BodyAccess.AGENCY_EDITOR)
    @Timed
    @Access(Audience.AGENCY_EDITORS)
    @ApiResponse(responseCode = "422", description = "the measure refused field by field; nothing changed", content = @Content(mediaType = "application/json", schema = @Schema(implementation = MeasureErrorMappers.ValidationErrors.class)))
    @ApiResponse(responseCode = "409", description = "a stale version: the current measure; nothing changed", content = @Content(mediaType = "application/json", schema = @Schema(implementation = MeasureErrorMappers.Conflict.class)))
    public Measure update(@Auth OversightPrincipal principal, @PathParam("code") String code, @PathParam("id") long id,
                          MeasureDraft draft) {
        Agency agency = access.editableAgency(principal, code);
        if (draft == null) {
            throw new BadRequestException("a measure (JSON) is required");
        }
        return service.update(principal, agency.code(), id, draft);
    }

    /** Cancels the measure (kept, with its history; cancelled measures leave the completion figures). */
    @POST
    @Path("/cancel")
    @GuardedBody(access = BodyAccess.AGENCY_EDITOR)
    @Timed
    @Access(Audience.AGENCY_EDITORS)
    public Measure cancel(@Auth OversightPrincipal principal, @PathParam("code") String code, @PathParam("id") long id,
                          @QueryParam("version") Integer version) {
        Agency agency = access.editableAgency(principal, code);
        Measure current = find(agency, id);
        return service.update(principal, agency.code(), id, new MeasureDraft(current.fiscalYear(), current.number(),
                current.title(), current.targets(), current.steps(), current.responsibleUnits(), current.periodStart().orElse(null),
                current.periodEnd().orElse(null), current.periodText(), MeasureStatus.CANCELLED, current.progress(), null,
                current.output(), current.outcome(), current.evidenceLinks(), version));
    }

    @GET
    @Path("/history")
    @Timed
    public List<MeasureDao.HistoryEntry> history(@Auth OversightPrincipal principal, @PathParam("code") String code,
                                                 @PathParam("id") long id) {
        Agency agency = access.readableAgency(principal, code);
        return measures.history(find(agency, id).id());
    }

    private Measure find(Agency agency, long id) {
        return measures.find(agency.code(), id)
                .orElseThrow(() -> new NotFoundException("measure " + id + " of agency " + agency.code() + " does not exist"));
    }
}
