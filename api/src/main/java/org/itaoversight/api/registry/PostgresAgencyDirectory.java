package org.itaoversight.api.registry;

import java.util.Optional;
import org.itaoversight.tenants.registry.Agency;
import org.itaoversight.tenants.registry.AgencyDirectory;

/** The registry in PostgreSQL as the access policy's directory: always current, shared by every API instance. */
public final class PostgresAgencyDirectory implements AgencyDirectory {

    private final RegistryDao registry;

    public PostgresAgencyDirectory(RegistryDao registry) {
        this.registry = registry;
    }

    @Override
    public Optional<Agency> agency(String code) {
        return Agency.isValidCode(code) ? registry.findAgency(code).map(RegistryDao.AgencyRow::toAgency) : Optional.empty();
    }
}
