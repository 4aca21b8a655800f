package org.itaoversight.api.dashboard;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.itaoversight.api.ita.catalog.Catalog;

/**
 * What the dashboard needs before anyone signs in: where to sign in (the realm's issuer and the public client),
 * the assessed years, and whether the agency registry is the generated demo one (whose agency types are assigned,
 * not official). Public: it holds nothing that is not in the login page itself.
 */
@Path("/api/v1/dashboard/config")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class DashboardConfigResource {

    public static final String CLIENT_ID = "ita-oversight-web";

    private final String issuer;
    private final Catalog catalog;
    private final java.util.function.BooleanSupplier demoRegistry;

    public DashboardConfigResource(String issuer, Catalog catalog, java.util.function.BooleanSupplier demoRegistry) {
        this.issuer = issuer;
        this.catalog = catalog;
        this.demoRegistry = demoRegistry;
    }

    /**
     * @param indicatorNames each assessed year's ten indicator names, in number order
     * @param demoRegistry   the registry in use was generated (real places, assigned agency types), not read from a
     *                       code list
     */
    public record DashboardConfig(String issuer, String clientId, List<Integer> years, double passMark,
                                  java.util.Map<Integer, List<String>> indicatorNames, boolean demoRegistry) {
    }

    @GET
    public DashboardConfig get() {
        java.util.Map<Integer, List<String>> names = new java.util.TreeMap<>();
        catalog.years().forEach(year -> catalog.framework(year).ifPresent(framework -> names.put(year,
                framework.indicators().stream().map(org.itaoversight.api.ita.catalog.Indicator::nameTh).toList())));
        return new DashboardConfig(issuer, CLIENT_ID, List.copyOf(catalog.years()), catalog.passMark().doubleValue(), names,
                demoRegistry.getAsBoolean());
    }
}
