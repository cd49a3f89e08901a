package io.signet.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.signet.wire.Json;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** What a rule evaluation may allocate is bounded, at save time and when it runs. */
class JsonLogicBoundsTest {
    /** reduce + cat doubling a string: 10 × 2^40 characters unbounded; refused after about 1 MB. */
    private static final String DOUBLING = """
            {"reduce": [[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32,33,
            34,35,36,37,38,39,40], {"cat": [{"var": "accumulator"}, {"var": "accumulator"}]}, "0123456789"]}""";

    private static JsonNode json(String s) {
        return Json.MAPPER.readTree(s);
    }

    @Test
    void a_doubling_string_stops_at_the_size_bound_instead_of_exhausting_the_heap() {
        assertThatThrownBy(() -> JsonLogic.apply(json(DOUBLING), json("{}")))
                .isInstanceOf(JsonLogicException.class).hasMessageContaining("grew beyond");
    }

    @Test
    void concatenating_many_copies_of_a_large_input_is_refused_before_it_is_built() {
        String big = "x".repeat(200_000);
        JsonNode data = Json.MAPPER.createObjectNode().put("s", big);
        JsonNode merge = json("{\"merge\": [" + String.join(",", java.util.Collections.nCopies(10,
                "{\"var\": \"s\"}")) + "]}");
        assertThatThrownBy(() -> JsonLogic.apply(merge, data)).isInstanceOf(JsonLogicException.class);
        JsonNode cat = json("{\"cat\": [{\"merge\": [{\"var\": \"s\"}, {\"var\": \"s\"}]}, {\"var\": \"s\"},"
                + "{\"var\": \"s\"}, {\"var\": \"s\"}, {\"var\": \"s\"}]}");
        assertThatThrownBy(() -> JsonLogic.apply(cat, data)).isInstanceOf(JsonLogicException.class);
        assertThat(JsonLogic.apply(json("{\"cat\": [{\"var\": \"s\"}, \"!\"]}"), data).stringValue())
                .hasSize(200_001);
    }

    @Test
    void a_rule_that_exhausts_its_bounds_on_empty_data_is_refused_when_saved() {
        assertThatThrownBy(() -> JsonLogic.check(json(DOUBLING))).isInstanceOf(JsonLogicException.class);
        // data-dependent failures are left to run time, as before
        JsonLogic.check(json("{\"missing_some\": [1, {\"var\": \"x\"}]}"));
        JsonLogic.check(json("{\">\": [{\"var\": \"amount\"}, 100]}"));
    }

    @Test
    void a_rule_over_its_bounds_does_not_match_and_the_decision_is_still_made() {
        Rule bomb = new Rule("t", "r-bomb", "signIn", "bomb", null, json(DOUBLING), 1, Outcome.BLOCK, null, null,
                true, 1, 0, 0);
        Decision d = RuleEvaluator.decide(List.of(bomb), json("{\"user\": {\"isEnrolled\": false}}"), null);
        assertThat(d.outcome()).isEqualTo(Outcome.ALLOW);
        assertThat(d.results().getFirst().matched()).isFalse();
        assertThat(d.results().getFirst().error()).contains("grew beyond");
    }
}
