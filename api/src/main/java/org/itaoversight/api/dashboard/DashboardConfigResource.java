package org.itaoversight.api.dashboard;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.itaoversight.api.ita.catalog.Catalog;
import org.itaoversight.api.measures.MeasureStatus;
import org.itaoversight.api.openapi.Access;
import org.itaoversight.api.openapi.Audience;
import org.itaoversight.reporting.text.ThaiCalendar;
import org.itaoversight.tenants.registry.AgencyType;

/**
 * What the dashboard needs before anyone signs in: where to sign in (the realm's issuer and the public client), the
 * assessed years, the Thai labels, and whether the agency registry is the generated demo one (whose agency types are
 * assigned, not official). Public: it holds nothing that is not in the login page itself.
 */
@Path("/api/v1/dashboard/config")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
@Access(Audience.PUBLIC)
public class DashboardConfigResource {

    public static final String CLIENT_ID = "ita-oversight-web";

    private final String issuer;
    private final Catalog catalog;
    private final Clock clock;
    private final BooleanSupplier demoRegistry;

    /** @param demoRegistry whether the registry in use was generated (asked on each request: a load may change it) */
    public DashboardConfigResource(String issuer, Catalog catalog, Clock clock, BooleanSupplier demoRegistry) {
        this.issuer = issuer;
        this.catalog = catalog;
        this.clock = clock;
        this.demoRegistry = demoRegistry;
    }

    /**
     * @param indicatorNames each assessed year's ten indicator names, in number order
     * @param thai           the Thai labels and calendar facts the dashboard shows (from the one Thai locale kit)
     * @param demoRegistry   the registry in use was generated (real places, assigned agency types), not read from a
     *                       code list
     */
    public record DashboardConfig(String issuer, String clientId, List<Integer> years, double passMark,
                                  Map<Integer, List<String>> indicatorNames, ThaiLabels thai, boolean demoRegistry) {
    }

    /**
     * Month names (January first), their abbreviations, today's fiscal year (พ.ศ.) in Asia/Bangkok, and the Thai names
     * of agency types and measure statuses, by code.
     */
    public record ThaiLabels(List<String> months, List<String> monthsShort, int currentFiscalYear,
                             Map<String, String> agencyTypes, Map<String, String> measureStatus) {
    }

    @GET
    public DashboardConfig get() {
        Map<Integer, List<String>> names = new TreeMap<>();
        catalog.years().forEach(year -> catalog.framework(year).ifPresent(framework -> names.put(year,
                framework.indicators().stream().map(org.itaoversight.api.ita.catalog.Indicator::nameTh).toList())));
        return new DashboardConfig(issuer, CLIENT_ID, List.copyOf(catalog.years()), catalog.passMark().doubleValue(), names,
                new ThaiLabels(ThaiCalendar.monthNames(TextStyle.FULL), ThaiCalendar.monthNames(TextStyle.SHORT),
                        ThaiCalendar.fiscalYear(LocalDate.now(clock.withZone(ThaiCalendar.BANGKOK))),
                        labels(AgencyType.values(), AgencyType::nameTh), labels(MeasureStatus.values(), MeasureStatus::labelTh)),
                demoRegistry.getAsBoolean());
    }

    private static <E extends Enum<E>> Map<String, String> labels(E[] values, Function<E, String> label) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (E value : values) {
            labels.put(value.name(), label.apply(value));
        }
        return labels;
    }
}
