package org.itaoversight.tenants.access;

import java.util.Optional;

/**
 * The rows a principal may read, as bound query parameters: every query filters with
 * {@code (:province IS NULL OR province_code = :province) AND (:agency IS NULL OR agency_code = :agency)}, and a
 * scope that may read nothing carries {@link #none()}, which matches no row.
 *
 * @param provinceCode restrict to one province, or empty for all
 * @param agencyCode   restrict to one agency, or empty for all (within the province)
 */
public record ReadScope(Optional<String> provinceCode, Optional<String> agencyCode) {

    /** A code no province or agency has: the scope of a principal that may read nothing. */
    public static final String NOTHING = "-";

    public static ReadScope all() {
        return new ReadScope(Optional.empty(), Optional.empty());
    }

    public static ReadScope province(String provinceCode) {
        return new ReadScope(Optional.of(provinceCode), Optional.empty());
    }

    public static ReadScope agency(String provinceCode, String agencyCode) {
        return new ReadScope(Optional.of(provinceCode), Optional.of(agencyCode));
    }

    public static ReadScope none() {
        return new ReadScope(Optional.of(NOTHING), Optional.of(NOTHING));
    }

    /** For binding: the province code or null. */
    public String provinceOrNull() {
        return provinceCode.orElse(null);
    }

    /** For binding: the agency code or null. */
    public String agencyOrNull() {
        return agencyCode.orElse(null);
    }
}
