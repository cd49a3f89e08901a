package io.signet.rule;

import static org.assertj.core.api.Assertions.assertThat;

import io.signet.wire.Json;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * A real {@link StackOverflowError} thrown inside rule code costs that rule only. The rule
 * nests a value {@value #DEPTH} levels deep (within {@link SizeBudget#MAX_NESTING}) and compares it with a
 * string, so ToString recurses that deep. Run on a thread whose stack is first filled by a padding
 * recursion, at some padding the overflow happens inside the rule's evaluation (never the same padding from
 * one JIT state to the next, hence the scan); there the decision is still made by the next rule.
 */
class RuleEvaluatorErrorTest {
    static final int DEPTH = 990;
    private static final int STACK_BYTES = 256 * 1024;

    private static Rule rule(String id, int priority, Outcome outcome, String condition) {
        return new Rule("t", id, "transfer", "rule " + id, null, Json.MAPPER.readTree(condition), priority, outcome,
                null, null, true, 1, 0, 0);
    }

    @Test
    void a_stack_overflow_inside_a_rule_is_that_rules_error_and_the_next_rule_decides() throws Exception {
        Rule nesting = rule("nesting", 2, Outcome.BLOCK, """
                {"==": [{"reduce": [{"var": "items"}, [{"var": "accumulator"}], 0]}, "x"]}""");
        Rule fallback = rule("fallback", 1, Outcome.REVIEW, "true");
        ArrayNode items = Json.MAPPER.createArrayNode();
        for (int i = 0; i < DEPTH; i++) {
            items.add(0);
        }
        JsonNode input = Json.MAPPER.createObjectNode().set("items", items);
        Supplier<Decision> decide = () -> RuleEvaluator.decide(List.of(nesting, fallback), input, null);

        assertThat(decide.get().results().getFirst().error()).as("on a full stack the rule just runs").isNull();
        Decision caught = null;
        for (int padding = 0; padding < 100_000 && caught == null; padding += 40) {
            Probe probe = onSmallStack(padding, decide);
            if (probe.overflowedOutside()) {
                break; // the padding alone (or the evaluator's own first frames) ran out of stack
            }
            if (probe.decision().results().getFirst().error() != null) {
                caught = probe.decision();
            }
        }
        assertThat(caught).as("some padding made the rule itself overflow").isNotNull();
        assertThat(caught.results().getFirst().error()).contains("StackOverflowError");
        assertThat(caught.results().getFirst().matched()).isFalse();
        assertThat(caught.outcome()).isEqualTo(Outcome.REVIEW);
        assertThat(caught.rule().ruleId()).isEqualTo("fallback");
    }

    private record Probe(Decision decision, boolean overflowedOutside) {
    }

    private static Probe onSmallStack(int padding, Supplier<Decision> decide) throws InterruptedException {
        AtomicReference<Probe> probe = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                probe.set(new Probe(pad(padding, decide), false));
            } catch (StackOverflowError outside) {
                probe.set(new Probe(null, true));
            }
        }, "small-stack", STACK_BYTES);
        t.start();
        t.join();
        return probe.get();
    }

    /** Fills the stack: each frame holds values used after the call, so no compiler can make it small. */
    private static Decision pad(int frames, Supplier<Decision> decide) {
        if (frames == 0) {
            return decide.get();
        }
        long a = frames * 31L;
        long b = a ^ 0x5DEECE66DL;
        long c = a + b;
        long d = c * 7;
        long e = d - a;
        long f = e ^ c;
        long g = f + b;
        long h = g * 13;
        Decision decision = pad(frames - 1, decide);
        return a + b + c + d + e + f + g + h == 42 ? null : decision;
    }
}
