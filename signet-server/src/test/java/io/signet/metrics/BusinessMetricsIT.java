package io.signet.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.signet.testing.Api;
import io.signet.testing.ApiResponse;
import io.signet.testing.Backend;
import io.signet.testing.Eventually;
import io.signet.testing.ManualClock;
import io.signet.testing.Rfc6238;
import io.signet.testing.TestServer;
import io.signet.testing.WebhookReceiver;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scripted run through the real API, then a scrape of {@code /metrics}; each business counter
 * moved by exactly what the script did, the gauges are there, and no series carries a user id.
 */
class BusinessMetricsIT {
    private static final String SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
    private static final String USER = "metrics-user-7f3a";

    @TempDir
    Path tempDir;

    private final ManualClock clock = new ManualClock(Instant.parse("2030-01-01T00:00:00Z"));

    @Test
    void each_business_counter_moves_by_exactly_what_the_scripted_run_did() {
        try (WebhookReceiver receiver = WebhookReceiver.start();
             TestServer server = TestServer.start(Backend.SQLITE, tempDir, Map.of("SIGNET_METRICS_PUBLIC", "true",
                     "SIGNET_WEBHOOK_ALLOW_PRIVATE", "true", "SIGNET_WEBHOOK_POLL_MILLIS", "50"), clock)) {
            Api api = server.api();
            Scrape before = Scrape.of(api);
            ok(api.post("/admin/v1/webhooks", Map.of("url", receiver.url(), "eventTypes",
                    List.of("authenticator.created"))));

            // 1 enrollment; its authenticator.created event is 1 webhook delivery
            ok(api.post("/v1/users/" + USER + "/authenticators", Map.of("verificationMethod", "AUTHENTICATOR_APP",
                    "otpUri", "otpauth://totp/Acme:jane?secret=" + SECRET + "&issuer=Acme")));
            // actions: 3 ALLOW, 1 BLOCK
            ok(api.patch("/admin/v1/action-configurations/login", Map.of("defaultOutcome", "ALLOW")));
            ok(api.patch("/admin/v1/action-configurations/withdraw", Map.of("defaultOutcome", "BLOCK")));
            String token1 = track(api, "login");
            String token2 = track(api, "login");
            String token3 = track(api, "login");
            track(api, "withdraw");
            // a challenge: created, one wrong code (failed), the right one (verified), then once more (not counted)
            String challengeId = ok(api.post("/v1/challenge", Map.of("verificationMethod", "AUTHENTICATOR_APP",
                    "action", "signIn", "userId", USER))).json().path("challengeId").asString();
            assertThat(verify(api, challengeId, wrongCode())).isFalse();
            assertThat(verify(api, challengeId, Rfc6238.code(SECRET, clock.instant(), 0))).isTrue();
            assertThat(verify(api, challengeId, Rfc6238.code(SECRET, clock.instant(), 0))).isFalse();
            // sessions: 3 created, 1 refreshed, 1 reuse detected, 1 revoked one by one, 1 more by revoking the user's
            String clientId = ok(api.post("/admin/v1/clients", Map.of("name", "web"))).json().path("clientId")
                    .asString();
            ApiResponse first = ok(api.post("/v1/sessions", Map.of("clientId", clientId, "token", token1)));
            String refresh = first.json().path("refreshToken").asString();
            ok(api.post("/v1/sessions/refresh", Map.of("refreshToken", refresh)));
            assertThat(api.post("/v1/sessions/refresh", Map.of("refreshToken", refresh)).status()).isEqualTo(422);
            ApiResponse second = ok(api.post("/v1/sessions", Map.of("clientId", clientId, "token", token2)));
            ok(api.post("/v1/sessions/revoke", Map.of("accessToken", second.json().path("accessToken").asString())));
            ok(api.post("/v1/sessions/revoke", Map.of("accessToken", second.json().path("accessToken").asString())));
            ok(api.post("/v1/sessions", Map.of("clientId", clientId, "token", token3)));
            ok(api.post("/v1/sessions/user/revoke", Map.of("userId", USER)));
            receiver.awaitCount(1, Duration.ofSeconds(30));

            Map<String, Double> expected = new LinkedHashMap<>();
            expected.put("signet_enrollments_total{method=\"AUTHENTICATOR_APP\"}", 1.0);
            expected.put("signet_actions_total{outcome=\"ALLOW\"}", 3.0);
            expected.put("signet_actions_total{outcome=\"BLOCK\"}", 1.0);
            expected.put("signet_challenges_total{method=\"AUTHENTICATOR_APP\",result=\"created\"}", 1.0);
            expected.put("signet_challenges_total{method=\"AUTHENTICATOR_APP\",result=\"failed\"}", 1.0);
            expected.put("signet_challenges_total{method=\"AUTHENTICATOR_APP\",result=\"verified\"}", 1.0);
            expected.put("signet_verify_failures_total{method=\"AUTHENTICATOR_APP\",reason=\"wrong_code\"}", 1.0);
            expected.put("signet_verify_failures_total{method=\"AUTHENTICATOR_APP\",reason=\"expired_or_used\"}", 1.0);
            expected.put("signet_sessions_total{event=\"created\"}", 3.0);
            expected.put("signet_sessions_total{event=\"refreshed\"}", 1.0);
            expected.put("signet_sessions_total{event=\"reuse_detected\"}", 1.0);
            expected.put("signet_sessions_total{event=\"revoked\"}", 2.0);
            expected.put("signet_webhook_deliveries_total{outcome=\"succeeded\"}", 1.0);
            // the worker records the attempt just after the receiver answered
            Scrape after = Eventually.await(() -> Scrape.of(api), s -> s.value(
                    "signet_webhook_deliveries_total{outcome=\"succeeded\"}") >= 1, Duration.ofSeconds(30));

            Map<String, Double> moved = new LinkedHashMap<>();
            expected.keySet().forEach(k -> moved.put(k, after.value(k) - before.value(k)));
            assertThat(moved).isEqualTo(expected);
            assertThat(after.value("signet_verify_failures_total{method=\"AUTHENTICATOR_APP\",reason=\"attempts_exhausted\"}"))
                    .isZero();
            assertThat(after.value("signet_webhook_deliveries_total{outcome=\"failed\"}")).isZero();
            for (String gauge : List.of("hikaricp_connections_active", "hikaricp_connections_max",
                    "signet_sqlite_writer_queue", "signet_webhook_outbox_lag_seconds", "jvm_memory_used_bytes",
                    "jvm_gc_memory_allocated_bytes_total", "jvm_threads_live_threads", "process_cpu_usage")) {
                assertThat(after.hasMetric(gauge)).as(gauge).isTrue();
            }
            assertThat(after.text()).doesNotContain(USER).doesNotContain("tenant=");
        }
    }

