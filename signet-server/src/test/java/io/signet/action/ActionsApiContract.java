package io.signet.action;

import static org.assertj.core.api.Assertions.assertThat;

import io.signet.testing.ApiResponse;
import io.signet.testing.TestServer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** track, getAction, updateAction, queryUserActions and validate through the real HTTP port. */
abstract class ActionsApiContract extends ActionsTestBase {

    @ParameterizedTest
    @ValueSource(strings = {"", "null", "{}", "{\"redirectToSettings\": null}", "{\"redirectToSettings\": false}"})
    void track_accepts_every_empty_body_the_SDKs_send_and_answers_every_contract_field(String body) {
        String user = uid();
        ApiResponse r = api.send("POST", "/v1/users/" + user + "/actions/signIn", body.isEmpty() ? null : body,
                Map.of("Content-Type", "application/json"));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode j = r.json();
        assertThat(j.path("state").asString()).isEqualTo("ALLOW");
        assertThat(j.path("idempotencyKey").asString()).isNotEmpty();
        assertThat(j.path("token").asString()).startsWith("eyJ").matches("[A-Za-z0-9_.-]+");
        assertThat(j.path("url").asString()).startsWith(server.baseUrl()).contains("?token=");
        assertThat(j.path("isEnrolled").isBoolean()).isTrue();
        assertThat(j.path("ruleIds").isArray()).isTrue();
        assertThat(j.path("enrolledVerificationMethods").isArray()).isTrue();
        assertThat(api.get("/v1/users?limit=1000").body()).contains(user);
    }

    @Test
    void an_enrolled_user_is_challenged_by_default_and_the_token_is_not_yet_valid() {
        String user = uid();
        ApiResponse enrolled = api.post("/v1/users/" + user + "/authenticators",
                Map.of("verificationMethod", "SMS", "phoneNumber", "+64271234567"));
        assertThat(enrolled.status()).as(enrolled.toString()).isEqualTo(200);
        JsonNode t = track(user, "Login", null);
        assertThat(t.path("state").asString()).isEqualTo("CHALLENGE_REQUIRED");
        assertThat(t.path("isEnrolled").asBoolean()).isTrue();
        assertThat(t.path("enrolledVerificationMethods").toString()).contains("SMS");
        JsonNode v = validate(Map.of("token", t.path("token").asString())).json();
        assertThat(v.path("isValid").asBoolean(true)).isFalse();
        assertThat(v.path("state").asString()).isEqualTo("CHALLENGE_REQUIRED");
        assertThat(getAction(user, "Login", t.path("idempotencyKey").asString()).path("explanation")
                .path("decidedBy").asString()).isEqualTo("ENROLLMENT_DEFAULT");
    }

    @Test
    void track_creates_the_user_with_the_attributes_sent_and_echoes_the_callers_key() {
        String user = uid();
        JsonNode t = track(user, "signIn", Map.of("idempotencyKey", "key-" + user, "email", "jane@example.com",
                "phoneNumber", "+64271234567", "username", "jane", "displayName", "Jane", "custom", Map.of("tier", 2)));
        assertThat(t.path("idempotencyKey").asString()).isEqualTo("key-" + user);
        JsonNode u = api.get("/v1/users/" + user).json();
        assertThat(u.path("email").asString()).isEqualTo("jane@example.com");
        assertThat(u.path("displayName").asString()).isEqualTo("Jane");
        assertThat(u.has("custom")).as("track's custom is the action's, not the user's").isFalse();
        assertThat(getAction(user, "signIn", "key-" + user).path("custom").toString()).isEqualTo("{\"tier\":2}");
    }

