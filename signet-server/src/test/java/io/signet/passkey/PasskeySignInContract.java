package io.signet.passkey;

import static org.assertj.core.api.Assertions.assertThat;

import io.signet.testing.ApiResponse;
import io.signet.testing.ClientApi;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Passkey sign-in (#6-#9) that succeeds: MFA with a track token, usernameless and named-action sign-in, a passkey
 * enrolled through the Server API, a blocked action, and the credential lookup. Run once per storage backend by
 * its subclasses.
 */
abstract class PasskeySignInContract extends PasskeyTestBase {
    @Test
    void mfa_sign_in_with_a_token_allows_the_users_passkeys_and_succeeds_the_action() {
        Registered reg = register();
        ClientApi client = bearer(track(reg.userId(), "withdraw", null));
        JsonNode options = authenticationOptions(client, null);
        assertThat(options.propertyNames()).containsExactly("challengeId", "options");
        JsonNode o = options.path("options");
        assertThat(o.propertyNames()).containsExactly("challenge", "rpId", "allowCredentials", "timeout",
                "userVerification");
        assertThat(o.path("rpId").asString()).isEqualTo("localhost");
        assertThat(SoftAuthenticator.ids(o.path("allowCredentials"))).containsExactly(reg.credential().id());
        assertThat(o.path("allowCredentials").get(0).path("transports")).hasSize(2);

        JsonNode r = ok(verify(client, options, reg.credential()));
        assertThat(r.propertyNames()).containsExactly("isVerified", "accessToken", "userId", "userAuthenticatorId",
                "username", "userDisplayName");
        assertThat(r.path("userId").asString()).isEqualTo(reg.userId());
        assertThat(r.path("userAuthenticatorId").asString())
                .isEqualTo(reg.response().path("userAuthenticatorId").asString());
        assertThat(r.path("username").asString()).isEqualTo("alice@example.com");
        assertThat(r.path("userDisplayName").asString()).isEqualTo("alice@example.com");
        JsonNode valid = validate(r.path("accessToken").asString());
        assertThat(valid.path("state").asString()).isEqualTo("CHALLENGE_SUCCEEDED");
        assertThat(valid.path("action").asString()).isEqualTo("withdraw");
        assertThat(valid.path("verificationMethod").asString()).isEqualTo("PASSKEY");
        assertThat(authenticators(reg.userId()).get(0).path("lastVerifiedAt").asString()).isNotBlank();
        // The accessToken is accepted as Bearer afterwards; the /web twin answers like the plain route.
        JsonNode web = ok(bearer(r.path("accessToken").asString()).post(PASSKEY + "/authentication-options/web",
                Map.of()));
        assertThat(SoftAuthenticator.ids(web.path("options").path("allowCredentials")))
                .containsExactly(reg.credential().id());
    }

    @Test
    void a_blocked_action_is_not_passed_by_a_passkey() {
        Registered reg = register();
        JsonNode tracked = ok(api.post("/v1/users/" + reg.userId() + "/actions/withdraw", Map.of()));
        ok(api.patch("/v1/users/" + reg.userId() + "/actions/withdraw/" + tracked.path("idempotencyKey").asString(),
                Map.of("state", "BLOCK")));
        JsonNode r = ok(signIn(bearer(tracked.path("token").asString()), reg.credential()));
        assertThat(r.toString()).isEqualTo("{\"isVerified\":false}");
        assertThat(validate(tracked.path("token").asString()).path("state").asString()).isEqualTo("BLOCK");
    }

    @Test
    void usernameless_sign_in_creates_the_default_action_for_the_passkeys_owner() {
        Registered reg = register();
        JsonNode options = authenticationOptions(anonymous(), null);
        assertThat(options.path("options").path("allowCredentials").isArray()).isTrue();
        assertThat(options.path("options").path("allowCredentials")).isEmpty();
        JsonNode r = ok(verify(anonymous(), options, reg.credential()));
        assertThat(r.path("userId").asString()).isEqualTo(reg.userId());
        JsonNode valid = validate(r.path("accessToken").asString());
        assertThat(valid.path("userId").asString()).isEqualTo(reg.userId());
        assertThat(valid.path("action").asString()).isEqualTo("signInWithPasskey");
        assertThat(valid.path("state").asString()).isEqualTo("CHALLENGE_SUCCEEDED");
        assertThat(valid.path("verificationMethod").asString()).isEqualTo("PASSKEY");
        assertThat(api.get("/v1/users/" + reg.userId() + "/actions").body()).contains("signInWithPasskey");

        // Android- and iOS-style Basic (with a colon; base64url without padding) are the same tenant.
        for (String basic : List.of(Base64.getEncoder().encodeToString((tenantId + ":").getBytes(StandardCharsets.UTF_8)),
                Base64.getUrlEncoder().withoutPadding().encodeToString((tenantId + ":").getBytes(StandardCharsets.UTF_8)))) {
            ClientApi app = ClientApi.withAuthorization(server.baseUrl(), "Basic " + basic);
            assertThat(ok(signIn(app, reg.credential())).path("userId").asString()).isEqualTo(reg.userId());
        }
    }

    @Test
    void a_named_action_sign_in_reuses_the_challenge_of_initiate_and_records_that_action() {
        Registered reg = register();
        String challengeId = ok(anonymous().post("/challenge", Map.of("action", "checkout"))).path("challengeId")
                .asString();
        JsonNode options = authenticationOptions(anonymous(), challengeId);
        assertThat(options.path("challengeId").asString()).isEqualTo(challengeId);
        JsonNode r = ok(verify(anonymous(), options, reg.credential()));
        JsonNode valid = validate(r.path("accessToken").asString());
        assertThat(valid.path("action").asString()).isEqualTo("checkout");
        assertThat(valid.path("userId").asString()).isEqualTo(reg.userId());

        // 1.21+ may send the idempotency key; /web behaves like the plain route.
        String key = UUID.randomUUID().toString();
        String keyed = ok(anonymous().post("/challenge/web", Map.of("action", "checkout", "idempotencyKey", key)))
                .path("challengeId").asString();
        JsonNode r2 = ok(verify(anonymous(), authenticationOptions(anonymous(), keyed), reg.credential()));
        assertThat(validate(r2.path("accessToken").asString()).path("idempotencyKey").asString()).isEqualTo(key);

        refused(anonymous().post("/challenge", Map.of("action", "a b")), 400, "invalid_request");
        refused(anonymous().post("/challenge", Map.of("action", "x".repeat(65))), 400, "invalid_request");
        refused(anonymous().post("/challenge", null), 400, "invalid_request");
        refused(anonymous().post(PASSKEY + "/authentication-options", Map.of("challengeId", "nope")), 400,
                "invalid_request");
    }

    @Test
    void a_passkey_enrolled_through_the_server_api_signs_in_like_a_registered_one() {
        String user = uid();
        SoftAuthenticator.Credential c = authenticator.newCredential("localhost", user.getBytes(StandardCharsets.UTF_8));
        ok(api.post("/v1/users/" + user + "/authenticators", Map.of(
                "verificationMethod", "PASSKEY", "credentialId", c.id(), "credentialPublicKey", c.cosePublicKey())));
        JsonNode before = authenticators(user).get(0).path("webauthnCredential");
        assertThat(before.has("credentialBackedUp")).isFalse();
        assertThat(before.has("parsedUserAgent")).isFalse();
        assertThat(before.path("verifiedAt").asString()).isNotBlank();

        assertThat(ok(signIn(bearer(track(user, "signIn", null)), c)).path("isVerified").asBoolean()).isTrue();
        assertThat(ok(signIn(anonymous(), c)).path("userId").asString()).isEqualTo(user);
        // A sign-in reports the backup state, which is then known.
        assertThat(authenticators(user).get(0).path("webauthnCredential").path("credentialBackedUp").asBoolean())
                .isTrue();
    }

    @Test
    void lookup_answers_200_for_a_live_passkey_and_404_otherwise() {
        Registered reg = register();
        JsonNode found = ok(anonymous().get(PASSKEY + "?credentialIds=nope," + reg.credential().id()));
        assertThat(found.path("credentialId").asString()).isEqualTo(reg.credential().id());
        assertThat(found.path("verifiedAt").asString()).isNotBlank();
        ok(anonymous().get(PASSKEY + "?credentialId=" + reg.credential().id()));
        refused(anonymous().get(PASSKEY + "?credentialIds=nope"), 404, "not_found");
        refused(anonymous().get(PASSKEY), 400, "invalid_request");
        // Another tenant does not see it.
        String otherTenant = ok(server.newTenant("other").get("/admin/v1/settings")).path("tenantId").asString();
        ApiResponse elsewhere = ClientApi.tenant(server.baseUrl(), otherTenant)
                .get(PASSKEY + "?credentialIds=" + reg.credential().id());
        assertThat(elsewhere.status()).isEqualTo(404);
    }
}
