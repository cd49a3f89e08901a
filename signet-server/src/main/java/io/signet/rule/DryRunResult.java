package io.signet.rule;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * What track would decide for {@code input} with the tenant's current rules: the state, what decided it
 * ({@code RULE}, {@code ACTION_DEFAULT} or {@code ENROLLMENT_DEFAULT}), and every rule's result
 * (matched, values read, error).
 */
public record DryRunResult(
        String actionCode,
        String state,
        Outcome outcome,
        Decision.DecidedBy decidedBy,
        String decidedByRuleId,
        Integer decidedByRuleVersion,
        List<String> ruleIds,
        List<RuleResult> rules,
        JsonNode input) {

    static DryRunResult of(String actionCode, Decision d, JsonNode input) {
        return new DryRunResult(actionCode, d.outcome().state(), d.outcome(), d.decidedBy(),
                d.rule() == null ? null : d.rule().ruleId(), d.rule() == null ? null : d.rule().version(),
                d.matchedRuleIds(), d.results(), input);
    }
}
