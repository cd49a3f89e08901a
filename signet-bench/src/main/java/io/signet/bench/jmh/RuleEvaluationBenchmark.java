package io.signet.bench.jmh;

import io.signet.wire.Json;
import io.signet.rule.Decision;
import io.signet.rule.Outcome;
import io.signet.rule.Rule;
import io.signet.rule.RuleEvaluator;
import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import tools.jackson.databind.JsonNode;

/** Deciding a track with five typical rules (none matching, so every condition is evaluated). */
@State(Scope.Benchmark)
public class RuleEvaluationBenchmark {
    private final List<Rule> rules = new ArrayList<>();
    private final JsonNode input = Json.MAPPER.readTree("""
            {"actionCode":"transfer",
             "user":{"userId":"u1","email":"jane@example.com","isEnrolled":true,"custom":{"tier":"gold"}},
             "request":{"ipAddress":"203.0.113.7","userAgent":"Mozilla/5.0","deviceId":"d1","custom":{"amount":250}},
             "device":{"isKnown":true},"counts":{"actionsLastHour":3,"actionCodeLastHour":1}}""");

    public RuleEvaluationBenchmark() {
        String[] conditions = {
            "{\"and\":[{\">\":[{\"var\":\"request.custom.amount\"},1000]},{\"!\":{\"var\":\"device.isKnown\"}}]}",
            "{\">\":[{\"var\":\"counts.actionsLastHour\"},20]}",
            "{\"in\":[{\"var\":\"request.ipAddress\"},[\"198.51.100.1\",\"198.51.100.2\"]]}",
            "{\"==\":[{\"var\":\"user.custom.tier\"},\"blocked\"]}",
            "{\"and\":[{\"!\":{\"var\":\"user.isEnrolled\"}},{\">\":[{\"var\":\"request.custom.amount\"},100]}]}",
        };
        for (int i = 0; i < conditions.length; i++) {
            rules.add(new Rule("t1", "rule-" + i, "transfer", "rule " + i, null, Json.MAPPER.readTree(conditions[i]),
                    i, Outcome.CHALLENGE, null, null, true, 1, 0, 0));
        }
    }

    @Benchmark
    public Decision decideWithFiveRules() {
        return RuleEvaluator.decide(rules, input, Outcome.ALLOW);
    }
}
