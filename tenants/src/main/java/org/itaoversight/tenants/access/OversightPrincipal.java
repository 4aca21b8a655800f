package org.itaoversight.tenants.access;

import java.security.Principal;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who is calling: the token's subject and username, their roles, and the agency (tenant) and province they belong
 * to. Built only from a verified token.
 */
public record OversightPrincipal(String subject, String username, Set<Role> roles, Optional<String> agencyCode,
                                 Optional<String> provinceCode) implements Principal {

    public OversightPrincipal {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(username, "username");
        roles = Set.copyOf(roles);
        Objects.requireNonNull(agencyCode, "agencyCode");
        Objects.requireNonNull(provinceCode, "provinceCode");
    }

    @Override
    public String getName() {
        return username;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
