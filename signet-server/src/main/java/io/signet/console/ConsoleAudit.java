package io.signet.console;

import io.signet.error.SignetException;
import io.signet.tenant.Actor;
import io.signet.tenant.AuditEvent;
import io.signet.tenant.TenantService;
import io.signet.text.BoundedText;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The console's audit trail, in the tenants' audit log (table {@code audit_events}): each action as
 * {@code console.<what>} by actor {@code console:<operator email>} from the operator's address, with its
 * target and the reason the operator gave, under the tenant it touched (the operator realm for sign-in and
 * sign-out). Never a secret: keys and codes are named by id.
 */
final class ConsoleAudit {
    static final int MAX_REASON = 500;

    private final TenantService tenants;

    ConsoleAudit(TenantService tenants) {
        this.tenants = tenants;
    }

    /** The reason a form gave, or a 400 saying one is needed. */
    static String reason(String reason) {
        if (reason == null || !BoundedText.isName(reason, MAX_REASON)) {
            throw SignetException.invalid("Give a reason (1 to " + MAX_REASON + " characters, one line): it is "
                    + "kept in the audit log with your name.");
        }
        return reason;
    }

    void record(ConsoleSessions.Operator operator, String ip, String tenantId, String action, String target,
                String reason) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("target", target);
        if (reason != null) {
            details.put("reason", reason);
        }
        tenants.recordChange(tenantId, Actor.console(operator.email(), ip), "console." + action, details);
    }

    /** A change made from a signed-in page, in the picked tenant. */
    void record(ConsoleRequest r, String action, String target, String reason) {
        record(r.operator(), r.ip(), r.tenantId(), action, target, reason);
    }

    List<AuditEvent> page(String before, int limit) {
        return tenants.consoleAudit(before, limit);
    }
}
