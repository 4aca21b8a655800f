package org.itaoversight.api.openapi;

import java.util.List;
import org.itaoversight.tenants.access.Role;

/**
 * Who may call an endpoint, as the {@code AccessPolicy} decides it (checked endpoint by endpoint by
 * {@code IsolationMatrixTest}); written into the API description as each operation's {@code x-roles} and
 * {@code x-access}.
 */
public enum Audience {
    PUBLIC("anyone, without a token"),
    EVERY_ROLE("every signed-in role (reference data)", Role.PLATFORM_ADMIN, Role.PROVINCIAL_OFFICER, Role.AGENCY_ADMIN),
    NATIONAL("platform administrators and provincial officers (national aggregates, no agency rows)",
            Role.PLATFORM_ADMIN, Role.PROVINCIAL_OFFICER),
    PROVINCE("platform administrators and the province's provincial officers", Role.PLATFORM_ADMIN, Role.PROVINCIAL_OFFICER),
    AGENCY("platform administrators, the provincial officers of the agency's province and the agency's own administrators",
            Role.PLATFORM_ADMIN, Role.PROVINCIAL_OFFICER, Role.AGENCY_ADMIN),
    AGENCY_EDITORS("the agency's own administrators only", Role.AGENCY_ADMIN),
    PLATFORM("platform administrators only", Role.PLATFORM_ADMIN),
    RUN_READERS("whoever may read the run's agency or province", Role.PLATFORM_ADMIN, Role.PROVINCIAL_OFFICER, Role.AGENCY_ADMIN);

    private final String description;
    private final List<Role> roles;

    Audience(String description, Role... roles) {
        this.description = description;
        this.roles = List.of(roles);
    }

    public String description() {
        return description;
    }

    public List<String> realmRoles() {
        return roles.stream().map(Role::realmRole).toList();
    }
}
