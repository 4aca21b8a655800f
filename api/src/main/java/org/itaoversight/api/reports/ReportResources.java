package org.itaoversight.api.reports;

import com.codahale.metrics.annotation.Timed;
import io.dropwizard.auth.Auth;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.itaoversight.api.ita.catalog.Catalog;
import org.itaoversight.api.ita.catalog.Framework;
import org.itaoversight.api.openapi.Access;
import org.itaoversight.api.openapi.Audience;
import org.itaoversight.api.params.AsOfParameter;
import org.itaoversight.api.params.YearParameter;
import org.itaoversight.api.registry.ProvinceView;
import org.itaoversight.api.registry.RegistryAccess;
import org.itaoversight.tenants.access.OversightPrincipal;
import org.itaoversight.tenants.registry.Agency;

/** The Thai PDF summaries on demand, under the same access rule as the data they show. */
public final class ReportResources {

    static final String PDF = "application/pdf";

    private ReportResources() {
    }


    static Response pdf(byte[] pdf, String fileName) {
        return Response.ok(pdf, PDF).header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
                .header("Cache-Control", "private, no-store").build();
    }

    /** {@code GET /api/v1/agencies/{code}/report.pdf?year=}: the agency summary. */
    @Path("/api/v1/agencies/{code}/report.pdf")
    @Access(Audience.AGENCY)
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
            return pdf(reports.agency(agency, framework, year, AsOfParameter.parse(asOf), thaiDigits), ReportPdfs.fileName("agency", code, year));
        }
    }

    /** {@code GET /api/v1/provinces/{code}/report.pdf?year=}: the province summary. */
    @Path("/api/v1/provinces/{code}/report.pdf")
    @Access(Audience.PROVINCE)
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
            return pdf(reports.province(province, framework, year, AsOfParameter.parse(asOf), thaiDigits), ReportPdfs.fileName("province", code, year));
        }
    }
}
