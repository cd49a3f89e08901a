package io.signet.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import io.signet.testing.Api;
import io.signet.testing.ApiResponse;
import io.signet.testing.Race;
import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Races between requests and between nodes on one database, signing-key rotation with overlap, and the
 * purge of expired sessions. Run once per storage backend by its subclasses.
 */
abstract class SessionKeysAndConcurrencyContract extends SessionsApiBase {

    static String kid(String accessToken) throws ParseException {
        return SignedJWT.parse(accessToken).getHeader().getKeyID();
    }

    @Test
    void concurrent_refreshes_of_one_token_rotate_it_exactly_once() throws Exception {
        JsonNode pair = createSession(newUser(api));
        List<ApiResponse> results = Race.fromBarrier(4, () -> refresh(refreshToken(pair)));
        assertThat(results).filteredOn(r -> r.status() == 200).hasSize(1);
        assertThat(results).filteredOn(r -> r.status() == 422).hasSize(3);
        // the losers presented a retired token: reuse, so the family is revoked (no grace period)
        JsonNode winner = results.stream().filter(r -> r.status() == 200).findFirst().orElseThrow().json();
        assertInvalidToken(validate(access(winner)));
    }

    @Test
    void nodes_racing_to_create_a_tenants_first_key_end_up_with_one_key() throws Exception {
        Api fresh = nodes.newTenant(node, "fresh-" + UUID.randomUUID());
        String tenantId = nodes.tenantOf(fresh);
        List<String> keyIds = Race.fromBarrier(6, () -> nodes.signingKeys().active(tenantId).keyId());
        assertThat(keyIds).containsOnly(keyIds.getFirst());
        assertThat(jwks(tenantId).path("keys")).hasSize(1);
    }

    @Test
    void a_refused_refresh_on_a_tenant_without_sessions_creates_no_signing_key() {
        Api fresh = nodes.newTenant(node, "keyless-" + UUID.randomUUID());
        String tenantId = nodes.tenantOf(fresh);
        ApiResponse refused = fresh.post("/v1/sessions/refresh", Map.of("refreshToken", "not-a-refresh-token"));
        assertInvalidToken(refused);
        assertThat(jwks(tenantId).path("keys")).as("a refused request writes nothing").isEmpty();
    }

    @Test
    void after_rotation_new_tokens_use_the_new_key_and_old_ones_verify_until_the_overlap_ends() throws Exception {
        Api tenant = nodes.newTenant(node, "rotating-" + UUID.randomUUID());
        String tenantId = nodes.tenantOf(tenant);
        String client = createClient(tenant);
        JsonNode before = createSession(tenant, client, newUser(tenant));

        String newKeyId = nodes.signingKeys().rotate(tenantId);
        JsonNode after = createSession(tenant, client, newUser(tenant));
        assertThat(kid(access(after))).isEqualTo(newKeyId).isNotEqualTo(kid(access(before)));
        assertThat(tenant.post("/v1/sessions/validate", Map.of("accessToken", access(before))).status()).isEqualTo(200);
        assertThat(jwks(tenantId).findValuesAsString("kid")).containsExactlyInAnyOrder(newKeyId, kid(access(before)));
        assertThat(tenant.post("/v1/sessions/refresh", Map.of("refreshToken", refreshToken(before))).status())
                .isEqualTo(200);

        nodes.clock.advance(Duration.ofHours(24).plusSeconds(1));
        assertThat(jwks(tenantId).findValuesAsString("kid")).containsExactly(newKeyId);
        // validated (and its signature remembered) above; once its key is gone the signature counts no more,
        // also where an expired token is accepted
        assertThat(tenant.post("/v1/sessions/revoke", Map.of("accessToken", access(before))).status())
                .as("revoking with a token of a key retired past the overlap").isEqualTo(422);
        assertThat(tenant.post("/v1/sessions/revoke", Map.of("accessToken", access(after))).status())
                .as("an expired token of the current key still revokes").isEqualTo(200);
    }

    @Test
    void purging_deletes_expired_sessions_only_and_is_safe_from_two_nodes_at_once() throws Exception {
        String userId = newUser(api);
        for (int i = 0; i < 3; i++) {
            createSession(userId);
        }
        nodes.clock.advance(Duration.ofDays(30).plusSeconds(1));
        JsonNode fresh = createSession(userId);
        assertThat(sessionRows(userId)).isEqualTo(4);

        List<Integer> purged = Race.fromBarrier(2, () -> nodes.sessions().purgeExpired());
        assertThat(purged.stream().mapToInt(Integer::intValue).sum()).isGreaterThanOrEqualTo(3);
        assertThat(sessionRows(userId)).isEqualTo(1);
        assertThat(validate(access(fresh)).status()).isEqualTo(200);
        long orphans = nodes.database().read(jdbc -> jdbc.count(
                "SELECT COUNT(*) AS n FROM refresh_tokens r WHERE NOT EXISTS (SELECT 1 FROM sessions s "
                        + "WHERE s.tenant_id = r.tenant_id AND s.session_id = r.session_id)"));
        assertThat(orphans).isZero();
    }

    @Test
    void a_purged_session_does_not_free_its_still_valid_challenge_token_for_a_second_one() {
        assertThat(SessionService.USED_TOKEN_RECORD).isGreaterThan(io.signet.action.ActionTokens.TTL);
        ApiResponse c = api.post("/admin/v1/clients", Map.of("name", "short", "accessTokenLifetime", 60,
                "refreshTokenLifetime", 60));
        assertThat(c.status()).as(c.toString()).isEqualTo(200);
        String shortClient = c.json().path("clientId").asString();
        String token = nodes.token(api, newUser(api), "CHALLENGE_SUCCEEDED");
        Map<String, String> body = Map.of("clientId", shortClient, "token", token);
        assertThat(api.post("/v1/sessions", body).status()).isEqualTo(200);

        nodes.clock.advance(Duration.ofSeconds(61)); // the session expired; the token lives 10 minutes
        nodes.sessions().purgeExpired();
        assertInvalidToken(api.post("/v1/sessions", body));
    }

    private long sessionRows(String userId) {
        return nodes.database().read(jdbc -> jdbc.count(
                "SELECT COUNT(*) AS n FROM sessions WHERE user_id = ?", userId));
    }

    private JsonNode jwks(String tenantId) {
        return api.withKey(null).get("/tenants/" + tenantId + "/.well-known/jwks.json").json();
    }
}
