package io.signet.rule;

import io.signet.user.VerificationMethod;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A stored rule: when {@code condition} (JsonLogic over the rule input) is truthy for an action of
 * {@code actionCode} (null: every action), {@code outcome} applies, unless a matching rule of higher
 * {@code priority} decides first. {@code allowedVerificationMethods} (null: the user's) and
 * {@code defaultVerificationMethod} shape the challenge. {@code version} grows with every update.
 */
public record Rule(
        String tenantId,
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
        long createdAt,
        long updatedAt) {

    public Rule {
        allowedVerificationMethods = allowedVerificationMethods == null ? null : List.copyOf(allowedVerificationMethods);
    }
}
