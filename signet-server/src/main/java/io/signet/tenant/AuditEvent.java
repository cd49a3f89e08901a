package io.signet.tenant;

import java.util.Map;

/**
 * One recorded change of a tenant or its keys. {@code details} holds ids, names and times only, never a
 * secret (keys are named by their id).
 */
public record AuditEvent(String auditId, String tenantId, String actor, String address, String action,
                         Map<String, Object> details, long createdAt) {
    public AuditEvent {
        details = Map.copyOf(details);
    }
}