    @Test
    void track_keeps_its_custom_with_the_action_and_leaves_the_users_custom_as_updateUser_set_it() {
        String user = uid();
        api.patch("/v1/users/" + user, Map.of("custom", Map.of("plan", "pro")));
        String rule = api.post("/admin/v1/rules", Map.of("name", "pro plan, large amount", "actionCode", "customPay",
                "outcome", "REVIEW", "condition", Map.of("and", List.of(
                        Map.of("==", List.of(Map.of("var", "user.custom.plan"), "pro")),
                        Map.of(">", List.of(Map.of("var", "request.custom.amount"), 100)))))).json()
                .path("ruleId").asString();

        JsonNode t = track(user, "customPay", "{\"custom\": {\"amount\": 500, \"items\": [\"a\", \"b\"]}}");
        assertThat(t.path("state").asString()).as("rules read both").isEqualTo("REVIEW_REQUIRED");
        track(user, "customPay", Map.of("custom", Map.of("amount", 5)));

        assertThat(api.get("/v1/users/" + user).json().path("custom").toString()).isEqualTo("{\"plan\":\"pro\"}");
        JsonNode action = getAction(user, "customPay", t.path("idempotencyKey").asString());
        assertThat(action.path("custom").toString()).isEqualTo("{\"amount\":500,\"items\":[\"a\",\"b\"]}");
        assertThat(action.path("priorityRuleId").asString()).isEqualTo(rule);
        JsonNode listed = api.get("/v1/users/" + user + "/actions?codes=customPay").json();
        assertThat(listed.get(0).path("custom").toString()).isEqualTo("{\"amount\":5}");
        assertThat(listed.get(1).path("custom").path("amount").asInt()).isEqualTo(500);
        JsonNode bare = track(user, "customPay", null);
        assertThat(getAction(user, "customPay", bare.path("idempotencyKey").asString()).has("custom")).isFalse();
        api.delete("/admin/v1/rules/" + rule);
    }

    @Test
    void invalid_input_is_a_400_naming_the_field_and_writes_nothing() {
        String user = uid();
        assertThat(api.post("/v1/users/" + user + "/actions/a%20b", null).errorDescription()).contains("action");
        assertThat(api.post("/v1/users/" + user + "/actions/" + "x".repeat(65), null).status()).isEqualTo(400);
        assertThat(api.post("/v1/users/" + user + "/actions/signIn", Map.of("email", "not-an-email"))
                .errorDescription()).contains("email");
        assertThat(api.post("/v1/users/" + user + "/actions/signIn", Map.of("redirectUrl", "javascript:x"))
                .errorDescription()).contains("redirectUrl");
        assertThat(api.post("/v1/users/" + user + "/actions/signIn", Map.of("scope", "root"))
                .errorDescription()).contains("scope");
        assertThat(api.post("/v1/users/" + user + "/actions/signIn", Map.of("custom", "x")).status()).isEqualTo(400);
        assertThat(api.get("/v1/users/" + user + "/actions").json().isEmpty()).isTrue();
        assertThat(api.get("/v1/users?limit=1000").body()).doesNotContain(user);
    }

