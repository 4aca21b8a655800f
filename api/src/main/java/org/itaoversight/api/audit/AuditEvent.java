package org.itaoversight.api.audit;

import java.time.OffsetDateTime;

/** One write, as recorded. */
public record AuditEvent(long id, OffsetDateTime occurredAt, String subject, String username, String action,
                         String targetType, String targetId, String details) {
}
