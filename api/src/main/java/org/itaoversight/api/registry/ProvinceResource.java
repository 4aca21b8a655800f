package org.itaoversight.api.registry;

import com.codahale.metrics.annotation.Timed;
import io.dropwizard.auth.Auth;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;
import org.itaoversight.tenants.access.AccessPolicy;
import org.itaoversight.tenants.access.OversightPrincipal;
import org.itaoversight.tenants.registry.AgencyType;
import org.itaoversight.tenants.registry.Province;

/** One province and its agencies. */
@Path("/api/v1/provinces/{code}")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class ProvinceResource {

    private final RegistryDao registry;
    private final AccessPolicy policy;

    public ProvinceResource(RegistryDao registry, AccessPolicy policy) {
        this.registry = registry;
        this.policy = policy;
    }

    /** The province and its number of agencies (public reference data: any role). */
    @GET
    @Timed
    public ProvinceView get(@Auth OversightPrincipal principal, @PathParam("code") String code) {
        if (!policy.canReadReferenceData(principal)) {
            throw new ForbiddenException("a role of the ITA Oversight realm is required");
        }
        return find(code);
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
        ProvinceView province = find(code);
        if (!policy.canReadProvince(principal, province.code())) {
            throw new ForbiddenException("the agencies of province " + code + " are for its provincial officers");
        }
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

    private ProvinceView find(String code) {
        if (!Province.isValidCode(code)) {
            throw new BadRequestException("province code must be two digits 10–99, got '" + code + "'");
        }
        return registry.findProvince(code)
                .orElseThrow(() -> new NotFoundException("province " + code + " is not in the registry"));
    }

    public record AgencyList(ProvinceView province, int count, List<AgencyView> agencies) {
    }
}