    @Test
    void twenty_parallel_identical_tracks_record_exactly_one_action() throws Exception {
        String user = uid();
        String body = "{\"idempotencyKey\": \"race-" + user + "\", \"email\": \"race@example.com\"}";
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Callable<ApiResponse>> calls = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                calls.add(() -> api.post("/v1/users/" + user + "/actions/pay", body));
            }
            List<JsonNode> results = new ArrayList<>();
            for (Future<ApiResponse> f : pool.invokeAll(calls)) {
                assertThat(f.get().status()).as(f.get().toString()).isEqualTo(200);
                results.add(f.get().json());
            }
            assertThat(results.stream().map(j -> j.path("idempotencyKey").asString()).collect(Collectors.toSet()))
                    .containsExactly("race-" + user);
        } finally {
            pool.shutdownNow();
        }
        assertThat(api.get("/v1/users/" + user + "/actions").json().size()).isEqualTo(1);
    }

    @Test
    void a_key_of_another_action_is_a_conflict() {
        String user = uid();
        track(user, "signIn", Map.of("idempotencyKey", "shared-" + user));
        ApiResponse r = api.post("/v1/users/" + user + "/actions/transfer", Map.of("idempotencyKey", "shared-" + user));
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.errorDescription()).contains("idempotencyKey");
    }

    @Test
    void getAction_returns_the_recorded_action_and_404_for_unknown_keys() {
        String user = uid();
        JsonNode t = track(user, "signIn", null);
        JsonNode a = getAction(user, "signIn", t.path("idempotencyKey").asString());
        assertThat(a.path("state").asString()).isEqualTo("ALLOW");
        assertThat(a.path("createdAt").asString()).endsWith("Z");
        assertThat(a.path("stateUpdatedAt").asString()).endsWith("Z");
        assertThat(a.path("explanation").path("decidedBy").asString()).isEqualTo("ENROLLMENT_DEFAULT");
        assertThat(api.get("/v1/users/" + user + "/actions/signIn/nope").errorCode()).isEqualTo("not_found");
        assertThat(api.get("/v1/users/" + uid() + "/actions/signIn/" + t.path("idempotencyKey").asString())
                .status()).isEqualTo(404);
    }

    @Test
    void updateAction_allows_legal_transitions_and_lists_them_otherwise() {
        String user = uid();
        String code = code();
        api.patch("/admin/v1/action-configurations/" + code, Map.of("defaultOutcome", "CHALLENGE"));
        String key = track(user, code, null).path("idempotencyKey").asString();
        String path = "/v1/users/" + user + "/actions/" + code + "/" + key;
        ApiResponse review = api.patch(path, Map.of("state", "REVIEW_REQUIRED"));
        assertThat(review.json().path("state").asString()).as(review.toString()).isEqualTo("REVIEW_REQUIRED");
        assertThat(getAction(user, code, key).path("state").asString()).isEqualTo("REVIEW_REQUIRED");
        ApiResponse forged = api.patch(path, Map.of("state", "CHALLENGE_SUCCEEDED"));
        assertThat(forged.status()).isEqualTo(400);
        assertThat(forged.errorDescription()).contains("ALLOW, BLOCK, REVIEW_SUCCEEDED, REVIEW_FAILED");
        assertThat(api.patch(path, Map.of("state", "ALLOW")).json().path("state").asString()).isEqualTo("ALLOW");
        assertThat(api.patch(path, Map.of("state", "SOMETHING")).errorDescription()).contains("state");
        assertThat(api.patch(path, Map.of()).errorDescription()).contains("state");
        assertThat(api.patch("/v1/users/" + user + "/actions/" + code + "/nope", Map.of("state", "BLOCK")).status())
                .isEqualTo(404);
    }

    @Test
    void queryUserActions_filters_by_codes_state_and_date_newest_first_with_pages() {
        String user = uid();
        String first = track(user, "signIn", null).path("idempotencyKey").asString();
        String second = track(user, "transfer", null).path("idempotencyKey").asString();
        String third = track(user, "other", null).path("idempotencyKey").asString();
        api.patch("/v1/users/" + user + "/actions/transfer/" + second, Map.of("state", "BLOCK"));
        String base = "/v1/users/" + user + "/actions";
        assertThat(keys(api.get(base).json())).containsExactly(third, second, first);
        assertThat(keys(api.get(base + "?codes=signIn%2Ctransfer").json())).containsExactly(second, first);
        assertThat(keys(api.get(base + "?state=BLOCK").json())).containsExactly(second);
        assertThat(keys(api.get(base + "?fromDate=2000-01-01T00:00:00.000Z").json())).hasSize(3);
        assertThat(keys(api.get(base + "?fromDate=2999-01-01T00:00:00.000Z").json())).isEmpty();
        assertThat(keys(api.get(base + "?limit=2").json())).containsExactly(third, second);
        assertThat(keys(api.get(base + "?limit=2&lastEvaluatedIdempotencyKey=" + second).json())).containsExactly(first);
        JsonNode item = api.get(base + "?codes=signIn").json().get(0);
        assertThat(item.path("actionCode").asString()).isEqualTo("signIn");
        assertThat(item.path("createdAt").asString()).endsWith("Z");
        assertThat(api.get(base + "?fromDate=yesterday").errorDescription()).contains("fromDate");
        assertThat(api.get(base + "?state=MAYBE").errorDescription()).contains("state");
        assertThat(api.get(base + "?codes=a%20b").errorDescription()).contains("codes");
    }

    private static List<String> keys(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(a -> out.add(a.path("idempotencyKey").asString()));
        return out;
    }

    @Test
    void validate_reports_the_action_for_its_token_sending_actionCode_and_action() {
        String user = uid();
        String code = code();
        api.patch("/admin/v1/action-configurations/" + code, Map.of("defaultOutcome", "CHALLENGE"));
        JsonNode t = track(user, code, null);
        ApiResponse v = validate(Map.of("token", t.path("token").asString(), "userId", user, "action", code));
        assertThat(v.status()).isEqualTo(200);
        JsonNode j = v.json();
        assertThat(j.path("isValid").asBoolean(true)).isFalse();
        assertThat(j.path("state").asString()).isEqualTo("CHALLENGE_REQUIRED");
        assertThat(j.path("userId").asString()).isEqualTo(user);
        assertThat(j.path("actionCode").asString()).isEqualTo(code);
        assertThat(j.path("action").asString()).isEqualTo(code);
        assertThat(j.path("idempotencyKey").asString()).isEqualTo(t.path("idempotencyKey").asString());
        assertThat(j.path("stateUpdatedAt").asString()).endsWith("Z");

        JsonNode allowed = track(uid(), "signIn", null);
        JsonNode ok = validate(Map.of("token", allowed.path("token").asString())).json();
        assertThat(ok.path("isValid").asBoolean()).isTrue();
        assertThat(validate(Map.of("token", allowed.path("token").asString())).json().path("isValid").asBoolean())
                .as("tokens are reusable until they expire").isTrue();
    }

    @Test
    void validate_refuses_every_bad_token_with_isValid_false_never_an_error() {
        String user = uid();
        String token = track(user, "signIn", null).path("token").asString();
        String[] parts = token.split("\\.");
        String tamperedPayload = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2)
                + (parts[1].endsWith("A") ? "BB" : "AA") + "." + parts[2];
        String unsigned = "eyJhbGciOiJub25lIn0." + parts[1] + ".";
        Map<String, Map<String, String>> cases = new HashMap<>();
        cases.put("garbage", Map.of("token", "not-a-token"));
        cases.put("tampered", Map.of("token", tamperedPayload));
        cases.put("alg none", Map.of("token", unsigned));
        cases.put("other user", Map.of("token", token, "userId", uid()));
        cases.put("other action", Map.of("token", token, "action", "transfer"));
        for (var c : cases.entrySet()) {
            ApiResponse r = validate(c.getValue());
            assertThat(r.status()).as(c.getKey()).isEqualTo(200);
            assertThat(r.json().path("isValid").asBoolean(true)).as(c.getKey()).isFalse();
            assertThat(r.json().path("error").asString()).as(c.getKey()).isNotEmpty();
            assertThat(r.json().has("userId")).as(c.getKey()).isFalse();
        }
        ApiResponse otherTenant = server.newTenant("t-" + user).post("/v1/validate", Map.of("token", token));
        assertThat(otherTenant.status()).isEqualTo(200);
        assertThat(otherTenant.json().path("isValid").asBoolean(true)).isFalse();
        assertThat(validate(Map.of()).errorDescription()).contains("token");
        api.delete("/v1/users/" + user);
        assertThat(validate(Map.of("token", token)).json().path("error").asString()).contains("no longer exists");
    }

    @Test
    void an_expired_token_is_invalid_on_any_node() {
        String token = track(uid(), "signIn", null).path("token").asString();
        Clock later = Clock.offset(Clock.systemUTC(), ActionTokens.TTL.plus(Duration.ofSeconds(1)));
        try (TestServer node = TestServer.startOn(server.databaseUrl(), server.encryptionKey(), Map.of(), later)) {
            JsonNode r = node.api().post("/v1/validate", Map.of("token", token)).json();
            assertThat(r.path("isValid").asBoolean(true)).isFalse();
            assertThat(r.path("error").asString()).contains("expired");
        }
        Clock sameTime = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(1));
        try (TestServer node = TestServer.startOn(server.databaseUrl(), server.encryptionKey(), Map.of(), sameTime)) {
            assertThat(node.api().post("/v1/validate", Map.of("token", token)).json().path("isValid").asBoolean())
                    .as("a token issued by one node validates on another").isTrue();
        }
    }
}
