package org.itaoversight.api.audit;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The append-only audit trail of writes (PostgreSQL refuses updates and deletes of it). */
public interface AuditDao {

    @SqlUpdate("INSERT INTO audit_event (subject, username, action, target_type, target_id, details) "
            + "VALUES (:subject, :username, :action, :targetType, :targetId, CAST(:details AS jsonb))")
    void record(@Bind("subject") String subject, @Bind("username") String username, @Bind("action") String action,
                @Bind("targetType") String targetType, @Bind("targetId") String targetId, @Bind("details") String detailsJson);

    @SqlQuery("SELECT id, occurred_at, subject, username, action, target_type, target_id, details::text AS details "
            + "FROM audit_event ORDER BY id DESC LIMIT :limit")
    @RegisterConstructorMapper(AuditEvent.class)
    List<AuditEvent> latest(@Bind("limit") int limit);
}
