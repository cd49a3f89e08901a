package io.signet.action;

import static org.assertj.core.api.Assertions.assertThat;

import io.signet.testing.ApiResponse;
import io.signet.testing.ServerSuite;
import io.signet.wire.Json;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Helpers of the actions and rules suites. Every test uses its own user ids and action codes, so
 * tenant-wide rules of one test never decide another's actions.
 */
abstract class ActionsTestBase extends ServerSuite {

    static String uid() {
        return "user-" + UUID.randomUUID();
    }

    static String code() {
        return "act_" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Creates a rule through the admin API and returns its id. */
    String rule(String actionCode, int priority, String outcome, String condition) {
        ApiResponse r = api.post("/admin/v1/rules", Map.of("name", "rule " + priority + " " + outcome,
                "actionCode", actionCode, "priority", priority, "outcome", outcome,
                "condition", Json.MAPPER.readTree(condition)));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().path("ruleId").asString();
    }

    /** Tracks and asserts 200. */
    JsonNode track(String userId, String actionCode, Object body) {
        ApiResponse r = api.post("/v1/users/" + userId + "/actions/" + actionCode, body);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    JsonNode getAction(String userId, String actionCode, String key) {
        ApiResponse r = api.get("/v1/users/" + userId + "/actions/" + actionCode + "/" + key);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    ApiResponse validate(Object body) {
        return api.post("/v1/validate", body);
    }
}
