package org.itaoversight.api.ita.loading;

import com.codahale.metrics.annotation.Timed;
import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.util.List;
import org.itaoversight.api.http.BodyAccess;
import org.itaoversight.api.http.BodyKind;
import org.itaoversight.api.http.GuardedBody;
import org.itaoversight.api.http.SpooledUpload;
import org.itaoversight.api.openapi.Access;
import org.itaoversight.api.openapi.Audience;
import org.itaoversight.tenants.access.AccessPolicy;
import org.itaoversight.tenants.access.OversightPrincipal;

/**
 * Result files uploaded by platform administrators: the body is the CSV file (UTF-8 or TIS-620) or XLSX workbook,
 * checked as a whole (400 with its problems — the first {@code requests.maxProblems} and their total; nothing
 * loaded) and loaded atomically and audited; a question-score file is read while it is inserted
 * ({@link ResultLoader}), and a problem anywhere in it still loads nothing. Who may send it and its largest size ({@code requests.maxResultFile})
 * are checked before a byte of it is read; it is written to a temporary file as it arrives and read from there.
 */
@Path("/api/v1/ita/loads")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
@Access(Audience.PLATFORM)
public class ResultLoadsResource {

    private final java.util.function.Supplier<ResultFileReader> reader;
    private final ResultLoads service;
    private final AccessPolicy policy;
    private final ResultLoadDao loads;

    /** @param reader a reader over a current snapshot of the registry, made for each upload */
    public ResultLoadsResource(java.util.function.Supplier<ResultFileReader> reader, ResultLoads service, AccessPolicy policy,
                               ResultLoadDao loads) {
        this.reader = reader;
        this.service = service;
        this.policy = policy;
        this.loads = loads;
    }

    public record LoadHistory(int count, List<ResultLoadRecord> loads) {
    }

    /** The latest loads, newest first: who loaded which file (name and SHA-256), which years, how many rows, how it ended. */
    @GET
    @Timed
    public LoadHistory history(@Auth OversightPrincipal principal, @QueryParam("limit") @DefaultValue("50") int limit) {
        if (!policy.canManagePlatform(principal)) {
            throw new ForbiddenException("only platform administrators see the loads of ITA results");
        }
        if (limit < 1 || limit > 500) {
            throw new BadRequestException("limit must be between 1 and 500, got " + limit);
        }
        List<ResultLoadRecord> recent = loads.recent(limit);
        return new LoadHistory(recent.size(), recent);
    }

    @POST
    @Consumes({"text/csv", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    @GuardedBody(access = BodyAccess.PLATFORM_ADMIN, kind = BodyKind.RESULT_FILE)
    @Timed
    @ApiResponse(responseCode = "400", description = "the file refused with its problems (line, column, reason: the first requests.maxProblems and their total); nothing loaded", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ResultLoadExceptionMapper.Refusal.class)))
    public LoadReport upload(@Auth OversightPrincipal principal, @QueryParam("fileName") @DefaultValue("upload.csv") String fileName,
                             InputStream body) {
        // Read while it is loaded (the reading and checking overlap the insert); a file with a problem loads nothing.
        return withUpload(policy, principal, body, upload ->
                service.load(reader.get().file(fileName, upload.file(), upload.sha256()), principal));
    }

    /** An uploaded result file, read and checked, for platform administrators only (loading or checking alike). */
    static ResultFile readUpload(AccessPolicy policy, OversightPrincipal principal, java.util.function.Supplier<ResultFileReader> reader,
                                 String fileName, InputStream body) {
        return withUpload(policy, principal, body, upload -> reader.get().read(fileName, upload.file(), upload.sha256()));
    }

    /** Spools an upload of a platform administrator to a temporary file, uses it, and deletes it. */
    private static <T> T withUpload(AccessPolicy policy, OversightPrincipal principal, InputStream body,
                                    java.util.function.Function<SpooledUpload, T> use) {
        if (!policy.canManagePlatform(principal)) {
            throw new ForbiddenException("only platform administrators load ITA results");
        }
        try (SpooledUpload upload = SpooledUpload.of(body)) {
            return use.apply(upload);
        }
    }
}
