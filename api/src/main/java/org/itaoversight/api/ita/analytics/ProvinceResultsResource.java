package org.itaoversight.api.ita.analytics;

import com.codahale.metrics.annotation.Timed;
import io.dropwizard.auth.Auth;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.itaoversight.api.ita.catalog.Catalog;
import org.itaoversight.api.ita.catalog.Framework;
import org.itaoversight.api.registry.RegistryAccess;
import org.itaoversight.tenants.access.OversightPrincipal;

/**
 * A province's ITA results for a year: ranking, pass rates and weakest indicators. For platform administrators and
 * the province's officers. Every answer names the year and the catalog framework it used.
 */
@Path("/api/v1/provinces/{code}/ita")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class ProvinceResultsResource {

    private final AnalyticsDao analytics;
    private final RegistryAccess access;
    private final Catalog catalog;

    public ProvinceResultsResource(AnalyticsDao analytics, RegistryAccess access, Catalog catalog) {
        this.analytics = analytics;
        this.access = access;
        this.catalog = catalog;
    }

    public record Ranking(String provinceCode, int fiscalYear, String catalog, int agencies, List<AnalyticsDao.RankingRow> ranking) {
    }

    public record PassRates(String provinceCode, int fiscalYear, String catalog, BigDecimal passMark, BigDecimal nationalTarget,
                            long agencies, long passed, BigDecimal passRate, boolean meetsNationalTarget,
                            List<AnalyticsDao.PassRateRow> byAgencyType) {
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
        List<AnalyticsDao.RankingRow> rows = analytics.ranking(code, year);
        return new Ranking(code, year, framework.id(), rows.size(), rows);
    }

    @GET
    @Path("/pass-rates")
    @Timed
    public PassRates passRates(@Auth OversightPrincipal principal, @PathParam("code") String code, @QueryParam("year") Integer year) {
        Framework framework = authorize(principal, code, year);
        List<AnalyticsDao.PassRateRow> rows = analytics.passRates(code, year, catalog.passMark());
        long agencies = rows.stream().mapToLong(AnalyticsDao.PassRateRow::agencies).sum();
        long passed = rows.stream().mapToLong(AnalyticsDao.PassRateRow::passed).sum();
        BigDecimal rate = agencies == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(passed).divide(BigDecimal.valueOf(agencies), 4, RoundingMode.HALF_UP);
        return new PassRates(code, year, framework.id(), catalog.passMark(), catalog.nationalTargetShare(), agencies, passed,
                rate, agencies > 0 && rate.compareTo(catalog.nationalTargetShare()) >= 0, rows);
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
                         List<AnalyticsDao.MatrixRow> agencies) {
    }

    /** The agency × indicator matrix: each agency's ten indicator scores (in catalog order). */
    @GET
    @Path("/matrix")
    @Timed
    public Matrix matrix(@Auth OversightPrincipal principal, @PathParam("code") String code, @QueryParam("year") Integer year) {
        Framework framework = authorize(principal, code, year);
        return new Matrix(code, year, framework.id(), framework.indicators().stream().map(i -> i.number() + " " + i.nameTh()).toList(),
                analytics.matrix(code, year));
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
        return new Trend(code, catalog.passMark(), yearTrends(analytics.yearSummaries(code, catalog.passMark()), catalog));
    }

    public record Movers(String provinceCode, int fiscalYear, String catalog, List<AnalyticsDao.MoverRow> up,
                         List<AnalyticsDao.MoverRow> down) {
    }

    /** The agencies whose totals rose and fell the most against the previous year. */
    @GET
    @Path("/movers")
    @Timed
    public Movers movers(@Auth OversightPrincipal principal, @PathParam("code") String code, @QueryParam("year") Integer year,
                         @QueryParam("limit") @jakarta.ws.rs.DefaultValue("10") int limit) {
        Framework framework = authorize(principal, code, year);
        if (limit < 1 || limit > 100) {
            throw new BadRequestException("limit must be between 1 and 100, got " + limit);
        }
        List<AnalyticsDao.MoverRow> all = analytics.movers(code, year, limit);
        List<AnalyticsDao.MoverRow> up = all.stream().filter(m -> m.change().signum() > 0).limit(limit).toList();
        List<AnalyticsDao.MoverRow> down = all.reversed().stream().filter(m -> m.change().signum() < 0).limit(limit).toList();
        return new Movers(code, year, framework.id(), up, down);
    }

    static List<YearTrend> yearTrends(List<AnalyticsDao.YearSummary> summaries, Catalog catalog) {
        return summaries.stream().map(s -> new YearTrend(s.fiscalYear(),
                catalog.framework(s.fiscalYear()).map(Framework::id).orElse("unknown"), s.agencies(), s.meanTotal(),
                s.middleLow().add(s.middleHigh()).divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_UP), s.passed(), s.agencies() == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(s.passed()).divide(BigDecimal.valueOf(s.agencies()), 4, RoundingMode.HALF_UP))).toList();
    }

    private Framework authorize(OversightPrincipal principal, String code, Integer year) {
        access.readableProvince(principal, code);
        return YearParameter.framework(catalog, year);
    }
}
