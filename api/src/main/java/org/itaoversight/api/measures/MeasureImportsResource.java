package org.itaoversight.api.measures;

import com.codahale.metrics.annotation.Timed;
import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.itaoversight.api.http.BodyAccess;
import org.itaoversight.api.http.BodyKind;
import org.itaoversight.api.http.GuardedBody;
import org.itaoversight.api.measures.importing.MeasuresReportImporter;
import org.itaoversight.api.openapi.Access;
import org.itaoversight.api.openapi.Audience;
import org.itaoversight.api.measures.importing.ReadingChoices;
import org.itaoversight.api.registry.RegistryAccess;
import org.itaoversight.tenants.access.OversightPrincipal;
import org.itaoversight.tenants.registry.Agency;

/**
 * Imports an agency's measures report (the file as the body: Word .docx, PDF or text) into that agency's measures: a
 * preview with {@code dryRun=true} — what was read, the tables found and how each column was read, every problem —
 * then the same request without it stores them. {@code columns=1.0=MEASURE,1.2=UNITS…} and {@code fiscalYear=} read
 * the document again with the administrator's choices. Only the agency's administrators (and the platform
 * administrator) import, and only a document of their own agency. Who may send it and its largest size
 * ({@code requests.maxMeasuresDocument}, 413) are checked before a byte of it is read; what the document may make
 * the server do once read (pages, characters, a DOCX's entries and inflated size) is bounded by the document reader's
 * own limits ({@link org.itaoversight.api.documents.DocumentLimits}).
 */
@Path("/api/v1/agencies/{code}/measure-imports")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
@Access(Audience.AGENCY_EDITORS)
public class MeasureImportsResource {

    private final MeasuresReportImporter importer;
    private final RegistryAccess access;

    MeasureImportsResource(MeasuresReportImporter importer, RegistryAccess access) {
        this.importer = importer;
        this.access = access;
    }

    @POST
    @Consumes({MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM, "application/pdf",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document"})
    @GuardedBody(access = BodyAccess.AGENCY_EDITOR, kind = BodyKind.MEASURES_DOCUMENT)
    @Timed
    @ApiResponse(responseCode = "422", description = "the document refused with its problems; nothing stored", content = @Content(mediaType = "application/json", schema = @Schema(implementation = MeasureErrorMappers.ImportProblems.class)))
    public MeasuresReportImporter.ImportResult importReport(@Auth OversightPrincipal principal, @PathParam("code") String code,
                                                            @QueryParam("year") Integer year,
                                                            @QueryParam("dryRun") @DefaultValue("false") boolean dryRun,
                                                            @QueryParam("fileName") @DefaultValue("measures-report.txt") String fileName,
                                                            @QueryParam("columns") String columns,
                                                            @QueryParam("fiscalYear") Integer fiscalYear,
                                                            InputStream body) {
        Agency agency = access.editableAgency(principal, code);
        byte[] document;
        try {
            document = body.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (document.length == 0) {
            throw new BadRequestException("the request body must be the measures report (Word, PDF or text)");
        }
        ReadingChoices choices;
        try {
            choices = ReadingChoices.parse(columns, Optional.ofNullable(fiscalYear));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
        return importer.importReport(principal, fileName, document, Optional.of(agency.code()), Optional.ofNullable(year),
                choices, dryRun);
    }
}
