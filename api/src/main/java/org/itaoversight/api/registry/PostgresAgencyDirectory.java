package org.itaoversight.api.registry;

import java.util.Optional;
import org.itaoversight.tenants.registry.Agency;
import org.itaoversight.tenants.registry.AgencyDirectory;
import org.itaoversight.tenants.registry.AgencyRegistry;

/** The registry in PostgreSQL as the access policy's directory: always current, shared by every API instance. */
public final class PostgresAgencyDirectory implements AgencyDirectory {

    private final RegistryDao registry;

    public PostgresAgencyDirectory(RegistryDao registry) {
        this.registry = registry;
    }

    /** Every agency, read once: for checking a whole file without a query per row. */
    public AgencyDirectory snapshot() {
        java.util.Map<String, Agency> agencies = new java.util.HashMap<>();
        registry.listAllAgencies().forEach(row -> agencies.put(row.code(), row.toAgency()));
        return code -> Optional.ofNullable(agencies.get(code));
    }

    /** The whole registry, read once: for matching the agency names a document gives. */
    public AgencyRegistry registrySnapshot() {
        return AgencyRegistry.of(registry.listProvinceRows().stream().map(RegistryDao.ProvinceRow::toProvince).toList(),
                registry.listAllAgencies().stream().map(RegistryDao.AgencyRow::toAgency).toList());
    }

    @Override
    public Optional<Agency> agency(String code) {
        return Agency.isValidCode(code) ? registry.findAgency(code).map(RegistryDao.AgencyRow::toAgency) : Optional.empty();
    }
}
