package io.signet.rule;

import java.util.List;

/**
 * The outcome for one action and why: {@code decidedBy} is {@code RULE} (then {@code rule} is the
 * highest-priority match), {@code ACTION_DEFAULT} (the tenant's configured default for the action code)
 * or {@code ENROLLMENT_DEFAULT} (nothing configured: CHALLENGE for an enrolled user, else ALLOW).
 * {@code results} holds every enabled rule that applied, in evaluation order.
 */
public record Decision(Outcome outcome, DecidedBy decidedBy, Rule rule, List<RuleResult> results) {

    public enum DecidedBy { RULE, ACTION_DEFAULT, ENROLLMENT_DEFAULT }

    public Decision {
        results = List.copyOf(results);
    }

    /** The ids of the rules that matched, highest priority first (track's {@code ruleIds}). */
    public List<String> matchedRuleIds() {
        return results.stream().filter(RuleResult::matched).map(RuleResult::ruleId).toList();
    }
}
