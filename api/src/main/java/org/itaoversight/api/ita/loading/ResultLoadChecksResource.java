package org.itaoversight.api.ita.loading;

import com.codahale.metrics.annotation.Timed;
import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.itaoversight.api.http.BodyAccess;
import org.itaoversight.api.http.BodyKind;
import org.itaoversight.api.http.GuardedBody;
import org.itaoversight.api.openapi.Access;
import org.itaoversight.api.openapi.Audience;
import org.itaoversight.tenants.access.AccessPolicy;
import org.itaoversight.tenants.access.OversightPrincipal;
import org.itaoversight.tenants.registry.Agency;

/**
 * A check of a result file before it is loaded (the preview of an upload): the same reading and checks as a load,
 * nothing written. A file with problems is refused like a load (400 with its problems, file/row/column); a clean one
 * is described, with the load that already brought exactly this content, if any.
 */
@Path("/api/v1/ita/load-checks")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
@Access(Audience.PLATFORM)
public class ResultLoadChecksResource {

    private final Supplier<ResultFileReader> reader;
    private final ResultLoadDao loads;
    private final AccessPolicy policy;

    public ResultLoadChecksResource(Supplier<ResultFileReader> reader, ResultLoadDao loads, AccessPolicy policy) {
        this.reader = reader;
        this.loads = loads;
        this.policy = policy;
    }

    /** What a clean file would load. */
    public record LoadCheck(String fileName, String sha256, String encoding, Layout layout, List<Integer> fiscalYears, int rows,
                            long agencies, List<String> provinces, List<String> warnings, Optional<ResultLoadRecord> alreadyLoaded) {
    }

    @POST
    @Consumes({"text/csv", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    @GuardedBody(access = BodyAccess.PLATFORM_ADMIN, kind = BodyKind.RESULT_FILE)
    @Timed
    @ApiResponse(responseCode = "400", description = "the file refused with its problems (line, column, reason: the first requests.maxProblems and their total); nothing loaded", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ResultLoadExceptionMapper.Refusal.class)))
    public LoadCheck check(@Auth OversightPrincipal principal, @QueryParam("fileName") @DefaultValue("upload.csv") String fileName,
                           InputStream body) {
        ResultFile file = ResultLoadsResource.readUpload(policy, principal, reader, fileName, body);
        if (!file.isValid()) {
            throw ResultLoadException.of(file);
        }
        List<Agency> agencies = (file.layout() == Layout.WIDE
                ? file.results().stream().map(AgencyYearResult::agency) : file.questions().stream().map(QuestionScore::agency))
                .distinct().toList();
        return new LoadCheck(file.fileName(), file.sha256(), file.encoding(), file.layout(), file.fiscalYears(), file.rows(),
                agencies.size(), agencies.stream().map(Agency::provinceCode).distinct().sorted().toList(),
                file.warnings(), loads.lastLoadOf(file.sha256()));
    }
}
