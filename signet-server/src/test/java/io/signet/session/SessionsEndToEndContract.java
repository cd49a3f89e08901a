package io.signet.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.signet.testing.Api;
import io.signet.testing.ApiResponse;
import io.signet.testing.Backend;
import io.signet.testing.ManualClock;
import io.signet.testing.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sessions on the complete server: the token comes from a real track, verified by the action feature.
 * Run once per storage backend by its subclasses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SessionsEndToEndContract {
    @TempDir
    static Path tempDir;
    final ManualClock clock = new ManualClock(Instant.parse("2030-01-01T00:00:00Z"));
    TestServer server;
    Api api;
    String clientId;

    abstract Backend backend();

    @BeforeAll
    void start() {
        server = TestServer.start(backend(), tempDir, Map.of(), clock);
        api = server.api();
        clientId = SessionsApiBase.createClient(api);
    }

    @AfterAll
    void stop() {
        server.closeAndDropDatabase();
    }

    /** Tracks {@code action} for a new user with the action's default outcome set to {@code outcome}. */
    String track(Api as, String action, String outcome) {
        as.patch("/admin/v1/action-configurations/" + action, Map.of("defaultOutcome", outcome));
        ApiResponse r = as.post("/v1/users/user-" + UUID.randomUUID() + "/actions/" + action,
                Map.of("email", "pat@example.com"));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().path("token").asString();
    }

    ApiResponse createSession(Api as, String token) {
        return as.post("/v1/sessions", Map.of("clientId", clientId, "token", token));
    }

    @Test
    void an_allowed_track_yields_a_session_that_validates_refreshes_and_revokes() {
        ApiResponse created = createSession(api, track(api, "signIn", "ALLOW"));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        String access = created.json().path("accessToken").asString();

        ApiResponse valid = api.post("/v1/sessions/validate", Map.of("accessToken", access));
        assertThat(valid.status()).as(valid.toString()).isEqualTo(200);
        assertThat(valid.json().path("user").path("email").asString()).isEqualTo("pat@example.com");

        ApiResponse refreshed = api.post("/v1/sessions/refresh",
                Map.of("refreshToken", created.json().path("refreshToken").asString()));
        assertThat(refreshed.status()).as(refreshed.toString()).isEqualTo(200);
        assertThat(api.post("/v1/sessions/revoke", Map.of("accessToken", access)).status()).isEqualTo(200);
        SessionsApiBase.assertInvalidToken(api.post("/v1/sessions/validate",
                Map.of("accessToken", refreshed.json().path("accessToken").asString())));
    }

    @Test
    void a_track_that_still_needs_its_challenge_or_was_blocked_yields_no_session() {
        ApiResponse pending = createSession(api, track(api, "transfer", "CHALLENGE"));
        SessionsApiBase.assertInvalidToken(pending);
        assertThat(pending.errorDescription()).contains("CHALLENGE_REQUIRED");
        SessionsApiBase.assertInvalidToken(createSession(api, track(api, "withdraw", "BLOCK")));
    }

    @Test
    void an_expired_or_foreign_action_token_yields_no_session() {
        Api other = server.newTenant("other-" + UUID.randomUUID());
        SessionsApiBase.assertInvalidToken(createSession(api, track(other, "signIn", "ALLOW")));

        String token = track(api, "signIn", "ALLOW");
        clock.advance(Duration.ofMinutes(10).plusSeconds(1));
        SessionsApiBase.assertInvalidToken(createSession(api, token));
    }
}
