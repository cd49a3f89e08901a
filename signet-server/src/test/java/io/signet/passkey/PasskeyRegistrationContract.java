package io.signet.passkey;

import static org.assertj.core.api.Assertions.assertThat;

import io.signet.crypto.Sha256;
import io.signet.testing.ClientApi;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Passkey registration (#1-#3) as {@code passkey.signUp} drives it: the options' exact fields, what is stored and
 * returned, the device id, and adding a second passkey. Run once per storage backend by its subclasses.
 */
abstract class PasskeyRegistrationContract extends PasskeyTestBase {
    @BeforeAll
    void webhookEndpoint() {
        // An endpoint, so that authenticator events are recorded (it is never reached).
        ok(api.post("/admin/v1/webhooks", Map.of("url", "https://hooks.example.com/in",
                "eventTypes", List.of("authenticator.created"))));
    }

    long createdEvents(String userId) {
        return server.app().database().read(jdbc -> jdbc.count("""
                SELECT COUNT(*) AS n FROM webhook_events WHERE type = 'authenticator.created' AND user_id = ?""",
                userId));
    }

    @Test
    void registration_options_carry_exactly_the_contract_fields() {
        String user = uid();
        JsonNode r = registrationOptions(bearer(track(user, "signUp", null)));
        assertThat(r.path("challengeId").asString()).isNotBlank();
        JsonNode o = r.path("options");
        assertThat(o.propertyNames()).containsExactly("challenge", "rp", "user", "pubKeyCredParams", "timeout",
                "attestation", "excludeCredentials", "authenticatorSelection", "extensions");
        assertThat(Base64.getUrlDecoder().decode(o.path("challenge").asString())).hasSize(32);
        assertThat(o.path("rp").toString()).isEqualTo("{\"id\":\"localhost\",\"name\":\"Signet test\"}");
        assertThat(new String(Base64.getUrlDecoder().decode(o.path("user").path("id").asString()),
                StandardCharsets.UTF_8)).isEqualTo(user);
        assertThat(o.path("user").path("name").asString()).isEqualTo("alice@example.com");
        assertThat(o.path("user").path("displayName").asString()).isEqualTo("alice@example.com");
        assertThat(o.path("pubKeyCredParams").toString()).isEqualTo("[{\"type\":\"public-key\",\"alg\":-8},"
                + "{\"type\":\"public-key\",\"alg\":-7},{\"type\":\"public-key\",\"alg\":-257}]");
        assertThat(o.path("timeout").asInt()).isEqualTo(60000);
        assertThat(o.path("attestation").asString()).isEqualTo("none");
        assertThat(o.path("excludeCredentials").isArray()).isTrue();
        assertThat(o.path("excludeCredentials")).isEmpty();
        assertThat(o.path("authenticatorSelection").toString()).isEqualTo("{\"residentKey\":\"required\","
                + "\"requireResidentKey\":true,\"userVerification\":\"preferred\",\"authenticatorAttachment\":\"platform\"}");
        assertThat(o.path("extensions").toString()).isEqualTo("{\"credProps\":true}");

        // signUp({token, authenticatorAttachment: null}) sends {}; 1.19.2+ sends displayName and a null attachment.
        JsonNode bare = ok(bearer(track(uid(), "signUp", null)).post(PASSKEY + "/registration-options", null));
        assertThat(bare.path("options").path("authenticatorSelection").has("authenticatorAttachment")).isFalse();
        Map<String, Object> newer = new HashMap<>();
        newer.put("username", "bob");
        newer.put("displayName", "Bob B.");
        newer.put("authenticatorAttachment", null);
        JsonNode web = ok(bearer(track(uid(), "signUp", null)).post(PASSKEY + "/registration-options/web", newer));
        assertThat(web.path("options").path("user").path("displayName").asString()).isEqualTo("Bob B.");
        refused(bearer(track(uid(), "signUp", null)).post(PASSKEY + "/registration-options",
                Map.of("authenticatorAttachment", "usb")), 400, "invalid_request");
        refused(anonymous().post(PASSKEY + "/registration-options", Map.of()), 401, "unauthorized");
    }

    @Test
    void a_long_user_id_gets_a_hashed_handle_of_32_bytes() {
        String user = "u".repeat(65);
        JsonNode o = registrationOptions(bearer(track(user, "signUp", null))).path("options");
        assertThat(Base64.getUrlDecoder().decode(o.path("user").path("id").asString()))
                .isEqualTo(Sha256.of(user.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void registration_stores_the_passkey_succeeds_the_action_and_returns_a_working_token() {
        Registered reg = register();
        JsonNode r = reg.response();
        assertThat(r.propertyNames()).containsExactly("isVerified", "accessToken", "userAuthenticatorId", "userId",
                "userAuthenticator", "credentialId");
        assertThat(r.path("isVerified").asBoolean()).isTrue();
        assertThat(r.path("userId").asString()).isEqualTo(reg.userId());
        assertThat(r.path("credentialId").asString()).isEqualTo(reg.credential().id());
        JsonNode ua = r.path("userAuthenticator");
        assertThat(ua.path("userAuthenticatorId").asString()).isEqualTo(r.path("userAuthenticatorId").asString());
        assertThat(ua.path("verificationMethod").asString()).isEqualTo("PASSKEY");
        assertThat(ua.path("username").asString()).isEqualTo("alice@example.com");
        assertThat(ua.path("displayName").asString()).isEqualTo("alice@example.com");
        JsonNode wc = ua.path("webauthnCredential");
        assertThat(wc.path("credentialId").asString()).isEqualTo(reg.credential().id());
        assertThat(wc.path("name").asString()).isEqualTo("Passkey");
        assertThat(wc.path("aaguid").asString()).isEqualTo(SoftAuthenticator.AAGUID.toString());
        assertThat(wc.path("credentialBackedUp").asBoolean()).isTrue();
        assertThat(wc.path("credentialDeviceType").asString()).isEqualTo("multiDevice");
        assertThat(wc.path("authenticatorAttachment").asString()).isEqualTo("platform");
        assertThat(wc.has("deviceId")).isFalse(); // cross-origin page: no cookie, and the browser sends no body field
        JsonNode agent = wc.path("parsedUserAgent");
        assertThat(agent.path("ua").asString()).isEqualTo(USER_AGENT);
        assertThat(agent.path("browser").toString()).isEqualTo("{\"name\":\"Chrome\",\"version\":\"131.0.0.0\","
                + "\"major\":\"131\"}");
        assertThat(agent.path("os").toString()).isEqualTo("{\"name\":\"Mac OS\",\"version\":\"10.15.7\"}");
        assertThat(agent.path("engine").path("name").asString()).isEqualTo("Blink");
        assertThat(wc.path("verifiedAt").asString()).isEqualTo(ua.path("verifiedAt").asString());

        assertThat(createdEvents(reg.userId())).isEqualTo(1);
        JsonNode valid = validate(reg.accessToken());
        assertThat(valid.path("isValid").asBoolean()).isTrue();
        assertThat(valid.path("state").asString()).isEqualTo("CHALLENGE_SUCCEEDED");
        assertThat(valid.path("verificationMethod").asString()).isEqualTo("PASSKEY");
        assertThat(valid.path("action").asString()).isEqualTo("signUp");
        assertThat(valid.path("userId").asString()).isEqualTo(reg.userId());

        assertThat(authenticators(reg.userId()).get(0).path("webauthnCredential").toString()).isEqualTo(wc.toString());
        JsonNode user = ok(api.get("/v1/users/" + reg.userId()));
        assertThat(user.path("isEnrolled").asBoolean()).isTrue();
        assertThat(user.path("username").asString()).isEqualTo("alice@example.com");
        assertThat(user.path("displayName").asString()).isEqualTo("alice@example.com");
    }

    @Test
    void the_device_id_comes_from_the_body_or_the_same_origin_cookie() {
        String token = track(uid(), "signUp", null);
        JsonNode options = registrationOptions(bearer(token));
        Map<String, Object> body = new HashMap<>();
        body.put("registrationCredential", authenticator.create(options.path("options"), ORIGIN));
        body.put("conditionalCreate", false);
        body.put("challengeId", options.path("challengeId").asString());
        JsonNode r = ok(postWithHeaders(server.baseUrl(), token, PASSKEY, body,
                Map.of("Cookie", "__as_aid=8dc134bc-0000-4000-8000-000000000001")));
        assertThat(r.path("userAuthenticator").path("webauthnCredential").path("deviceId").asString())
                .isEqualTo("8dc134bc-0000-4000-8000-000000000001");

        String android = track(uid(), "signUp", null);
        JsonNode o2 = registrationOptions(bearer(android));
        body.put("registrationCredential", authenticator.create(o2.path("options"), ORIGIN));
        body.put("challengeId", o2.path("challengeId").asString());
        body.put("deviceId", "android-device");
        JsonNode r2 = ok(ClientApi.bearer(server.baseUrl(), android).post(PASSKEY, body));
        assertThat(r2.path("userAuthenticator").path("webauthnCredential").path("deviceId").asString())
                .isEqualTo("android-device");
    }

    @Test
    void a_second_passkey_needs_add_authenticators_and_the_options_exclude_the_first() {
        Registered reg = register();
        refused(bearer(track(reg.userId(), "addPasskey", null)).post(PASSKEY + "/registration-options", Map.of()),
                403, "forbidden");

        JsonNode options = registrationOptions(bearer(track(reg.userId(), "addPasskey", "add:authenticators")));
        JsonNode exclude = options.path("options").path("excludeCredentials");
        assertThat(exclude.toString()).isEqualTo("[{\"type\":\"public-key\",\"id\":\"" + reg.credential().id()
                + "\",\"transports\":[\"hybrid\",\"internal\"]}]");

        // The accessToken of a completed registration may add more (the implicit scope).
        JsonNode second = registrationOptions(bearer(reg.accessToken()));
        ok(add(reg.accessToken(), second, authenticator.create(second.path("options"), ORIGIN)));
        assertThat(authenticators(reg.userId())).hasSize(2);
    }
}
