package org.itaoversight.api.registry;

import com.codahale.metrics.annotation.Timed;
import io.dropwizard.auth.Auth;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;
import org.itaoversight.api.openapi.Access;
import org.itaoversight.api.openapi.Audience;
import org.itaoversight.tenants.access.OversightPrincipal;
import org.itaoversight.tenants.registry.AgencyType;

/** One province and its agencies. */
@Path("/api/v1/provinces/{code}")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
@Access(Audience.PROVINCE)
public class ProvinceResource {

    private final RegistryDao registry;
    private final RegistryAccess access;

    public ProvinceResource(RegistryDao registry, RegistryAccess access) {
        this.registry = registry;
        this.access = access;
    }

    /** The province and its number of agencies (public reference data: any role). */
    @GET
    @Timed
    @Access(Audience.EVERY_ROLE)
    public ProvinceView get(@Auth OversightPrincipal principal, @PathParam("code") String code) {
        return access.referenceProvince(principal, code);
    }

    /**
     * The agencies of the province in code order, optionally of one type ({@code SUBDISTRICT_ADMINISTRATION},
     * {@code อบต.}, …) or one district. For platform administrators and the province's officers.
     */
    @GET
    @Path("/agencies")
    @Timed
    public AgencyList agencies(@Auth OversightPrincipal principal, @PathParam("code") String code,
                               @QueryParam("type") String type, @QueryParam("district") String district) {
        ProvinceView province = access.readableProvince(principal, code);
        Optional<AgencyType> typeFilter = Optional.ofNullable(type).filter(t -> !t.isBlank())
                .map(t -> AgencyType.parse(t).orElseThrow(() -> new BadRequestException(
                        "type '" + t + "' is not an agency type; use one of " + List.of(AgencyType.values()))));
        List<AgencyView> agencies = registry.listAgencies(province.code()).stream()
                .map(RegistryDao.AgencyRow::toAgency)
                .filter(a -> typeFilter.map(t -> a.type() == t).orElse(true))
                .filter(a -> district == null || district.isBlank() || a.districtTh().equals(district.strip()))
                .map(AgencyView::of)
                .toList();
        return new AgencyList(province, agencies.size(), agencies);
    }

    public record AgencyList(ProvinceView province, int count, List<AgencyView> agencies) {
    }
}
