package org.itaoversight.api.reports;

import com.codahale.metrics.annotation.Timed;
import io.dropwizard.auth.Auth;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.itaoversight.api.ita.analytics.YearParameter;
import org.itaoversight.api.ita.catalog.Catalog;
import org.itaoversight.api.ita.catalog.Framework;
import org.itaoversight.api.registry.ProvinceView;
import org.itaoversight.api.registry.RegistryAccess;
import org.itaoversight.tenants.access.OversightPrincipal;
import org.itaoversight.tenants.registry.Agency;

/** The Thai PDF summaries on demand, under the same access rule as the data they show. */
public final class ReportResources {

    static final String PDF = "application/pdf";

    private ReportResources() {
    }

    static Optional<LocalDate> asOf(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text.strip()));
        } catch (DateTimeParseException e) {
            throw new BadRequestException("asOf must be an ISO date such as 2025-09-30, got '" + text + "'");
        }
    }

    static Response pdf(byte[] pdf, String fileName) {
        return Response.ok(pdf, PDF).header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
                .header("Cache-Control", "private, no-store").build();
    }

    /** {@code GET /api/v1/agencies/{code}/report.pdf?year=}: the agency summary. */
    @Path("/api/v1/agencies/{code}/report.pdf")
    public static final class OfAgency {
        private final ReportPdfs reports;
        private final RegistryAccess access;
        private final Catalog catalog;

        public OfAgency(ReportPdfs reports, RegistryAccess access, Catalog catalog) {
            this.reports = reports;
            this.access = access;
            this.catalog = catalog;
        }

        @GET
        @Produces(PDF)
        @Timed
        public Response get(@Auth OversightPrincipal principal, @PathParam("code") String code, @QueryParam("year") Integer year,
                            @QueryParam("asOf") String asOf, @QueryParam("thaiDigits") @DefaultValue("false") boolean thaiDigits) {
            Agency agency = access.readableAgency(principal, code);
            Framework framework = YearParameter.framework(catalog, year);
            return pdf(reports.agency(agency, framework, year, asOf(asOf), thaiDigits), ReportPdfs.fileName("agency", code, year));
        }
    }

    /** {@code GET /api/v1/provinces/{code}/report.pdf?year=}: the province summary. */
    @Path("/api/v1/provinces/{code}/report.pdf")
    public static final class OfProvince {
        private final ReportPdfs reports;
        private final RegistryAccess access;
        private final Catalog catalog;

        public OfProvince(ReportPdfs reports, RegistryAccess access, Catalog catalog) {
            this.reports = reports;
            this.access = access;
            this.catalog = catalog;
        }

        @GET
        @Produces(PDF)
        @Timed
        public Response get(@Auth OversightPrincipal principal, @PathParam("code") String code, @QueryParam("year") Integer year,
                            @QueryParam("asOf") String asOf, @QueryParam("thaiDigits") @DefaultValue("false") boolean thaiDigits) {
            ProvinceView province = access.readableProvince(principal, code);
            Framework framework = YearParameter.framework(catalog, year);
            return pdf(reports.province(province, framework, year, asOf(asOf), thaiDigits), ReportPdfs.fileName("province", code, year));
        }
    }
}
