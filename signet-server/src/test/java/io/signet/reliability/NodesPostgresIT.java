package io.signet.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.signet.crypto.RandomTokens;
import io.signet.wire.Json;
import io.signet.testing.Api;
import io.signet.testing.ApiResponse;
import io.signet.testing.Rfc6238;
import io.signet.testing.SignetProcess;
import io.signet.testing.TestDatabases;
import io.signet.testing.WebhookReceiver;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Two Signet processes on one PostgreSQL database. Writes go to one node while another writes on
 * the other, and node B is SIGKILLed and restarted mid-run; then, with roles alternating (write on one, read
 * on the other), Idempotency-Key answers, verify attempt counters, the TOTP replay guard, refresh-token reuse
 * detection and session revocation hold across the nodes, and every webhook event of an acknowledged write
 * is delivered, once.
 */
class NodesPostgresIT {
    private static final String SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
    private static final long WEBHOOK_TIMEOUT_MILLIS = 2000;
    private static final Map<String, String> SETTINGS = Map.of("SIGNET_WEBHOOK_ALLOW_PRIVATE", "true",
            "SIGNET_WEBHOOK_POLL_MILLIS", "100", "SIGNET_SEND_LIMIT_PER_USER", "1000",
            "SIGNET_WEBHOOK_TIMEOUT_MILLIS", String.valueOf(WEBHOOK_TIMEOUT_MILLIS));

    @TempDir
    Path dir;

    @Test
    void two_processes_share_every_guard_and_deliver_each_event_once_across_a_kill_and_restart() throws Exception {
        String db = TestDatabases.freshPostgres();
        byte[] key = RandomTokens.bytes(32);
        try (WebhookReceiver receiver = WebhookReceiver.start();
             SignetProcess a = SignetProcess.start(db, key, SETTINGS, dir)) {
            Api nodeA = a.api();
            ok(nodeA.post("/admin/v1/webhooks", Map.of("url", receiver.url(), "eventTypes", List.of("*"))));
            List<String> enrolled = new ArrayList<>();
            SignetProcess b = SignetProcess.start(db, key, SETTINGS, dir);
            try {
                enrollOnBoth(nodeA, b, enrolled);
                b = SignetProcess.start(db, key, SETTINGS, dir); // the restart after the kill
                Api nodeB = b.api();
                for (String user : enrolled) {
                    assertThat(ok(nodeB.get("/v1/users/" + user + "/authenticators")).json().size())
                            .as("enrollment of " + user + " seen on the other node").isEqualTo(1);
                }
                idempotencyKeysHold(nodeA, nodeB);
                attemptCountersHold(nodeA, nodeB);
                totpReplayGuardAndSessionsHold(nodeA, nodeB);
                eachEventDeliveredOnce(receiver, enrolled);
            } finally {
                b.close();
            }
        } finally {
            TestDatabases.dropIfPostgres(db);
        }
    }