    @Test
    void the_tenant_label_appears_only_when_enabled() {
        try (TestServer server = TestServer.start(Backend.SQLITE, tempDir, Map.of("SIGNET_METRICS_PUBLIC", "true",
                "SIGNET_METRICS_TENANT_LABEL", "true"), clock)) {
            Api api = server.api();
            ok(api.patch("/admin/v1/action-configurations/login", Map.of("defaultOutcome", "ALLOW")));
            track(api, "login");
            String tenantId = server.app().tenants().list().getFirst().tenantId();
            assertThat(Scrape.of(api).value("signet_actions_total{outcome=\"ALLOW\",tenant=\"" + tenantId + "\"}"))
                    .isEqualTo(1.0);
        }
    }

    private static ApiResponse ok(ApiResponse r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r;
    }

    private static String track(Api api, String action) {
        return ok(api.post("/v1/users/" + USER + "/actions/" + action, Map.of("email", "jane@example.com")))
                .json().path("token").asString();
    }

    private static boolean verify(Api api, String challengeId, String code) {
        return ok(api.post("/v1/verify", Map.of("challengeId", challengeId, "verificationCode", code)))
                .json().path("isVerified").asBoolean();
    }

    /** A six-digit code none of the accepted steps (now, one before, one after) produces. */
    private String wrongCode() {
        List<String> valid = List.of(Rfc6238.code(SECRET, clock.instant(), -1), Rfc6238.code(SECRET, clock.instant(), 0),
                Rfc6238.code(SECRET, clock.instant(), 1));
        for (int i = 0; ; i++) {
            String candidate = String.format("%06d", i);
            if (!valid.contains(candidate)) {
                return candidate;
            }
        }
    }
}
