package org.itaoversight.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import org.itaoversight.api.audit.AuditLog;
import org.itaoversight.api.ita.catalog.Catalog;
import org.itaoversight.api.registry.PostgresAgencyDirectory;
import org.itaoversight.api.registry.RegistryAccess;
import org.itaoversight.api.registry.RegistryDao;
import org.itaoversight.tenants.access.AccessPolicy;

/**
 * What every feature shares: the configuration, the two databases, the ITA catalog, the clock, the registry with
 * the one access policy and the audit log.
 */
public record Platform(OversightConfiguration configuration, Databases databases, Catalog catalog, Clock clock,
                       ObjectMapper json, RegistryDao registry, AccessPolicy policy, RegistryAccess access, AuditLog audit) {

    /** The platform over opened databases: the registry in PostgreSQL decides whose agency is whose. */
    public static Platform of(OversightConfiguration configuration, Databases databases, Catalog catalog, Clock clock,
                              ObjectMapper json) {
        RegistryDao registry = databases.postgres().onDemand(RegistryDao.class);
        AccessPolicy policy = new AccessPolicy(new PostgresAgencyDirectory(registry));
        return new Platform(configuration, databases, catalog, clock, json, registry, policy,
                new RegistryAccess(registry, policy), new AuditLog(json));
    }

    /** The agency directory as the registry holds it now. */
    public PostgresAgencyDirectory directory() {
        return new PostgresAgencyDirectory(registry);
    }

    /** The realm whose tokens are accepted (and whose users receive reports). */
    public String issuer() {
        return configuration.getAuth().getIssuer();
    }
}
