package io.signet.action;

import io.signet.user.VerificationMethod;
import io.signet.wire.WireTime;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Response of getAction (docs/server-api.md §7.3.2 "getAction") plus {@code custom}, the action's custom data sent with
 * track, and {@code explanation}, Signet's account of why the action got its state. {@code rules} are the matched rules in priority order, {@code priorityRuleId} the
 * one that decided.
 */
public record ActionResponse(
        String userId,
        String actionCode,
        String idempotencyKey,
        ActionState state,
        String createdAt,
        String stateUpdatedAt,
        VerificationMethod verificationMethod,
        List<RuleRef> rules,
        List<String> ruleIds,
        String priorityRuleId,
        ObjectNode custom,
        JsonNode explanation) {

    /** Authsignal's {@code Rule} object (§5.3). */
    record RuleRef(String ruleId, String name) {
    }

    static ActionResponse of(Action a) {
        List<RuleRef> rules = new java.util.ArrayList<>();
        for (JsonNode r : a.explanation().path("rules")) {
            if (r.path("matched").asBoolean(false)) {
                rules.add(new RuleRef(r.path("ruleId").asString(), r.path("name").asString()));
            }
        }
        return new ActionResponse(a.userId(), a.actionCode(), a.idempotencyKey(), a.state(), WireTime.iso(a.createdAt()),
                WireTime.iso(a.stateUpdatedAt()), a.verificationMethod(), rules, a.ruleIds(), a.decidedByRuleId(),
                RuleInputs.actionCustom(a.ruleInput()), a.explanation());
    }
}
