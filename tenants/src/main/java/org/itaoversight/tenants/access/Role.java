package org.itaoversight.tenants.access;

import java.util.Arrays;
import java.util.Optional;

/** What a principal is in the platform; the names are the Keycloak realm roles. */
public enum Role {
    /** Manages the registry, loads and schedules of the whole platform. */
    PLATFORM_ADMIN("platform_admin"),
    /** Reads every agency of their province. */
    PROVINCIAL_OFFICER("provincial_officer"),
    /** Reads and edits their own agency only. */
    AGENCY_ADMIN("agency_admin");

    private final String realmRole;

    Role(String realmRole) {
        this.realmRole = realmRole;
    }

    public String realmRole() {
        return realmRole;
    }

    public static Optional<Role> ofRealmRole(String name) {
        return Arrays.stream(values()).filter(role -> role.realmRole.equals(name)).findFirst();
    }
}
