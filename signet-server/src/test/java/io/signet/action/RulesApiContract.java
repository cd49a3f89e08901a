package io.signet.action;

import static org.assertj.core.api.Assertions.assertThat;

import io.signet.testing.ApiResponse;
import io.signet.wire.Json;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/** Rules through the real HTTP port: outcomes, priorities, errors, explanation, versions, dry runs. */
abstract class RulesApiContract extends ActionsTestBase {
    static final String OVER_1000 = "{\">\": [{\"var\": \"request.custom.amount\"}, 1000]}";

    @ParameterizedTest
    @CsvSource({"ALLOW,ALLOW", "CHALLENGE,CHALLENGE_REQUIRED", "REVIEW,REVIEW_REQUIRED", "BLOCK,BLOCK"})
    void track_returns_the_state_of_the_matching_rule(String outcome, String state) {
        String code = code();
        String ruleId = rule(code, 1, outcome, OVER_1000);
        JsonNode r = track(uid(), code, Map.of("custom", Map.of("amount", 1500)));
        assertThat(r.path("state").asString()).isEqualTo(state);
        assertThat(r.path("ruleIds").get(0).asString()).isEqualTo(ruleId);
        JsonNode small = track(uid(), code, Map.of("custom", Map.of("amount", 5)));
        assertThat(small.path("state").asString()).as("unenrolled user, nothing configured").isEqualTo("ALLOW");
        assertThat(small.path("ruleIds").isEmpty()).isTrue();
    }

    @Test
    void the_configured_default_outcome_applies_when_no_rule_matches() {
        String code = code();
        ApiResponse set = api.patch("/admin/v1/action-configurations/" + code, Map.of("defaultOutcome", "CHALLENGE"));
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(track(uid(), code, null).path("state").asString()).isEqualTo("CHALLENGE_REQUIRED");
        JsonNode list = api.get("/admin/v1/action-configurations").json().path("actionConfigurations");
        assertThat(list.toString()).contains(code);
        api.patch("/admin/v1/action-configurations/" + code, "{\"defaultOutcome\": null}");
        assertThat(track(uid(), code, null).path("state").asString()).isEqualTo("ALLOW");
        assertThat(api.patch("/admin/v1/action-configurations/" + code, Map.of("defaultOutcome", "MAYBE"))
                .errorDescription()).contains("defaultOutcome");
    }

    @Test
    void the_highest_priority_matching_rule_decides() {
        String code = code();
        String review = rule(code, 5, "REVIEW", OVER_1000);
        String block = rule(code, 10, "BLOCK", "{\">\": [{\"var\": \"request.custom.amount\"}, 5000]}");
        JsonNode big = track(uid(), code, Map.of("custom", Map.of("amount", 9000)));
        assertThat(big.path("state").asString()).isEqualTo("BLOCK");
        assertThat(big.path("ruleIds").toString()).isEqualTo("[\"" + block + "\",\"" + review + "\"]");
        assertThat(track(uid(), code, Map.of("custom", Map.of("amount", 2000))).path("state").asString())
                .isEqualTo("REVIEW_REQUIRED");
    }

    @Test
    void a_rule_that_errors_does_not_stop_the_others_and_its_error_is_visible() {
        String code = code();
        String broken = rule(code, 10, "BLOCK", "{\"missing_some\": [1, {\"var\": \"request.custom.fields\"}]}");
        rule(code, 1, "REVIEW", OVER_1000);
        String user = uid();
        JsonNode r = track(user, code, Map.of("custom", Map.of("amount", 2000), "idempotencyKey", "k-" + uid()));
        assertThat(r.path("state").asString()).isEqualTo("REVIEW_REQUIRED");
        JsonNode rules = getAction(user, code, r.path("idempotencyKey").asString()).path("explanation").path("rules");
        assertThat(rules.get(0).path("ruleId").asString()).isEqualTo(broken);
        assertThat(rules.get(0).path("error").asString()).contains("missing_some");
        assertThat(rules.get(0).path("matched").asBoolean(true)).isFalse();
    }

    @Test
    void getAction_explains_which_rules_matched_and_the_values_they_read() {
        String code = code();
        String ruleId = rule(code, 1, "CHALLENGE",
                "{\"and\": [" + OVER_1000 + ", {\"!\": {\"var\": \"device.isKnown\"}}]}");
        String user = uid();
        JsonNode t = track(user, code, Map.of("custom", Map.of("amount", 1500), "deviceId", "dev-1"));
        JsonNode a = getAction(user, code, t.path("idempotencyKey").asString());
        assertThat(a.path("state").asString()).isEqualTo("CHALLENGE_REQUIRED");
        assertThat(a.path("priorityRuleId").asString()).isEqualTo(ruleId);
        assertThat(a.path("rules").get(0).path("ruleId").asString()).isEqualTo(ruleId);
        JsonNode e = a.path("explanation");
        assertThat(e.path("decidedBy").asString()).isEqualTo("RULE");
        assertThat(e.path("decidedByRuleVersion").asInt()).isEqualTo(1);
        JsonNode reads = e.path("rules").get(0).path("reads");
        assertThat(reads.path("request.custom.amount").asInt()).isEqualTo(1500);
        assertThat(reads.path("device.isKnown").asBoolean(true)).isFalse();
        assertThat(e.path("rules").get(0).path("condition").has("and")).isTrue();
        Map<String, Object> again = Map.of("custom", Map.of("amount", 1500), "deviceId", "dev-1");
        assertThat(track(user, code, again).path("state").asString())
                .as("a pending challenge does not make the device known").isEqualTo("CHALLENGE_REQUIRED");
        assertThat(track(user, code, Map.of("custom", Map.of("amount", 10), "deviceId", "dev-1"))
                .path("state").asString()).isEqualTo("ALLOW");
        assertThat(track(user, code, again).path("state").asString())
                .as("an allowed action from the device makes it known").isEqualTo("ALLOW");
        assertThat(track(user, code, Map.of("custom", Map.of("amount", 1500), "deviceId", "dev-2"))
                .path("state").asString()).isEqualTo("CHALLENGE_REQUIRED");
    }

