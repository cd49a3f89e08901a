package io.signet.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.signet.testing.Api;
import io.signet.testing.ApiResponse;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * What createSession accepts, and access tokens that are forged, altered or foreign; plus the JWKS a
 * standard JOSE library verifies them with. Run once per storage backend by its subclasses.
 */
abstract class SessionTokensContract extends SessionsApiBase {

    ApiResponse create(Api as, String client, String token) {
        return as.post("/v1/sessions", Map.of("clientId", client, "token", token));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{}",
            "{\"token\":\"t\"}",
            "{\"clientId\":\"\",\"token\":\"t\"}",
            "{\"clientId\":5,\"token\":\"t\"}",
            "{\"clientId\":\"CLIENT\"}",
            "{\"clientId\":\"CLIENT\",\"token\":\"\"}",
            "{\"clientId\":\"CLIENT\",\"token\":[\"t\"]}",
            "[1]",
    })
    void createSession_with_missing_or_malformed_fields_is_400_naming_the_field(String body) {
        ApiResponse r = api.post("/v1/sessions", body.replace("CLIENT", clientId));
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.errorCode()).isEqualTo("invalid_request");
        if (body.startsWith("{")) {
            assertThat(r.errorDescription()).containsAnyOf("clientId", "token");
        }
    }

    @Test
    void createSession_with_an_unknown_client_is_400_and_issues_nothing() {
        String userId = newUser(api);
        ApiResponse r = create(api, "no-such-client", nodes.token(api, userId, "CHALLENGE_SUCCEEDED"));
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.errorDescription()).contains("clientId");
    }

    @ParameterizedTest
    @ValueSource(strings = {"CHALLENGE_REQUIRED", "CHALLENGE_FAILED", "BLOCK", "REVIEW_REQUIRED"})
    void createSession_needs_a_successful_challenge(String state) {
        ApiResponse r = create(api, clientId, nodes.token(api, newUser(api), state));
        assertInvalidToken(r);
        assertThat(r.errorDescription()).contains(state);
    }

    @Test
    void createSession_accepts_an_allowed_action_without_a_verification_method() {
        ApiResponse r = create(api, clientId, nodes.token(api, newUser(api), "ALLOW"));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        ApiResponse v = validate(r.json().path("accessToken").asString());
        assertThat(v.status()).isEqualTo(200);
        assertThat(v.json().has("verificationMethod")).isFalse();
    }

    @Test
    void createSession_rejects_garbage_foreign_and_reused_tokens_and_a_mismatched_action() {
        assertInvalidToken(create(api, clientId, "not-a-token"));

        Api other = nodes.newTenant(node, "other-" + UUID.randomUUID());
        String foreign = nodes.token(other, newUser(other), "CHALLENGE_SUCCEEDED");
        assertInvalidToken(create(api, clientId, foreign));

        String token = nodes.token(api, newUser(api), "CHALLENGE_SUCCEEDED");
        assertInvalidToken(api.post("/v1/sessions", Map.of("clientId", clientId, "token", token, "action", "transfer")));
        assertThat(api.post("/v1/sessions", Map.of("clientId", clientId, "token", token, "action", "signIn"))
                .status()).isEqualTo(200);
        ApiResponse again = create(api, clientId, token);
        assertInvalidToken(again);
        assertThat(again.errorDescription()).contains("already been used");
    }

    @Test
    void an_altered_access_token_is_rejected() throws Exception {
        String token = createSession(newUser(api)).path("accessToken").asString();
        String[] parts = token.split("\\.");
        JsonNode claims = io.signet.wire.Json.MAPPER.readTree(Base64.getUrlDecoder().decode(parts[1]));
        String forgedClaims = claims.toString().replace(claims.path("sub").asString(), "someone-else");
        String altered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(forgedClaims.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "." + parts[2];
        assertInvalidToken(validate(altered));
        assertInvalidToken(validate(parts[0] + "." + parts[1] + "." + parts[2].substring(0, parts[2].length() - 4)
                + "AAAA"));
        assertInvalidToken(validate("garbage"));
        assertInvalidToken(validate(new PlainJWT(JWTClaimsSet.parse(claims.toString())).serialize()));
    }

    @Test
    void an_access_token_signed_by_a_foreign_key_with_a_known_kid_is_rejected() throws Exception {
        SignedJWT genuine = SignedJWT.parse(createSession(newUser(api)).path("accessToken").asString());
        ECKey attacker = new ECKeyGenerator(Curve.P_256).generate();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256)
                .keyID(genuine.getHeader().getKeyID()).type(new JOSEObjectType("at+jwt")).build(),
                genuine.getJWTClaimsSet());
        forged.sign(new ECDSASigner(attacker));
        assertInvalidToken(validate(forged.serialize()));
    }

    @Test
    void validateSession_without_an_access_token_is_400() {
        ApiResponse r = api.post("/v1/sessions/validate", Map.of());
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorDescription()).contains("accessToken");
        ApiResponse wrongType = api.post("/v1/sessions/validate", "{\"accessToken\":\"x\",\"clientIds\":\"a\"}");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.errorDescription()).contains("clientIds");
    }

    @Test
    void the_public_JWKS_verifies_an_access_token_with_a_standard_JOSE_library() throws Exception {
        String userId = newUser(api);
        SignedJWT jwt = SignedJWT.parse(createSession(userId).path("accessToken").asString());
        String tenantId = nodes.tenantOf(api);

        ApiResponse jwks = api.withKey(null).get("/tenants/" + tenantId + "/.well-known/jwks.json");
        assertThat(jwks.status()).as(jwks.toString()).isEqualTo(200);
        ECKey key = JWKSet.parse(jwks.body()).getKeyByKeyId(jwt.getHeader().getKeyID()).toECKey();
        assertThat(key.isPrivate()).isFalse();
        assertThat(jwt.verify(new ECDSAVerifier(key))).isTrue();

        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(claims.getIssuer()).isEqualTo("urn:signet:tenant:" + tenantId);
        assertThat(claims.getAudience()).containsExactly(clientId);
        assertThat(claims.getSubject()).isEqualTo(userId);
        assertThat(claims.getJWTID()).isNotBlank();
        assertThat(claims.getStringClaim("sid")).isNotBlank();
        assertThat(claims.getStringClaim("verificationMethod")).isEqualTo("AUTHENTICATOR_APP");
        assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()).isEqualTo(600_000);
    }

    @Test
    void the_JWKS_of_a_tenant_without_keys_is_empty_not_an_error() {
        ApiResponse r = api.withKey(null).get("/tenants/" + UUID.randomUUID() + "/.well-known/jwks.json");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("keys").isArray()).isTrue();
        assertThat(r.json().path("keys").isEmpty()).isTrue();
    }
}
