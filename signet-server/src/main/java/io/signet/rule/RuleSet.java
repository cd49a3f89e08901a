package io.signet.rule;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The rules and configured default of one action code in a tenant, read once per track: track asks
 * {@link #mayRead} before computing an expensive input, then {@link #decide}s with the same rules.
 */
public record RuleSet(List<Rule> rules, Outcome configuredDefault) {

    public RuleSet {
        rules = List.copyOf(rules);
    }

    /** Whether an enabled rule may read the input value at the dotted {@code path} (see {@link RuleReads}). */
    public boolean mayRead(String path) {
        return rules.stream().filter(Rule::enabled).anyMatch(r -> RuleReads.mayRead(r.condition(), path));
    }

    public Decision decide(JsonNode input) {
        return RuleEvaluator.decide(rules, input, configuredDefault);
    }
}
