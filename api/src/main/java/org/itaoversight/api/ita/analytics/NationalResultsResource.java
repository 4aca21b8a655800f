package org.itaoversight.api.ita.analytics;

import com.codahale.metrics.annotation.Timed;
import io.dropwizard.auth.Auth;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.util.List;
import org.itaoversight.api.disclosure.SmallGroups;
import org.itaoversight.api.exports.ExportFormat;
import org.itaoversight.api.ita.catalog.Catalog;
import org.itaoversight.api.ita.catalog.Framework;
import org.itaoversight.api.openapi.Access;
import org.itaoversight.api.openapi.Audience;
import org.itaoversight.api.params.YearParameter;
import org.itaoversight.tenants.access.AccessPolicy;
import org.itaoversight.tenants.access.OversightPrincipal;

/**
 * The country's aggregates (no agency's own row): the national trend and pass rates by province and agency type, so
 * that provincial officers can compare their province. For platform administrators and provincial officers. A group
 * (or a year) of fewer agencies than the minimum group size shows no figure, and no total gives one back
 * ({@link SmallGroups}).
 */
@Path("/api/v1/ita/national")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
@Access(Audience.NATIONAL)
public class NationalResultsResource {

    private final ResultsService results;
    private final Catalog catalog;
    private final AccessPolicy policy;

    public NationalResultsResource(ResultsService results, AccessPolicy policy) {
        this.results = results;
        this.catalog = results.catalog();
        this.policy = policy;
    }

    /** The years with figures, and the years of too few agencies to show any (with why). */
    public record Trend(BigDecimal passMark, BigDecimal nationalTarget, List<ProvinceResultsResource.YearTrend> years,
                        List<ResultViews.WithheldYear> withheldYears) {
    }

    /** The groups' figures; those withheld ({@code withheld}, {@code note}) are of fewer than {@code minimumGroupSize} agencies, or give one back. */
    public record PassRates(int fiscalYear, String catalog, BigDecimal passMark, BigDecimal nationalTarget,
                            int minimumGroupSize, List<ResultViews.GroupPassRate> byProvince, List<ResultViews.GroupPassRate> byAgencyType) {
    }

    @GET
    @Path("/trend")
    @Timed
    public Trend trend(@Auth OversightPrincipal principal) {
        authorize(principal);
        ResultViews.NationalYears years = results.nationalYears();
        return new Trend(catalog.passMark(), catalog.nationalTargetShare(), years.years(), years.withheldYears());
    }

    @GET
    @jakarta.ws.rs.Produces({MediaType.APPLICATION_JSON + ";charset=UTF-8", ExportFormat.CSV_TYPE, ExportFormat.XLSX_TYPE})
    @Path("/pass-rates")
    @Timed
    public PassRates passRates(@Auth OversightPrincipal principal, @QueryParam("year") Integer year) {
        authorize(principal);
        Framework framework = YearParameter.framework(catalog, year);
        return new PassRates(year, framework.id(), catalog.passMark(), catalog.nationalTargetShare(),
                results.smallGroups().minimumGroupSize(), results.nationalPassRatesByProvince(year), results.nationalPassRatesByType(year));
    }

    private void authorize(OversightPrincipal principal) {
        if (!policy.canReadNationalAggregates(principal)) {
            throw new ForbiddenException("national comparisons are for platform administrators and provincial officers");
        }
    }
}
