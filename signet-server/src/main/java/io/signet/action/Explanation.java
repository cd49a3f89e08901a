package io.signet.action;

import io.signet.rule.Decision;
import io.signet.rule.Outcome;
import io.signet.rule.RuleResult;
import java.util.List;

/**
 * Why an action got its state (beyond Authsignal): what decided it, the deciding rule and version, and
 * every rule evaluated with whether it matched, the values its condition read and any error. getAction
 * returns it as {@code explanation}; extra fields do not disturb the SDKs (docs/server-api.md §2.4 "Request bodies").
 */
record Explanation(
        Decision.DecidedBy decidedBy,
        Outcome outcome,
        String decidedByRuleId,
        Integer decidedByRuleVersion,
        List<RuleResult> rules) {

    static Explanation of(Decision d) {
        return new Explanation(d.decidedBy(), d.outcome(), d.rule() == null ? null : d.rule().ruleId(),
                d.rule() == null ? null : d.rule().version(), d.results());
    }
}
