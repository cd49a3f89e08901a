package io.signet.rule;

import io.signet.user.VerificationMethod;
import io.signet.wire.WireTime;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** A rule as the admin API shows it. */
public record RuleResponse(
        String ruleId,
        String actionCode,
        String name,
        String description,
        JsonNode condition,
        int priority,
        Outcome outcome,
        List<VerificationMethod> allowedVerificationMethods,
        VerificationMethod defaultVerificationMethod,
        boolean enabled,
        int version,
        String createdAt,
        String updatedAt) {

    static RuleResponse of(Rule r) {
        return new RuleResponse(r.ruleId(), r.actionCode() == null ? RuleService.EVERY_ACTION : r.actionCode(),
                r.name(), r.description(), r.condition(), r.priority(), r.outcome(), r.allowedVerificationMethods(),
                r.defaultVerificationMethod(), r.enabled(), r.version(), WireTime.iso(r.createdAt()),
                WireTime.iso(r.updatedAt()));
    }
}
