package io.signet.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.signet.testing.Api;
import io.signet.testing.ApiResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The session lifecycle through the real HTTP port: create, validate, refresh with rotation, reuse
 * detection, revocation; run once per storage backend by its subclasses.
 */
abstract class SessionsApiContract extends SessionsApiBase {
    @Test
    void createSession_then_validateSession_returns_the_user_expiry_and_method() {
        String userId = newUser(api);
        JsonNode pair = createSession(userId);
        assertThat(access(pair)).startsWith("eyJ");
        assertThat(refreshToken(pair)).hasSizeGreaterThanOrEqualTo(43);

        ApiResponse r = validate(access(pair));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.header("Content-Type")).isEqualTo("application/json");
        JsonNode user = r.json().path("user");
        assertThat(user.path("userId").asString()).isEqualTo(userId);
        assertThat(user.path("email").asString()).isEqualTo("jane@example.com");
        assertThat(user.path("emailVerified").asBoolean()).isTrue();
        assertThat(user.path("phoneNumberVerified").isBoolean()).isTrue();
        assertThat(user.has("phoneNumber")).isFalse();
        assertThat(user.path("custom").path("plan").asString()).isEqualTo("gold");
        assertThat(r.json().path("expiresAt").isIntegralNumber()).isTrue();
        assertThat(r.json().path("expiresAt").asLong()).isEqualTo(nodes.clock.millis() / 1000 + 600);
        assertThat(r.json().path("verificationMethod").asString()).isEqualTo("AUTHENTICATOR_APP");
    }

    @Test
    void validateSession_returns_the_users_attributes_as_they_are_now() {
        String userId = newUser(api);
        JsonNode pair = createSession(userId);
        api.patch("/v1/users/" + userId, Map.of("displayName", "Jane Q"));
        assertThat(validate(access(pair)).json().path("user").path("displayName").asString()).isEqualTo("Jane Q");
    }

    @Test
    void refresh_rotates_and_the_old_access_token_stays_valid_until_it_expires() {
        JsonNode first = createSession(newUser(api));
        ApiResponse refreshed = refresh(refreshToken(first));
        assertThat(refreshed.status()).as(refreshed.toString()).isEqualTo(200);
        JsonNode second = refreshed.json();
        assertThat(refreshToken(second)).isNotEqualTo(refreshToken(first));
        assertThat(access(second)).isNotEqualTo(access(first));

        assertThat(validate(access(first)).status()).isEqualTo(200);
        assertThat(validate(access(second)).status()).isEqualTo(200);

        nodes.clock.advance(Duration.ofMinutes(5));
        JsonNode third = refresh(refreshToken(second)).json();
        nodes.clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        assertInvalidToken(validate(access(first)));
        assertThat(validate(access(first)).errorDescription()).contains("expired");
        assertThat(validate(access(third)).status()).isEqualTo(200);
    }

    @Test
    void reusing_a_retired_refresh_token_is_rejected_and_revokes_the_whole_family() {
        JsonNode first = createSession(newUser(api));
        JsonNode second = refresh(refreshToken(first)).json();
        JsonNode third = refresh(refreshToken(second)).json();

        assertInvalidToken(refresh(refreshToken(first)));

        assertInvalidToken(validate(access(first)));
        assertInvalidToken(validate(access(third)));
        assertInvalidToken(refresh(refreshToken(third)));
    }

    @Test
    void revokeSession_ends_the_session_for_every_token_of_it_and_is_idempotent() {
        JsonNode first = createSession(newUser(api));
        JsonNode second = refresh(refreshToken(first)).json();
        ApiResponse revoked = api.post("/v1/sessions/revoke", Map.of("accessToken", access(first)));
        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);
        assertThat(revoked.json().path("success").asBoolean()).isTrue();

        assertInvalidToken(validate(access(first)));
        assertInvalidToken(validate(access(second)));
        assertInvalidToken(refresh(refreshToken(second)));
        assertThat(api.post("/v1/sessions/revoke", Map.of("accessToken", access(second))).status()).isEqualTo(200);
    }

    @Test
    void revokeSession_accepts_an_expired_access_token_so_signing_out_ends_the_refresh_token() {
        JsonNode pair = createSession(newUser(api));
        nodes.clock.advance(Duration.ofMinutes(11));
        assertThat(api.post("/v1/sessions/revoke", Map.of("accessToken", access(pair))).status()).isEqualTo(200);
        assertInvalidToken(refresh(refreshToken(pair)));
    }

    @Test
    void revokeUserSessions_ends_all_sessions_of_that_user_only() {
        String userId = newUser(api);
        JsonNode a = createSession(userId);
        JsonNode b = createSession(userId);
        JsonNode other = createSession(newUser(api));
        ApiResponse r = api.post("/v1/sessions/user/revoke", Map.of("userId", userId));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().path("success").asBoolean()).isTrue();

        assertInvalidToken(validate(access(a)));
        assertInvalidToken(validate(access(b)));
        assertInvalidToken(refresh(refreshToken(b)));
        assertThat(validate(access(other)).status()).isEqualTo(200);
    }

    @Test
    void deleting_the_user_ends_their_sessions() {
        String userId = newUser(api);
        JsonNode pair = createSession(userId);
        assertThat(api.delete("/v1/users/" + userId).status()).isEqualTo(200);
        assertInvalidToken(validate(access(pair)));
        assertInvalidToken(refresh(refreshToken(pair)));
    }

    @Test
    void deleting_the_app_client_ends_its_sessions() {
        String client = createClient(api);
        JsonNode pair = createSession(api, client, newUser(api));
        assertThat(api.delete("/admin/v1/clients/" + client).status()).isEqualTo(200);
        assertInvalidToken(validate(access(pair)));
    }

    @Test
    void clientIds_restrict_the_audience() {
        JsonNode pair = createSession(newUser(api));
        ApiResponse wrong = api.post("/v1/sessions/validate",
                Map.of("accessToken", access(pair), "clientIds", List.of("another-client")));
        assertInvalidToken(wrong);
        assertThat(wrong.errorDescription()).contains("clientIds");
        assertThat(api.post("/v1/sessions/validate", Map.of("accessToken", access(pair),
                "clientIds", List.of("another-client", clientId))).status()).isEqualTo(200);
        assertThat(api.post("/v1/sessions/validate", Map.of("accessToken", access(pair),
                "clientIds", List.of())).status()).isEqualTo(200);
    }

    @Test
    void a_session_token_is_worthless_to_another_tenant() {
        Api other = nodes.newTenant(node, "other-" + UUID.randomUUID());
        JsonNode pair = createSession(newUser(api));
        assertInvalidToken(other.post("/v1/sessions/validate", Map.of("accessToken", access(pair))));
        assertInvalidToken(other.post("/v1/sessions/refresh", Map.of("refreshToken", refreshToken(pair))));
        assertInvalidToken(other.post("/v1/sessions/revoke", Map.of("accessToken", access(pair))));
        assertThat(validate(access(pair)).status()).isEqualTo(200);
    }

    @Test
    void a_revocation_on_one_node_holds_on_every_node_at_once() {
        SessionNodes.Node second = nodes.start();
        JsonNode pair = createSession(newUser(api));
        assertThat(second.api().post("/v1/sessions/validate", Map.of("accessToken", access(pair))).status())
                .isEqualTo(200);
        assertThat(validate(access(pair)).status()).isEqualTo(200);
        second.api().post("/v1/sessions/revoke", Map.of("accessToken", access(pair)));
        assertInvalidToken(validate(access(pair)));
    }
}
