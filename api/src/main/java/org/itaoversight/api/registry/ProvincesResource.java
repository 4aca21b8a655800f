package org.itaoversight.api.registry;

import com.codahale.metrics.annotation.Timed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The collection of provinces. */
@Path("/api/v1/provinces")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class ProvincesResource {

    private final RegistryDao registry;

    public ProvincesResource(RegistryDao registry) {
        this.registry = registry;
    }

    /** Every province, in code order, with its number of agencies. */
    @GET
    @Timed
    public ProvinceList list() {
        List<ProvinceView> provinces = registry.listProvinces();
        return new ProvinceList(provinces.size(), provinces);
    }

    public record ProvinceList(int count, List<ProvinceView> provinces) {
    }
}
