package org.itaoversight.api.reports.schedule;

import java.util.Optional;
import org.itaoversight.tenants.access.OversightPrincipal;

/** Who a report recipient is: the platform user with that e-mail address, with their roles and scope. */
@FunctionalInterface
public interface RecipientDirectory {

    Optional<OversightPrincipal> byEmail(String email);

    /** The recipient's name as the monthly mail addresses them ("สมชาย ใจดี"), when the directory knows it. */
    default Optional<String> displayName(String email) {
        return Optional.empty();
    }
}
