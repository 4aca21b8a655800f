package org.itaoversight.api.registry;

import com.codahale.metrics.annotation.Timed;
import io.dropwizard.auth.Auth;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.itaoversight.api.audit.AuditLog;
import org.itaoversight.api.http.BodyAccess;
import org.itaoversight.api.http.BodyKind;
import org.itaoversight.api.http.GuardedBody;
import org.itaoversight.api.openapi.Access;
import org.itaoversight.api.openapi.Audience;
import org.itaoversight.tenants.access.AccessPolicy;
import org.itaoversight.tenants.access.OversightPrincipal;
import org.itaoversight.tenants.registry.Agency;
import org.itaoversight.tenants.registry.AgencyRegistry;
import org.itaoversight.tenants.registry.RegistryCsv;
import org.itaoversight.tenants.registry.RegistryException;

/**
 * The agency code list, loaded by platform administrators: a CSV body ({@code code,name_th,type,province_code,
 * district}) that is checked as a whole (every problem reported with line and column, nothing loaded on any
 * problem), then loaded atomically and audited. Agencies absent from the list are kept.
 */
@Path("/api/v1/registry/agencies")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
@Access(Audience.PLATFORM)
public class RegistryAgenciesResource {

    private final RegistryLoader loader;
    private final AccessPolicy policy;
    private final AuditLog audit;

    public RegistryAgenciesResource(RegistryLoader loader, AccessPolicy policy, AuditLog audit) {
        this.loader = loader;
        this.policy = policy;
        this.audit = audit;
    }

    public record LoadResult(boolean changed, int agencies, int inserted, int updated, String sha256) {
    }

    @POST
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @GuardedBody(access = BodyAccess.PLATFORM_ADMIN, kind = BodyKind.REGISTRY_FILE)
    @Timed
    public LoadResult load(@Auth OversightPrincipal principal, InputStream csv) {
        if (!policy.canManagePlatform(principal)) {
            throw new ForbiddenException("only platform administrators load the registry");
        }
        AgencyRegistry registry;
        try {
            List<Agency> agencies = RegistryCsv.readAgencies(new InputStreamReader(csv, StandardCharsets.UTF_8), "upload");
            registry = AgencyRegistry.of(RegistryCsv.bundledProvinces(), agencies);
        } catch (RegistryException e) {
            throw new BadRequestException(e.getMessage(), e);
        }
        RegistryLoader.Result result = loader.load(registry, "upload by " + principal.username(),
                (handle, loaded) -> audit.record(handle, principal, "registry.load", "registry", "agencies",
                        Map.of("agencies", loaded.agencies(), "inserted", loaded.inserted(), "updated", loaded.updated(),
                                "changed", loaded.changed(), "sha256", loaded.sha256())));
        return new LoadResult(result.changed(), result.agencies(), result.inserted(), result.updated(), result.sha256());
    }
}
