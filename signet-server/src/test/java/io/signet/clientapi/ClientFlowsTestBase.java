package io.signet.clientapi;

import static io.signet.challenge.ChallengeHarness.codeIn;
import static org.assertj.core.api.Assertions.assertThat;

import io.signet.challenge.ChallengeHarness;
import io.signet.testing.Api;
import io.signet.testing.ApiResponse;
import io.signet.testing.Backend;
import io.signet.testing.ClientApi;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Set-up and helpers of the Client API flow contracts, which drive the OTP, authenticator-app and magic-link
 * flows end to end as the browser SDK does: a track token from the Server API, codes read from real SMTP
 * (GreenMail) and a local SMS carrier, and the outcome checked back through the Server API (validate,
 * getAuthenticators, getUser, webhooks).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ClientFlowsTestBase {
    /** Low, so that {@code ClientFlowRefusalsContract} reaches it in a few sends; the other flows stay below. */
    static final int SENDS_PER_USER = 6;
    /** Configured to need a challenge, as a backend using the Client API for step-up would. */
    static final String ACTION = "clientStepUp";
    @TempDir
    static Path tempDir;
    ChallengeHarness h;
    Api api;

    abstract Backend backend();

    @BeforeAll
    void start() {
        h = new ChallengeHarness(backend(), tempDir, Map.of("SIGNET_SEND_LIMIT_PER_USER",
                Integer.toString(SENDS_PER_USER)));
        api = h.api;
        assertThat(api.patch("/admin/v1/action-configurations/" + ACTION, Map.of("defaultOutcome", "CHALLENGE"))
                .status()).isEqualTo(200);
        // An endpoint, so that authenticator events are recorded (it is never reached).
        assertThat(api.post("/admin/v1/webhooks", Map.of("url", "https://hooks.example.com/in",
                "eventTypes", List.of("authenticator.created"))).status()).isEqualTo(200);
    }

    @AfterAll
    void stop() {
        h.close();
    }

    String track(String userId, String scope) {
        Map<String, Object> body = new HashMap<>();
        if (scope != null) {
            body.put("scope", scope);
        }
        ApiResponse r = api.post("/v1/users/" + userId + "/actions/" + ACTION, body);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().path("token").asString();
    }

    ClientApi as(String token) {
        return ClientApi.bearer(h.server.baseUrl(), token);
    }

    /** A 200 whose body has no {@code error} key (the browser SDK would take it for an error). */
    static JsonNode ok(ApiResponse r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().has("error")).as(r.toString()).isFalse();
        return r.json();
    }

    JsonNode validate(String token) {
        return ok(api.post("/v1/validate", Map.of("token", token)));
    }

    JsonNode authenticators(String userId) {
        return ok(api.get("/v1/users/" + userId + "/authenticators"));
    }

    long createdEvents(String userId) {
        return h.server.app().database().read(jdbc -> jdbc.count("""
                SELECT COUNT(*) AS n FROM webhook_events WHERE type = 'authenticator.created' AND user_id = ?""",
                userId));
    }

    /** Enrolls an email OTP authenticator through the Client API; returns the accessToken. */
    String enrollEmail(String user, String email) {
        String token = track(user, null);
        ok(as(token).post("/user-authenticators/email-otp", Map.of("email", email)));
        return ok(as(token).post("/verify/email-otp", Map.of("verificationCode", codeIn(h.lastMailTo(email)))))
                .path("accessToken").asString();
    }
}
