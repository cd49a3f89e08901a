package io.signet.rule;

import static org.assertj.core.api.Assertions.assertThat;

import io.signet.wire.Json;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class RuleEvaluatorTest {

    private static Rule rule(String id, int priority, Outcome outcome, String condition) {
        return new Rule("t", id, "transfer", "rule " + id, null, Json.MAPPER.readTree(condition), priority, outcome,
                null, null, true, 1, 0, 0);
    }

    private static JsonNode input(boolean enrolled, int amount) {
        return Json.MAPPER.readTree("{\"user\": {\"isEnrolled\": " + enrolled + "}, \"request\": {\"custom\": {\"amount\": "
                + amount + "}}}");
    }

    @Test
    void without_rules_or_configuration_an_enrolled_user_is_challenged_and_others_allowed() {
        assertThat(RuleEvaluator.decide(List.of(), input(true, 1), null).outcome()).isEqualTo(Outcome.CHALLENGE);
        Decision d = RuleEvaluator.decide(List.of(), input(false, 1), null);
        assertThat(d.outcome()).isEqualTo(Outcome.ALLOW);
        assertThat(d.decidedBy()).isEqualTo(Decision.DecidedBy.ENROLLMENT_DEFAULT);
    }

    @Test
    void a_configured_default_applies_when_no_rule_matches() {
        Decision d = RuleEvaluator.decide(List.of(rule("a", 1, Outcome.BLOCK, "false")), input(true, 1), Outcome.REVIEW);
        assertThat(d.outcome()).isEqualTo(Outcome.REVIEW);
        assertThat(d.decidedBy()).isEqualTo(Decision.DecidedBy.ACTION_DEFAULT);
        assertThat(d.matchedRuleIds()).isEmpty();
    }

    @Test
    void the_highest_priority_match_wins_and_every_match_is_listed_in_priority_order() {
        String over100 = "{\">\": [{\"var\": \"request.custom.amount\"}, 100]}";
        Decision d = RuleEvaluator.decide(List.of(
                rule("low", 1, Outcome.REVIEW, over100),
                rule("high", 10, Outcome.BLOCK, over100),
                rule("never", 50, Outcome.ALLOW, "{\"<\": [{\"var\": \"request.custom.amount\"}, 0]}")),
                input(false, 500), Outcome.ALLOW);
        assertThat(d.outcome()).isEqualTo(Outcome.BLOCK);
        assertThat(d.rule().ruleId()).isEqualTo("high");
        assertThat(d.matchedRuleIds()).containsExactly("high", "low");
        assertThat(d.results().getFirst().reads().get("request.custom.amount").asInt()).isEqualTo(500);
    }

    @Test
    void a_rule_that_errors_is_recorded_and_the_others_still_decide() {
        Decision d = RuleEvaluator.decide(List.of(
                rule("broken", 10, Outcome.BLOCK, "{\"missing_some\": [1, {\"var\": \"request.custom.fields\"}]}"),
                rule("ok", 1, Outcome.REVIEW, "true")), input(false, 1), null);
        assertThat(d.outcome()).isEqualTo(Outcome.REVIEW);
        assertThat(d.results().getFirst().error()).contains("missing_some");
        assertThat(d.results().getFirst().matched()).isFalse();
    }

    @Test
    void disabled_rules_are_skipped() {
        Rule off = new Rule("t", "off", null, "off", null, Json.MAPPER.readTree("true"), 1, Outcome.BLOCK,
                null, null, false, 1, 0, 0);
        assertThat(RuleEvaluator.decide(List.of(off), input(false, 1), null).results()).isEmpty();
    }

    @Test
    void evaluation_is_bounded() {
        StringBuilder deep = new StringBuilder("true");
        for (int i = 0; i < JsonLogic.MAX_DEPTH + 5; i++) {
            deep.insert(0, "{\"!!\": [").append("]}");
        }
        Decision d = RuleEvaluator.decide(List.of(rule("deep", 1, Outcome.BLOCK, deep.toString())), input(false, 1), null);
        assertThat(d.results().getFirst().error()).contains("nested");
    }
}
