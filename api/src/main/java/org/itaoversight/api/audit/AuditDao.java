package org.itaoversight.api.audit;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** Reads the append-only audit trail of writes ({@link AuditLog} writes it; PostgreSQL refuses updates and deletes). */
public interface AuditDao {

    @SqlQuery("SELECT id, occurred_at, subject, username, action, target_type, target_id, details::text AS details "
            + "FROM audit_event ORDER BY id DESC LIMIT :limit")
    @RegisterConstructorMapper(AuditEvent.class)
    List<AuditEvent> latest(@Bind("limit") int limit);
}
