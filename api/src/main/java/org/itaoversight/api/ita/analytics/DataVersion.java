package org.itaoversight.api.ita.analytics;

import org.jdbi.v3.core.Jdbi;

/**
 * The version of the data behind the analytics, kept in PostgreSQL ({@code analytics_data_version}, one row) so that
 * every API instance sees the same number. Whoever changes that data — a result load, a registry load, a completion
 * snapshot — raises it <em>after</em> the change has completed in ClickHouse; readers read it before they read
 * ClickHouse. An answer computed after reading version v therefore holds every change that raised the version to v
 * or below (see docs/architecture.md, "The analytics cache").
 */
public final class DataVersion {

    private final Jdbi postgres;

    public DataVersion(Jdbi postgres) {
        this.postgres = postgres;
    }

    /** The current version (one primary-key read). */
    public long current() {
        return postgres.withHandle(handle -> handle.createQuery("SELECT version FROM analytics_data_version WHERE id = 1")
                .mapTo(Long.class).one());
    }

    /** Raises the version, in a transaction of its own; call it once the change is complete. */
    public long bump(String reason) {
        return postgres.withHandle(handle -> handle.createQuery("UPDATE analytics_data_version SET version = version + 1, "
                        + "changed_at = now(), reason = :reason WHERE id = 1 RETURNING version")
                .bind("reason", reason.length() > 200 ? reason.substring(0, 200) : reason).mapTo(Long.class).one());
    }
}
