package io.signet.tenant;

import io.signet.wire.WireTime;
import java.util.Map;

/** An audit event on the wire; {@code createdAt} in ISO 8601. */
public record AuditView(String auditId, String tenantId, String actor, String address, String action,
                        Map<String, Object> details, String createdAt) {
    public static AuditView of(AuditEvent e) {
        return new AuditView(e.auditId(), e.tenantId(), e.actor(), e.address(), e.action(), e.details(),
                WireTime.iso(e.createdAt()));
    }
}