    @Test
    void rules_can_be_listed_updated_with_a_new_version_and_deleted() {
        String code = code();
        String ruleId = rule(code, 1, "BLOCK", "true");
        ApiResponse updated = api.patch("/admin/v1/rules/" + ruleId, Map.of("outcome", "REVIEW", "description", "why"));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().path("version").asInt()).isEqualTo(2);
        assertThat(updated.json().path("outcome").asString()).isEqualTo("REVIEW");
        String user = uid();
        JsonNode t = track(user, code, null);
        assertThat(getAction(user, code, t.path("idempotencyKey").asString())
                .path("explanation").path("decidedByRuleVersion").asInt()).isEqualTo(2);
        assertThat(api.get("/admin/v1/rules?actionCode=" + code).json().path("rules").get(0).path("ruleId").asString())
                .isEqualTo(ruleId);
        assertThat(api.delete("/admin/v1/rules/" + ruleId).status()).isEqualTo(200);
        assertThat(api.get("/admin/v1/rules/" + ruleId).status()).isEqualTo(404);
        assertThat(track(uid(), code, null).path("state").asString()).isEqualTo("ALLOW");
    }

    @Test
    void invalid_rules_are_refused_with_the_field_named() {
        ApiResponse unknownOp = api.post("/admin/v1/rules", Map.of("name", "x", "outcome", "BLOCK",
                "condition", Json.MAPPER.readTree("{\"regex\": [\"a\", \"b\"]}")));
        assertThat(unknownOp.status()).isEqualTo(400);
        assertThat(unknownOp.errorDescription()).contains("condition").contains("regex");
        ApiResponse badOutcome = api.post("/admin/v1/rules", Map.of("name", "x", "outcome", "NOPE", "condition", true));
        assertThat(badOutcome.errorDescription()).contains("outcome");
        ApiResponse badCode = api.post("/admin/v1/rules", Map.of("name", "x", "outcome", "BLOCK", "condition", true,
                "actionCode", "a b"));
        assertThat(badCode.errorDescription()).contains("actionCode");
        ApiResponse badMethod = api.post("/admin/v1/rules", Map.of("name", "x", "outcome", "CHALLENGE",
                "condition", true, "allowedVerificationMethods", java.util.List.of("SMS", "CARRIER_PIGEON")));
        assertThat(badMethod.status()).isEqualTo(400);
        assertThat(api.patch("/admin/v1/rules/nope", Map.of("priority", 2)).status()).isEqualTo(404);
    }

    @Test
    void a_rule_can_restrict_the_verification_methods() {
        String code = code();
        ApiResponse r = api.post("/admin/v1/rules", Map.of("name", "sms only", "actionCode", code, "outcome",
                "CHALLENGE", "condition", true, "allowedVerificationMethods", java.util.List.of("SMS", "PASSKEY"),
                "defaultVerificationMethod", "PASSKEY"));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode t = track(uid(), code, null);
        assertThat(t.path("allowedVerificationMethods").toString()).isEqualTo("[\"SMS\",\"PASSKEY\"]");
        assertThat(t.path("defaultVerificationMethod").asString()).isEqualTo("PASSKEY");
    }

    @Test
    void dry_run_decides_a_given_input_and_replays_a_recorded_action_without_recording() {
        String code = code();
        String ruleId = rule(code, 1, "BLOCK", OVER_1000);
        ApiResponse dry = api.post("/admin/v1/rules/dry-run", Map.of("actionCode", code,
                "input", Map.of("request", Map.of("custom", Map.of("amount", 2000)))));
        assertThat(dry.status()).as(dry.toString()).isEqualTo(200);
        assertThat(dry.json().path("state").asString()).isEqualTo("BLOCK");
        assertThat(dry.json().path("decidedByRuleId").asString()).isEqualTo(ruleId);
        assertThat(dry.json().path("rules").get(0).path("reads").path("request.custom.amount").asInt()).isEqualTo(2000);

        String user = uid();
        JsonNode t = track(user, code, Map.of("custom", Map.of("amount", 10)));
        assertThat(t.path("state").asString()).isEqualTo("ALLOW");
        api.patch("/admin/v1/rules/" + ruleId, Map.of("condition", Json.MAPPER.readTree(
                "{\"<\": [{\"var\": \"request.custom.amount\"}, 100]}")));
        ApiResponse replay = api.post("/admin/v1/rules/dry-run", Map.of("idempotencyKey", t.path("idempotencyKey").asString()));
        assertThat(replay.json().path("state").asString()).as(replay.toString()).isEqualTo("BLOCK");
        assertThat(replay.json().path("decidedByRuleVersion").asInt()).isEqualTo(2);
        assertThat(getAction(user, code, t.path("idempotencyKey").asString()).path("state").asString()).isEqualTo("ALLOW");
        assertThat(api.post("/admin/v1/rules/dry-run", Map.of("actionCode", code)).errorDescription()).contains("input");
    }

    @Test
    void rules_of_one_tenant_never_decide_for_another() {
        String code = code();
        rule(code, 1, "BLOCK", "true");
        ApiResponse other = server.newTenant("other-" + code).post("/v1/users/" + uid() + "/actions/" + code, null);
        assertThat(other.json().path("state").asString()).isEqualTo("ALLOW");
    }
}
