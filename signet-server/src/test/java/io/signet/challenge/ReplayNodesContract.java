package io.signet.challenge;

import static io.signet.challenge.ChallengeHarness.uid;
import static org.assertj.core.api.Assertions.assertThat;

import io.signet.testing.Api;
import io.signet.testing.ApiResponse;
import io.signet.testing.Race;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Parallel replays of each single-use secret: a TOTP code, a recovery code, a refresh token, an action token
 * opening a session, an email code and a magic link, each sent {@value #REPLAYS} times at once from one
 * barrier, spread over every node (two on PostgreSQL, sharing its database): exactly one succeeds.
 */
abstract class ReplayNodesContract extends MultiNodeChallengeSuite {
    private static final int REPLAYS = 16;

    private JsonNode enroll(String user) {
        return enrollAuthenticatorApp(user);
    }

    private String challenge(String user, String method, String idempotencyKey) {
        Map<String, String> body = new HashMap<>(Map.of("verificationMethod", method, "action", "signIn",
                "userId", user));
        if (idempotencyKey != null) {
            body.put("idempotencyKey", idempotencyKey);
        }
        ApiResponse r = h.challenge(body);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().path("challengeId").asString();
    }

    /** Sends {@code replays} of one secret, replay i through node i mod n, all released at once. */
    private <T> List<T> replay(Function<Api, Callable<T>> send) throws Exception {
        List<Api> nodes = nodes();
        List<Callable<T>> tasks = new ArrayList<>();
        for (int i = 0; i < REPLAYS; i++) {
            tasks.add(send.apply(nodes.get(i % nodes.size())));
        }
        return Race.fromBarrier(tasks);
    }

    /** The verify answers of one code sent to {@value #REPLAYS} fresh challenges at once. */
    private long verifiedOnce(String user, String method, String code) throws Exception {
        List<String> challenges = new ArrayList<>();
        for (int i = 0; i < REPLAYS; i++) {
            challenges.add(challenge(user, method, null));
        }
        int[] next = {0};
        List<JsonNode> answers = replay(node -> {
            String id = challenges.get(next[0]++);
            return () -> node.post("/v1/verify", Map.of("challengeId", id, "verificationCode", code)).json();
        });
        return answers.stream().filter(a -> a.path("isVerified").asBoolean()).count();
    }

    @Test
    void a_totp_code_replayed_in_parallel_over_every_node_verifies_once() throws Exception {
        String user = uid("replay-totp");
        enroll(user);
        assertThat(verifiedOnce(user, "AUTHENTICATOR_APP", rightCode())).isEqualTo(1);
    }

    @Test
    void a_recovery_code_replayed_in_parallel_over_every_node_verifies_once() throws Exception {
        String user = uid("replay-recovery");
        String code = enroll(user).path("recoveryCodes").get(0).asString();
        assertThat(verifiedOnce(user, "RECOVERY_CODE", code)).isEqualTo(1);
    }

    @Test
    void an_action_token_and_then_a_refresh_token_replayed_in_parallel_over_every_node_succeed_once()
            throws Exception {
        String user = uid("replay-token");
        enroll(user);
        JsonNode tracked = h.api.post("/v1/users/" + user + "/actions/signIn", Map.of()).json();
        String id = challenge(user, "AUTHENTICATOR_APP", tracked.path("idempotencyKey").asString());
        assertThat(h.verify(id, rightCode()).json().path("isVerified").asBoolean()).isTrue();
        String clientId = h.api.post("/admin/v1/clients", Map.of("name", "Web")).json().path("clientId").asString();
        String token = tracked.path("token").asString();

        List<ApiResponse> sessions = replay(node -> () -> node.post("/v1/sessions",
                Map.of("clientId", clientId, "token", token)));
        List<ApiResponse> opened = sessions.stream().filter(r -> r.status() == 200).toList();
        assertThat(opened).as(sessions.toString()).hasSize(1);

        String refreshToken = opened.getFirst().json().path("refreshToken").asString();
        assertThat(refreshToken).isNotBlank();
        List<ApiResponse> refreshed = replay(node -> () -> node.post("/v1/sessions/refresh",
                Map.of("refreshToken", refreshToken)));
        assertThat(refreshed.stream().filter(r -> r.status() == 200).count()).as(refreshed.toString()).isEqualTo(1);
    }
    /** An email code and a magic link: each spent in the one transaction of its verification. */
    @Test
    void an_email_code_and_a_magic_link_each_replayed_in_parallel_over_every_node_verify_once() throws Exception {
        String email = ChallengeHarness.newEmail();
        String id = h.challenge(Map.of("verificationMethod", "EMAIL_OTP", "action", "signIn", "email", email))
                .json().path("challengeId").asString();
        String code = ChallengeHarness.codeIn(h.lastMailTo(email));
        List<JsonNode> verified = replay(node -> () -> node.post("/v1/verify",
                Map.of("challengeId", id, "verificationCode", code)).json());
        assertThat(verified.stream().filter(a -> a.path("isVerified").asBoolean()).count()).isEqualTo(1);

        String linkEmail = ChallengeHarness.newEmail();
        h.challenge(Map.of("verificationMethod", "EMAIL_MAGIC_LINK", "action", "signIn", "email", linkEmail));
        String link = ChallengeHarness.linkIn(h.lastMailTo(linkEmail));
        String path = java.net.URI.create(link).getRawPath();
        String form = "formToken=" + java.net.URLEncoder.encode(ChallengeHarness.formToken(new Api(link, null).get("")),
                java.nio.charset.StandardCharsets.UTF_8);
        List<Integer> confirmed = replay(node -> () -> new Api(node.baseUrl() + path, null).send("POST", "", form,
                Map.of("Content-Type", "application/x-www-form-urlencoded")).status());
        assertThat(confirmed.stream().filter(status -> status == 200).count()).isEqualTo(1);
    }
}
