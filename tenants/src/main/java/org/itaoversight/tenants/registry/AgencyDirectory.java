package org.itaoversight.tenants.registry;

import java.util.Optional;

/** Finds an agency by its code: the in-memory {@link AgencyRegistry}, or the API's registry in PostgreSQL. */
@FunctionalInterface
public interface AgencyDirectory {

    Optional<Agency> agency(String code);
}
