package org.itaoversight.api.measures;

import com.codahale.metrics.annotation.Timed;
import io.dropwizard.auth.Auth;
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
import org.itaoversight.api.registry.RegistryAccess;
import org.itaoversight.tenants.access.OversightPrincipal;
import org.itaoversight.tenants.registry.Agency;

/**
 * Imports an agency's measures report (the document's text) into that agency's measures: a preview with
 * {@code dryRun=true}, then the same request without it stores them. Only the agency's administrators (and the
 * platform administrator) import, and only a document of their own agency. Who may send it and its largest size
 * (configured, {@code requests.maxMeasuresDocument}) are checked before a byte of it is read.
 */
@Path("/api/v1/agencies/{code}/measure-imports")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class MeasureImportsResource {

    private final MeasuresReportImporter importer;
    private final RegistryAccess access;

    MeasureImportsResource(MeasuresReportImporter importer, RegistryAccess access) {
        this.importer = importer;
        this.access = access;
    }

    @POST
    @Consumes({MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    @GuardedBody(access = BodyAccess.AGENCY_EDITOR, kind = BodyKind.MEASURES_DOCUMENT)
    @Timed
    public MeasuresReportImporter.ImportResult importReport(@Auth OversightPrincipal principal, @PathParam("code") String code,
                                                            @QueryParam("year") Integer year,
                                                            @QueryParam("dryRun") @DefaultValue("false") boolean dryRun,
                                                            @QueryParam("fileName") @DefaultValue("measures-report.txt") String fileName,
                                                            InputStream body) {
        Agency agency = access.editableAgency(principal, code);
        byte[] document;
        try {
            document = body.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (document.length == 0) {
            throw new BadRequestException("the request body must be the measures report's text");
        }
        return importer.importReport(principal, fileName, document, Optional.of(agency.code()), Optional.ofNullable(year), dryRun);
    }
}
