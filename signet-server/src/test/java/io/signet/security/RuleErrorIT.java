package io.signet.security;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.signet.wire.Json;
import io.signet.rule.RuleEvaluator;
import io.signet.testing.ApiResponse;
import io.signet.testing.Backend;
import io.signet.testing.ServerSuite;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Through HTTP: a reduce that wraps its accumulator in an array literal nests a value
 * {@value #DEPTH} levels deep within the size bounds; compared with a string, JavaScript's ToString would
 * recurse that deep and overflow a request thread's stack (Jetty serves on virtual threads; it did, before
 * the nesting bound). Now the nesting bound refuses the value first. The rule costs only itself: it counts as
 * not matched with its error in the explanation, the next rule decides, and the server goes on serving.
 * This test fails when the nesting bound is removed (the overflow then reaches the evaluator's guard and is
 * logged). The guard itself, catching a real StackOverflowError inside rule code, is proven by
 * {@code RuleEvaluatorErrorTest}: over HTTP the nesting bound always stops such a value first.
 */
class RuleErrorIT extends ServerSuite {
    static final int DEPTH = 1_500;
    private static final String NESTING = """
            {"==": [{"reduce": [{"var": "request.custom.items"}, [{"var": "accumulator"}], 0]}, "x"]}""";

    @Override
    protected Backend backend() {
        return Backend.SQLITE;
    }

    @Test
    void a_value_nested_deeper_than_the_bound_costs_that_rule_and_the_request_and_server_carry_on() {
        String action = "deep" + UUID.randomUUID().toString().substring(0, 8);
        createRule(action, "nesting", 2, "BLOCK", NESTING);
        createRule(action, "fallback", 1, "REVIEW", "{\"==\": [1, 1]}");
        List<Integer> items = Collections.nCopies(DEPTH, 0);

        Logger logger = (Logger) LoggerFactory.getLogger(RuleEvaluator.class);
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        logger.addAppender(captured);
        try {
            ApiResponse tracked = api.post("/v1/users/u-" + action + "/actions/" + action,
                    Map.of("custom", Map.of("items", items)));
            assertThat(tracked.status()).as(tracked.toString()).isEqualTo(200);
            assertThat(tracked.json().path("state").asString()).isEqualTo("REVIEW_REQUIRED");

            ApiResponse dry = api.post("/admin/v1/rules/dry-run", Map.of("actionCode", action,
                    "input", Map.of("request", Map.of("custom", Map.of("items", items)))));
            assertThat(dry.status()).as(dry.toString()).isEqualTo(200);
            JsonNode nesting = dry.json().path("rules").get(0);
            assertThat(nesting.path("matched").asBoolean()).isFalse();
            assertThat(nesting.path("error").asString()).contains("nested more than");
        } finally {
            logger.detachAppender(captured);
        }
        assertThat(captured.list).as("no Error reached the evaluator's guard").isEmpty();

        assertThat(api.withKey(null).get("/health").status()).isEqualTo(200);
        ApiResponse next = api.post("/v1/users/u2-" + action + "/actions/" + action, Map.of());
        assertThat(next.status()).as(next.toString()).isEqualTo(200);
        assertThat(next.json().path("state").asString()).isEqualTo("REVIEW_REQUIRED");
    }

    private void createRule(String action, String name, int priority, String outcome, String condition) {
        ApiResponse r = api.post("/admin/v1/rules", Map.of("name", name, "actionCode", action, "priority", priority,
                "outcome", outcome, "condition", Json.MAPPER.readTree(condition)));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }
}
