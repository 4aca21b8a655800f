package org.itaoversight.api.ita.analytics;

import com.codahale.metrics.annotation.Timed;
import io.dropwizard.auth.Auth;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.itaoversight.api.ita.catalog.Framework;
import org.itaoversight.api.openapi.Access;
import org.itaoversight.api.openapi.Audience;
import org.itaoversight.api.params.YearParameter;
import org.itaoversight.api.registry.RegistryAccess;
import org.itaoversight.tenants.access.OversightPrincipal;

/**
 * A province's ITA results for a year: ranking, pass rates and weakest indicators. For platform administrators and
 * the province's officers. Every answer names the year and the catalog framework it used.
 */
@Path("/api/v1/provinces/{code}/ita")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
@Access(Audience.PROVINCE)
public class ProvinceResultsResource {

    private final ResultsService results;
    private final AnalyticsDao analytics;
    private final RegistryAccess access;

    public ProvinceResultsResource(ResultsService results, AnalyticsDao analytics, RegistryAccess access) {
        this.results = results;
        this.analytics = analytics;
        this.access = access;
    }

    public record Ranking(String provinceCode, int fiscalYear, String catalog, int agencies,
                          List<ResultViews.RankedAgency> ranking) {
    }

    public record PassRates(String provinceCode, int fiscalYear, String catalog, BigDecimal passMark, BigDecimal nationalTarget,
                            long agencies, long passed, BigDecimal passRate, boolean meetsNationalTarget,
                            List<ResultViews.TypePassRate> byAgencyType) {
    }

    public record WeakestIndicators(String provinceCode, int fiscalYear, String catalog,
                                    List<IndicatorSummary> indicators) {
    }

    public record IndicatorSummary(int number, String nameTh, String tool, BigDecimal meanScore, long agencies, long weakestFor) {
    }

    @GET
    @Path("/ranking")
    @Timed
    public Ranking ranking(@Auth OversightPrincipal principal, @PathParam("code") String code, @QueryParam("year") Integer year) {
        Framework framework = authorize(principal, code, year);
        List<ResultViews.RankedAgency> rows = results.ranking(code, year);
        return new Ranking(code, year, framework.id(), rows.size(), rows);
    }

    @GET
    @Path("/pass-rates")
    @Timed
    public PassRates passRates(@Auth OversightPrincipal principal, @PathParam("code") String code, @QueryParam("year") Integer year) {
        Framework framework = authorize(principal, code, year);
        List<ResultViews.TypePassRate> rows = results.passRatesByType(code, year);
        long agencies = rows.stream().mapToLong(ResultViews.TypePassRate::agencies).sum();
        long passed = rows.stream().mapToLong(ResultViews.TypePassRate::passed).sum();
        BigDecimal rate = ResultFigures.passRate(passed, agencies);
        return new PassRates(code, year, framework.id(), results.catalog().passMark(), results.catalog().nationalTargetShare(),
                agencies, passed, rate, results.meetsNationalTarget(agencies, rate), rows);
    }

    @GET
    @Path("/weakest-indicators")
    @Timed
    public WeakestIndicators weakestIndicators(@Auth OversightPrincipal principal, @PathParam("code") String code,
                                               @QueryParam("year") Integer year) {
        Framework framework = authorize(principal, code, year);
        List<IndicatorSummary> indicators = analytics.weakestIndicators(code, year).stream()
                .map(row -> framework.indicator(row.indicator())
                        .map(i -> new IndicatorSummary(i.number(), i.nameTh(), i.tool(), row.meanScore(), row.agencies(), row.weakestFor()))
                        .orElseThrow(() -> new IllegalStateException("indicator " + row.indicator() + " is not in " + framework.id())))
                .toList();
        return new WeakestIndicators(code, year, framework.id(), indicators);
    }

    public record Matrix(String provinceCode, int fiscalYear, String catalog, List<String> indicators,
                         List<ResultViews.AgencyScores> agencies) {
    }

    /** The agency × indicator matrix: each agency's ten indicator scores (in catalog order). */
    @GET
    @Path("/matrix")
    @Timed
    public Matrix matrix(@Auth OversightPrincipal principal, @PathParam("code") String code, @QueryParam("year") Integer year) {
        Framework framework = authorize(principal, code, year);
        return new Matrix(code, year, framework.id(), framework.indicators().stream().map(i -> i.number() + " " + i.nameTh()).toList(),
                results.matrix(code, year));
    }

    public record Trend(String provinceCode, BigDecimal passMark, List<YearTrend> years) {
    }

    public record YearTrend(int fiscalYear, String catalog, long agencies, BigDecimal meanTotal, BigDecimal medianTotal,
                            long passed, BigDecimal passRate) {
    }

    /** The province over the years: agencies, mean, median, pass rate. */
    @GET
    @Path("/trend")
    @Timed
    public Trend trend(@Auth OversightPrincipal principal, @PathParam("code") String code) {
        access.readableProvince(principal, code);
        return new Trend(code, results.catalog().passMark(), results.yearTrends(Optional.of(code)));
    }

    public record Movers(String provinceCode, int fiscalYear, String catalog, List<ResultViews.Mover> up,
                         List<ResultViews.Mover> down) {
    }

    /** The agencies whose totals rose and fell the most against the previous year. */
    @GET
    @Path("/movers")
    @Timed
    public Movers movers(@Auth OversightPrincipal principal, @PathParam("code") String code, @QueryParam("year") Integer year,
                         @QueryParam("limit") @DefaultValue("10") int limit) {
        Framework framework = authorize(principal, code, year);
        if (limit < 1 || limit > 100) {
            throw new BadRequestException("limit must be between 1 and 100, got " + limit);
        }
        List<List<ResultViews.Mover>> movers = results.movers(code, year, limit);
        return new Movers(code, year, framework.id(), movers.get(0), movers.get(1));
    }

    private Framework authorize(OversightPrincipal principal, String code, Integer year) {
        access.readableProvince(principal, code);
        return YearParameter.framework(results.catalog(), year);
    }
}
