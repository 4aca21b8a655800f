package org.itaoversight.api.dashboard;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.List;
import org.itaoversight.api.ita.catalog.Catalog;
import org.itaoversight.api.openapi.Access;
import org.itaoversight.api.openapi.Audience;
import org.itaoversight.reporting.text.ThaiCalendar;

/**
 * What the dashboard needs before anyone signs in: where to sign in (the realm's issuer and the public client) and
 * the assessed years, and the Thai labels. Public: it holds nothing that is not in the login page itself.
 */
@Path("/api/v1/dashboard/config")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
@Access(Audience.PUBLIC)
public class DashboardConfigResource {

    public static final String CLIENT_ID = "ita-oversight-web";

    private final String issuer;
    private final Catalog catalog;
    private final Clock clock;

    public DashboardConfigResource(String issuer, Catalog catalog, Clock clock) {
        this.issuer = issuer;
        this.catalog = catalog;
        this.clock = clock;
    }

    /**
     * @param indicatorNames each assessed year's ten indicator names, in number order
     * @param thai           the Thai labels and calendar facts the dashboard shows (from the one Thai locale kit)
     */
    public record DashboardConfig(String issuer, String clientId, List<Integer> years, double passMark,
                                  java.util.Map<Integer, List<String>> indicatorNames, ThaiLabels thai) {
    }

    /** Month names (January first), their abbreviations, and today's fiscal year (พ.ศ.) in Asia/Bangkok. */
    public record ThaiLabels(List<String> months, List<String> monthsShort, int currentFiscalYear) {
    }

    @GET
    public DashboardConfig get() {
        java.util.Map<Integer, List<String>> names = new java.util.TreeMap<>();
        catalog.years().forEach(year -> catalog.framework(year).ifPresent(framework -> names.put(year,
                framework.indicators().stream().map(org.itaoversight.api.ita.catalog.Indicator::nameTh).toList())));
        return new DashboardConfig(issuer, CLIENT_ID, List.copyOf(catalog.years()), catalog.passMark().doubleValue(), names,
                new ThaiLabels(ThaiCalendar.monthNames(TextStyle.FULL), ThaiCalendar.monthNames(TextStyle.SHORT),
                        ThaiCalendar.fiscalYear(LocalDate.now(clock.withZone(ThaiCalendar.BANGKOK)))));
    }
}
