package io.signet.rule;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Decides an action from rules and a rule input; pure (no I/O, no clock), so a dry run and a real track
 * decide identically. Every enabled rule is evaluated, even after a match, so the explanation shows all
 * matches; a rule that throws is recorded with its error and counts as not matched, never stopping the
 * others.
 */
public final class RuleEvaluator {
    private static final Logger log = LoggerFactory.getLogger(RuleEvaluator.class);
    /** Highest priority first; equal priorities in creation order (rule ids are time-ordered). */
    static final Comparator<Rule> ORDER = Comparator.comparingInt(Rule::priority).reversed()
            .thenComparing(Rule::ruleId);

    private RuleEvaluator() {
    }

    /**
     * @param rules the tenant's rules for the action code (disabled ones are skipped)
     * @param input the rule input; {@code user.isEnrolled} drives the default when nothing matches
     * @param configuredDefault the action code's default outcome, or null when none is configured
     */
    public static Decision decide(List<Rule> rules, JsonNode input, Outcome configuredDefault) {
        List<Rule> ordered = rules.stream().filter(Rule::enabled).sorted(ORDER).toList();
        List<RuleResult> results = new ArrayList<>();
        Rule winner = null;
        for (Rule rule : ordered) {
            RuleResult r = evaluate(rule, input);
            results.add(r);
            if (r.matched() && winner == null) {
                winner = rule;
            }
        }
        if (winner != null) {
            return new Decision(winner.outcome(), Decision.DecidedBy.RULE, winner, results);
        }
        if (configuredDefault != null) {
            return new Decision(configuredDefault, Decision.DecidedBy.ACTION_DEFAULT, null, results);
        }
        boolean enrolled = input.path("user").path("isEnrolled").asBoolean(false);
        return new Decision(enrolled ? Outcome.CHALLENGE : Outcome.ALLOW, Decision.DecidedBy.ENROLLMENT_DEFAULT,
                null, results);
    }

    static RuleResult evaluate(Rule rule, JsonNode input) {
        Map<String, JsonNode> reads = new LinkedHashMap<>();
        try {
            boolean matched = JsonLogic.truthy(JsonLogic.apply(rule.condition(), input, reads));
            return result(rule, matched, reads, null);
        } catch (JsonLogicException e) {
            return result(rule, false, reads, e.getMessage());
        } catch (Throwable e) { // NOPMD: see below
            // An evaluator bug, or memory or stack running out while this rule ran (a value nested thousands
            // deep overflows a request's stack), must cost one rule, not the decision, the request or a job.
            // Logged with its stack trace; the rule's input is not logged (it may hold personal data).
            log.warn("rule {} of tenant {} could not be evaluated", rule.ruleId(), rule.tenantId(), e);
            return result(rule, false, reads, "the rule could not be evaluated (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static RuleResult result(Rule rule, boolean matched, Map<String, JsonNode> reads, String error) {
        return new RuleResult(rule.ruleId(), rule.name(), rule.version(), rule.priority(), rule.outcome(),
                rule.condition(), matched, reads, error);
    }
}
