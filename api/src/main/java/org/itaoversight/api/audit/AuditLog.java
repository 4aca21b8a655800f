package org.itaoversight.api.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.itaoversight.tenants.access.OversightPrincipal;
import org.jdbi.v3.core.Handle;

/** Records who did what: the token's subject and username, in the same transaction as the write. */
public final class AuditLog {

    private final ObjectMapper json;

    public AuditLog(ObjectMapper json) {
        this.json = json;
    }

    public void record(Handle handle, OversightPrincipal principal, String action, String targetType, String targetId,
                       Map<String, ?> details) {
        record(handle, principal.subject(), principal.username(), action, targetType, targetId, details);
    }

    /** For writes by someone who is not a token's principal (the command line's user). */
    public void record(Handle handle, String subject, String username, String action, String targetType, String targetId,
                       Map<String, ?> details) {
        try {
            // Plain SQL on the caller's handle (its transaction), whatever plugins its Jdbi has.
            handle.createUpdate("INSERT INTO audit_event (subject, username, action, target_type, target_id, details) "
                            + "VALUES (:subject, :username, :action, :targetType, :targetId, CAST(:details AS jsonb))")
                    .bind("subject", subject).bind("username", username).bind("action", action).bind("targetType", targetType)
                    .bind("targetId", targetId).bind("details", json.writeValueAsString(details)).execute();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit details are not serializable", e);
        }
    }
}