    /** Enrollments on A and on B at once; B is SIGKILLed halfway. Acknowledged ones are kept in {@code enrolled}. */
    private static void enrollOnBoth(Api nodeA, SignetProcess b, List<String> enrolled) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        List<String> fromA = java.util.Collections.synchronizedList(new ArrayList<>());
        List<String> fromB = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread onA = Thread.ofVirtual().start(() -> enroll(nodeA, "a", stop, fromA));
        Thread onB = Thread.ofVirtual().start(() -> enroll(b.api(), "b", stop, fromB));
        io.signet.testing.Eventually.await(fromB::size, n -> n >= 10, Duration.ofSeconds(60));
        b.kill(); // mid-run, with writes in flight on B
        io.signet.testing.Eventually.await(fromA::size, n -> n >= fromB.size() + 10, Duration.ofSeconds(60));
        stop.set(true);
        onA.join();
        onB.join();
        enrolled.addAll(fromA);
        enrolled.addAll(fromB);
    }

    private static void enroll(Api node, String prefix, AtomicBoolean stop, List<String> acknowledged) {
        for (int i = 0; !stop.get(); i++) {
            String user = "mn-" + prefix + "-" + i;
            try {
                ApiResponse r = node.post("/v1/users/" + user + "/authenticators", Map.of("verificationMethod",
                        "AUTHENTICATOR_APP", "otpUri", Workload.OTP_URI));
                assertThat(r.status()).as(r.toString()).isEqualTo(200);
                acknowledged.add(user);
            } catch (IllegalStateException nodeDied) {
                return;
            }
        }
    }

    private static void idempotencyKeysHold(Api nodeA, Api nodeB) {
        String key = UUID.randomUUID().toString();
        ApiResponse first = ok(nodeA.send("POST", "/v1/users/mn-idem/actions/signIn", "{}",
                Map.of("Idempotency-Key", key)));
        ApiResponse retried = ok(nodeB.send("POST", "/v1/users/mn-idem/actions/signIn", "{}",
                Map.of("Idempotency-Key", key)));
        assertThat(retried.body()).as("the same key on the other node replays").isEqualTo(first.body());
    }

    /** Five wrong codes spread over both nodes use the challenge up: the right code no longer verifies. */
    private static void attemptCountersHold(Api nodeA, Api nodeB) {
        String code = ok(nodeA.post("/v1/users/mn-attempts/authenticators", Map.of("verificationMethod",
                "AUTHENTICATOR_APP", "otpUri", Workload.OTP_URI))).json().path("recoveryCodes").get(0).asString();
        String challengeId = challenge(nodeB, "mn-attempts", "RECOVERY_CODE", null);
        for (int i = 0; i < 5; i++) {
            Api node = i % 2 == 0 ? nodeA : nodeB;
            assertThat(verify(node, challengeId, "wrong-" + i)).isFalse();
        }
        assertThat(verify(nodeA, challengeId, code)).as("right code after 5 wrong ones over two nodes").isFalse();
    }

    private static void totpReplayGuardAndSessionsHold(Api nodeA, Api nodeB) {
        String user = "mn-totp";
        ok(nodeA.post("/v1/users/" + user + "/authenticators", Map.of("verificationMethod", "AUTHENTICATOR_APP",
                "otpUri", Workload.OTP_URI)));
        String clientId = ok(nodeB.post("/admin/v1/clients", Map.of("name", "Nodes"))).json().path("clientId")
                .asString();
        JsonNode tracked = ok(nodeA.post("/v1/users/" + user + "/actions/signIn", Map.of())).json();
        String code = Rfc6238.code(SECRET, Instant.now(), 0);
        assertThat(verify(nodeB, challenge(nodeA, user, "AUTHENTICATOR_APP",
                tracked.path("idempotencyKey").asString()), code)).isTrue();
        assertThat(verify(nodeA, challenge(nodeB, user, "AUTHENTICATOR_APP", null), code))
                .as("the same TOTP code on the other node").isFalse();

        JsonNode session = ok(nodeA.post("/v1/sessions", Map.of("clientId", clientId,
                "token", tracked.path("token").asString()))).json();
        ok(nodeB.post("/v1/sessions/validate", Map.of("accessToken", session.path("accessToken").asString())));
        JsonNode refreshed = ok(nodeB.post("/v1/sessions/refresh", Map.of("refreshToken",
                session.path("refreshToken").asString()))).json();
        assertThat(nodeA.post("/v1/sessions/refresh", Map.of("refreshToken", session.path("refreshToken")
                .asString())).status()).as("a refresh token reused on the other node").isEqualTo(422);
        assertThat(nodeB.post("/v1/sessions/refresh", Map.of("refreshToken", refreshed.path("refreshToken")
                .asString())).status()).as("its session is revoked by the reuse").isEqualTo(422);

        JsonNode second = ok(nodeB.post("/v1/users/" + user + "/actions/signIn", Map.of())).json();
        String recovery = ok(nodeA.post("/v1/users/mn-revoke/authenticators", Map.of("verificationMethod",
                "AUTHENTICATOR_APP", "otpUri", Workload.OTP_URI))).json().path("recoveryCodes").get(0).asString();
        JsonNode revokeTrack = ok(nodeA.post("/v1/users/mn-revoke/actions/signIn", Map.of())).json();
        assertThat(verify(nodeB, challenge(nodeA, "mn-revoke", "RECOVERY_CODE",
                revokeTrack.path("idempotencyKey").asString()), recovery)).isTrue();
        String access = ok(nodeB.post("/v1/sessions", Map.of("clientId", clientId, "token",
                revokeTrack.path("token").asString()))).json().path("accessToken").asString();
        ok(nodeA.post("/v1/sessions/validate", Map.of("accessToken", access)));
        ok(nodeA.post("/v1/sessions/revoke", Map.of("accessToken", access)));
        assertThat(nodeB.post("/v1/sessions/validate", Map.of("accessToken", access)).status())
                .as("a session revoked on A, validated on B").isEqualTo(422);
        assertThat(second.path("token").asString()).isNotBlank();
    }

    /**
     * Every acknowledged enrollment's authenticator.created event arrives, and no event id arrives twice. The
     * wait covers the deliveries node B had leased when it was killed: node A sends them once that lease runs out.
     */
    private static void eachEventDeliveredOnce(WebhookReceiver receiver, List<String> enrolled) {
        List<WebhookReceiver.Received> got = io.signet.testing.Eventually.await(receiver::received,
                r -> enrolled.stream().allMatch(u -> r.stream().anyMatch(x -> x.body().contains("\"" + u + "\""))),
                Duration.ofMillis(io.signet.webhook.DeliveryWorker.leaseMillis(WEBHOOK_TIMEOUT_MILLIS) + 30_000));
        Map<String, Long> perId = got.stream().collect(Collectors.groupingBy(
                r -> Json.MAPPER.readTree(r.body()).path("id").asString(), HashMap::new, Collectors.counting()));
        assertThat(perId.values()).as("deliveries per event id").allMatch(n -> n == 1);
        System.out.printf("NODES POSTGRESQL: processes=2 kills=1 acknowledged enrollments=%d events delivered=%d "
                + "duplicates=0%n", enrolled.size(), perId.size());
    }

    private static String challenge(Api node, String user, String method, String idempotencyKey) {
        Map<String, String> body = new HashMap<>(Map.of("verificationMethod", method, "action", "signIn",
                "userId", user));
        if (idempotencyKey != null) {
            body.put("idempotencyKey", idempotencyKey);
        }
        return ok(node.post("/v1/challenge", body)).json().path("challengeId").asString();
    }

    private static boolean verify(Api node, String challengeId, String code) {
        ApiResponse r = node.post("/v1/verify", Map.of("challengeId", challengeId, "verificationCode", code));
        return r.status() == 200 && r.json().path("isVerified").asBoolean();
    }

    private static ApiResponse ok(ApiResponse r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r;
    }
}
