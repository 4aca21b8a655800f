package org.itaoversight.api.reports;

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
import org.itaoversight.api.exports.ExportFormat;
import org.itaoversight.api.ita.catalog.Catalog;
import org.itaoversight.api.openapi.Access;
import org.itaoversight.api.openapi.Audience;
import org.itaoversight.api.params.AsOfParameter;
import org.itaoversight.api.params.YearParameter;
import org.itaoversight.api.registry.RegistryAccess;
import org.itaoversight.tenants.access.OversightPrincipal;

/**
 * {@code GET /api/v1/provinces/{code}/needs-attention?year=[&asOf=]}: the province's agencies that need attention
 * ({@link NeedsAttention}), as the province report lists them; for the province's readers.
 */
@Path("/api/v1/provinces/{code}/needs-attention")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
@Access(Audience.PROVINCE)
public class NeedsAttentionResource {

    private final ReportData data;
    private final RegistryAccess access;
    private final Catalog catalog;
    private final Clock clock;

    public NeedsAttentionResource(ReportData data, RegistryAccess access, Catalog catalog, Clock clock) {
        this.data = data;
        this.access = access;
        this.catalog = catalog;
        this.clock = clock;
    }

    public record Attention(String provinceCode, int fiscalYear, LocalDate asOf, List<NeedsAttention.Agency> agencies) {
    }

    @GET
    @jakarta.ws.rs.Produces({MediaType.APPLICATION_JSON + ";charset=UTF-8", ExportFormat.CSV_TYPE, ExportFormat.XLSX_TYPE})
    @Timed
    public Attention get(@Auth OversightPrincipal principal, @PathParam("code") String code, @QueryParam("year") Integer year,
                         @QueryParam("asOf") String asOf) {
        access.readableProvince(principal, code);
        YearParameter.framework(catalog, year);
        LocalDate day = AsOfParameter.orToday(asOf, clock);
        return new Attention(code, year, day, data.needsAttention(code, year, day));
    }
}
