package org.itaoversight.api.http;

/** Who may send a request body to an endpoint, checked from the token and the path before a byte of it is read. */
public enum BodyAccess {
    /** Platform administrators (the registry, result loads, report schedules). */
    PLATFORM_ADMIN,
    /** The administrators of the agency named by the path parameter {@code code} (its measures). */
    AGENCY_EDITOR
}
