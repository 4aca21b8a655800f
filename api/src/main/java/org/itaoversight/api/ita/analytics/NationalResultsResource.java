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
import org.itaoversight.api.disclosure.GroupFigures;
import org.itaoversight.api.disclosure.SmallGroups;
import org.itaoversight.api.ita.catalog.Catalog;
import org.itaoversight.api.ita.catalog.Framework;
import org.itaoversight.tenants.access.OversightPrincipal;
import org.itaoversight.tenants.access.AccessPolicy;

/**
 * The country's aggregates (no agency's own row): the national trend and pass rates by province and agency type, so
 * that provincial officers can compare their province. For platform administrators and provincial officers. A group
 * (or a year) of fewer agencies than the minimum group size shows no figure, and no total gives one back
 * ({@link SmallGroups}).
 */
@Path("/api/v1/ita/national")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class NationalResultsResource {

    private final AnalyticsDao analytics;
    private final Catalog catalog;
    private final AccessPolicy policy;
    private final SmallGroups smallGroups;

    public NationalResultsResource(AnalyticsDao analytics, Catalog catalog, AccessPolicy policy, SmallGroups smallGroups) {
        this.smallGroups = smallGroups;
        this.analytics = analytics;
        this.catalog = catalog;
        this.policy = policy;
    }

    /** The years with figures, and the years of too few agencies to show any (with why). */
    public record Trend(BigDecimal passMark, BigDecimal nationalTarget, List<ProvinceResultsResource.YearTrend> years,
                        List<WithheldYear> withheldYears) {
    }

    public record WithheldYear(int fiscalYear, String note) {
    }

    public record PassRates(int fiscalYear, String catalog, BigDecimal passMark, BigDecimal nationalTarget,
                            int minimumGroupSize, List<GroupFigures> byProvince, List<GroupFigures> byAgencyType) {
    }

    @GET
    @Path("/trend")
    @Timed
    public Trend trend(@Auth OversightPrincipal principal) {
        authorize(principal);
        List<AnalyticsDao.YearSummary> years = analytics.yearSummaries(null, catalog.passMark());
        return new Trend(catalog.passMark(), catalog.nationalTargetShare(),
                ProvinceResultsResource.yearTrends(years.stream().filter(year -> smallGroups.shows(year.agencies())).toList(), catalog),
                years.stream().filter(year -> !smallGroups.shows(year.agencies()))
                        .map(year -> new WithheldYear(year.fiscalYear(), smallGroups.fewerThanTh())).toList());
    }

    @GET
    @Path("/pass-rates")
    @Timed
    public PassRates passRates(@Auth OversightPrincipal principal, @QueryParam("year") Integer year) {
        authorize(principal);
        Framework framework = YearParameter.framework(catalog, year);
        return new PassRates(year, framework.id(), catalog.passMark(), catalog.nationalTargetShare(), smallGroups.minimumGroupSize(),
                GroupFigures.of(analytics.passRatesByProvince(year, catalog.passMark()), smallGroups, FIGURES),
                GroupFigures.of(analytics.passRatesByType(year, catalog.passMark()), smallGroups, FIGURES));
    }

    private static final GroupFigures.Figures<AnalyticsDao.GroupPassRate> FIGURES = new GroupFigures.Figures<>() {
        @Override
        public String code(AnalyticsDao.GroupPassRate group) {
            return group.groupCode();
        }

        @Override
        public long agencies(AnalyticsDao.GroupPassRate group) {
            return group.agencies();
        }

        @Override
        public long passed(AnalyticsDao.GroupPassRate group) {
            return group.passed();
        }

        @Override
        public BigDecimal meanTotal(AnalyticsDao.GroupPassRate group) {
            return group.meanTotal();
        }
    };

    private void authorize(OversightPrincipal principal) {
        if (!policy.canReadNationalAggregates(principal)) {
            throw new ForbiddenException("national comparisons are for platform administrators and provincial officers");
        }
    }
}
