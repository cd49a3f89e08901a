package io.signet.rule;

import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * How one rule fared on one input: whether it matched, the values its condition read (by {@code var}
 * path), and the error when it could not be evaluated (then it did not match). Stored with each action
 * as its explanation, and returned by dry runs.
 */
public record RuleResult(
        String ruleId,
        String name,
        int version,
        int priority,
        Outcome outcome,
        JsonNode condition,
        boolean matched,
        Map<String, JsonNode> reads,
        String error) {

    public RuleResult {
        reads = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(reads));
    }
}
