package org.itaoversight.api.ita.analytics;

import com.codahale.metrics.annotation.Timed;
import io.dropwizard.auth.Auth;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.itaoversight.api.exports.ExportFormat;
import java.util.Optional;
import org.itaoversight.api.disclosure.SmallGroups;
import org.itaoversight.api.ita.catalog.Catalog;
import org.itaoversight.api.ita.catalog.Framework;
import org.itaoversight.api.ita.catalog.Indicator;
import org.itaoversight.api.openapi.Access;
import org.itaoversight.api.openapi.Audience;
import org.itaoversight.api.params.YearParameter;
import org.itaoversight.api.registry.RegistryAccess;
import org.itaoversight.tenants.access.AccessPolicy;
import org.itaoversight.tenants.access.OversightPrincipal;
import org.itaoversight.tenants.registry.Agency;

/** One agency's ITA results over the years: for its administrators, its province's officers, platform administrators. */
@Path("/api/v1/agencies/{code}/ita")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
@Access(Audience.AGENCY)
public class AgencyResultsResource {

    private final ResultsService results;
    private final AnalyticsDao analytics;
    private final RegistryAccess access;
    private final Catalog catalog;
    private final SmallGroups smallGroups;
    private final AccessPolicy policy;

    public AgencyResultsResource(ResultsService results, AnalyticsDao analytics, RegistryAccess access, AccessPolicy policy) {
        this.results = results;
        this.analytics = analytics;
        this.access = access;
        this.policy = policy;
        this.catalog = results.catalog();
        this.smallGroups = results.smallGroups();
    }

    public record Trend(String agencyCode, String nameTh, List<ResultViews.AgencyYear> years) {
    }

    @GET
    @Path("/trend")
    @Timed
    public Trend trend(@Auth OversightPrincipal principal, @PathParam("code") String code) {
        Agency agency = access.readableAgency(principal, code);
        return new Trend(code, agency.nameTh(), results.agencyTrend(agency.provinceCode(), agency.code()));
    }

    public record Standing(String agencyCode, String provinceCode, BigDecimal passMark, List<YearStanding> years) {
    }

    /** The agency's rank among the province's agencies that year, and the province's mean and median to compare with. */
    public record YearStanding(int fiscalYear, long rank, long agencies, BigDecimal total,
                               Optional<BigDecimal> provinceMean, Optional<BigDecimal> provinceMedian, Optional<String> note) {
    }

    /**
     * The agency's position in its province over the years. Its administrators see where they stand without seeing
     * the other agencies: only the rank, the count and the province's aggregates — and those only for a province of
     * at least the minimum group size ({@link SmallGroups}) unless the caller may read the province anyway.
     */
    @GET
    @Path("/standing")
    @Timed
    public Standing standing(@Auth OversightPrincipal principal, @PathParam("code") String code) {
        Agency agency = access.readableAgency(principal, code);
        boolean inScope = policy.canReadProvince(principal, agency.provinceCode());
        Map<Integer, ProvinceResultsResource.YearTrend> province = new HashMap<>();
        results.yearTrends(Optional.of(agency.provinceCode())).forEach(t -> province.put(t.fiscalYear(), t));
        List<YearStanding> years = analytics.standings(agency.provinceCode(), agency.code()).stream()
                .map(s -> inScope || smallGroups.shows(s.agencies())
                        ? new YearStanding(s.fiscalYear(), s.rank(), s.agencies(), s.total(),
                        Optional.of(province.get(s.fiscalYear()).meanTotal()), Optional.of(province.get(s.fiscalYear()).medianTotal()),
                        Optional.empty())
                        : new YearStanding(s.fiscalYear(), s.rank(), s.agencies(), s.total(), Optional.empty(), Optional.empty(),
                        Optional.of(smallGroups.fewerThanTh())))
                .toList();
        return new Standing(code, agency.provinceCode(), catalog.passMark(), years);
    }

    /** The agency's indicator scores of a year, in catalog order, its lowest marked; none before its results are loaded. */
    public record IndicatorScores(String agencyCode, String nameTh, int fiscalYear, String catalog, List<IndicatorScore> indicators) {
    }

    public record IndicatorScore(int number, String nameTh, String tool, Optional<BigDecimal> score, boolean lowest) {
    }

    @GET
    @jakarta.ws.rs.Produces({MediaType.APPLICATION_JSON + ";charset=UTF-8", ExportFormat.CSV_TYPE, ExportFormat.XLSX_TYPE})
    @Path("/indicator-scores")
    @Timed
    public IndicatorScores indicatorScores(@Auth OversightPrincipal principal, @PathParam("code") String code,
                                           @QueryParam("year") Integer year) {
        Agency agency = access.readableAgency(principal, code);
        Framework framework = YearParameter.framework(catalog, year);
        List<BigDecimal> scores = results.agencyTrend(agency.provinceCode(), agency.code()).stream()
                .filter(y -> y.fiscalYear() == year).findFirst().map(ResultViews.AgencyYear::indicatorScores).orElse(List.of());
        List<IndicatorScore> indicators = new ArrayList<>();
        for (int i = 0; i < scores.size(); i++) {
            BigDecimal score = scores.get(i);
            Optional<Indicator> indicator = framework.indicator(i + 1);
            indicators.add(new IndicatorScore(i + 1, indicator.map(Indicator::nameTh).orElse(""), indicator.map(Indicator::tool).orElse(""),
                    Optional.ofNullable(score), ResultFigures.isLowest(Optional.ofNullable(score), scores)));
        }
        return new IndicatorScores(code, agency.nameTh(), year, framework.id(), indicators);
    }

    public record WeakestQuestions(String agencyCode, int fiscalYear, String catalog, BigDecimal below,
                                   List<WeakQuestion> questions) {
    }

    public record WeakQuestion(String code, int indicator, String indicatorNameTh, BigDecimal score) {
    }

    /** The five lowest question scores under the pass mark, as agencies report them. */
    @GET
    @jakarta.ws.rs.Produces({MediaType.APPLICATION_JSON + ";charset=UTF-8", ExportFormat.CSV_TYPE, ExportFormat.XLSX_TYPE})
    @Path("/weakest-questions")
    @Timed
    public WeakestQuestions weakestQuestions(@Auth OversightPrincipal principal, @PathParam("code") String code,
                                             @QueryParam("year") Integer year) {
        Agency agency = access.readableAgency(principal, code);
        Framework framework = YearParameter.framework(catalog, year);
        List<WeakQuestion> questions = analytics.weakestQuestions(agency.provinceCode(), agency.code(), year, catalog.passMark(), 5)
                .stream().map(q -> new WeakQuestion(q.question(), q.indicator(),
                        framework.indicator(q.indicator()).map(i -> i.nameTh()).orElse(""), q.score())).toList();
        return new WeakestQuestions(code, year, framework.id(), catalog.passMark(), questions);
    }
}
