package io.signet.passkey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.signet.http.Json;
import io.signet.http.SignetException;
import io.signet.passkey.Wire.AddPasskeyRequest;
import io.signet.passkey.Wire.AuthenticationOptionsRequest;
import io.signet.passkey.Wire.ChallengeRequest;
import io.signet.passkey.Wire.RegistrationOptionsRequest;
import io.signet.passkey.Wire.VerifyRequest;
import io.signet.testing.ApiResponse;
import io.signet.testing.ServerSuite;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The passkey ceremonies end to end with a software authenticator, on the real server and database, the
 * ceremonies called as the Client API routes call them (actions, tokens and authenticators checked through
 * the Server API over HTTP). Run once per storage backend by its subclasses.
 */
abstract class PasskeyCeremoniesContract extends ServerSuite {
    static final String ORIGIN = "http://localhost:3000";
    static final RelyingParty RP = new RelyingParty("localhost", "Signet test", ORIGIN::equals);

    final SoftAuthenticator authenticator = new SoftAuthenticator();

    PasskeyService passkeys() {
        return server.app().passkeys();
    }

    static String uid() {
        return "user-" + UUID.randomUUID();
    }

    /** Tracks an action for the user and returns its token as the Client API would see it. */
    Caller.Bearer track(String userId, String action, String scope) {
        ApiResponse r = api.post("/v1/users/" + userId + "/actions/" + action,
                scope == null ? Map.of() : Map.of("scope", scope));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return bearer(r.json().path("token").asString());
    }

    /** The claims of a token, read from its payload: the test trusts it because the server just issued it. */
    static Caller.Bearer bearer(String token) {
        JsonNode claims = Json.MAPPER.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        JsonNode other = claims.path("other");
        return new Caller.Bearer(other.path("tenantId").asString(), other.path("userId").asString(),
                other.path("actionCode").asString(), other.path("idempotencyKey").asString(),
                claims.path("scope").isString() ? claims.path("scope").asString() : null, claims.path("exp").asLong());
    }

    static JsonNode json(Object response) {
        return Json.MAPPER.valueToTree(response);
    }

    static void refused(ThrowingCallable call, String code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(SignetException.class,
                e -> assertThat(e.code().code()).as(e.getMessage()).isEqualTo(code));
    }

    JsonNode registrationOptions(Caller.Bearer caller) {
        return json(passkeys().registrationOptions(caller, RP, new RegistrationOptionsRequest("alice@example.com",
                null, "platform")));
    }

    JsonNode add(Caller.Bearer caller, JsonNode options, ObjectNode credential) {
        return json(passkeys().addPasskey(caller, RP, new AddPasskeyRequest(credential, false,
                options.path("challengeId").asString(), null), "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) "
                + "AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36", "device-1"));
    }

    /** Registers a passkey for a new user; returns the user id and leaves the credential in the authenticator. */
    record Registered(String userId, SoftAuthenticator.Credential credential, JsonNode response) {
    }

    Registered register() {
        String user = uid();
        Caller.Bearer caller = track(user, "signUp", null);
        JsonNode options = registrationOptions(caller);
        String challenge = options.path("options").path("challenge").asString();
        SoftAuthenticator.Credential c = authenticator.newCredential("localhost",
                Base64.getUrlDecoder().decode(options.path("options").path("user").path("id").asString()));
        JsonNode response = add(caller, options, authenticator.registrationResponse(c, challenge, ORIGIN));
        return new Registered(user, c, response);
    }

    JsonNode signIn(Caller caller, SoftAuthenticator.Credential c) {
        JsonNode options = json(passkeys().authenticationOptions(caller, RP, new AuthenticationOptionsRequest(null)));
        return verify(caller, options, c);
    }

    JsonNode verify(Caller caller, JsonNode options, SoftAuthenticator.Credential c) {
        ObjectNode assertion = authenticator.assertion(c, options.path("options").path("challenge").asString(), ORIGIN);
        return json(passkeys().verify(caller, RP, new VerifyRequest(assertion, "device-1",
                options.path("challengeId").asString())));
    }

    JsonNode validate(String token) {
        ApiResponse r = api.post("/v1/validate", Map.of("token", token));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    JsonNode authenticators(String userId) {
        return api.get("/v1/users/" + userId + "/authenticators").json();
    }

    @Test
    void registration_options_carry_exactly_the_contract_fields() {
        String user = uid();
        JsonNode r = registrationOptions(track(user, "signUp", null));
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

        JsonNode noAttachment = json(passkeys().registrationOptions(track(uid(), "signUp", null), RP,
                new RegistrationOptionsRequest(null, null, null)));
        assertThat(noAttachment.path("options").path("authenticatorSelection").has("authenticatorAttachment")).isFalse();
        refused(() -> passkeys().registrationOptions(track(uid(), "signUp", null), RP,
                new RegistrationOptionsRequest(null, null, "usb")), "invalid_request");
    }

    @Test
    void a_long_user_id_gets_a_hashed_handle_of_32_bytes() {
        String user = "u".repeat(65);
        JsonNode o = registrationOptions(track(user, "signUp", null)).path("options");
        assertThat(Base64.getUrlDecoder().decode(o.path("user").path("id").asString()))
                .isEqualTo(SoftAuthenticator.sha256(user.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void registration_stores_the_passkey_succeeds_the_action_and_returns_a_working_token() {
        Registered reg = register();
        JsonNode r = reg.response();
        assertThat(r.path("isVerified").asBoolean()).isTrue();
        assertThat(r.path("userId").asString()).isEqualTo(reg.userId());
        assertThat(r.path("credentialId").asString()).isEqualTo(reg.credential().id());
        assertThat(r.path("userAuthenticatorId").asString()).isNotBlank();
        JsonNode ua = r.path("userAuthenticator");
        assertThat(ua.path("verificationMethod").asString()).isEqualTo("PASSKEY");
        assertThat(ua.path("username").asString()).isEqualTo("alice@example.com");
        assertThat(ua.path("displayName").asString()).isEqualTo("alice@example.com");
        JsonNode wc = ua.path("webauthnCredential");
        assertThat(wc.path("credentialId").asString()).isEqualTo(reg.credential().id());
        assertThat(wc.path("aaguid").asString()).isEqualTo(SoftAuthenticator.AAGUID.toString());
        assertThat(wc.path("credentialBackedUp").asBoolean()).isTrue();
        assertThat(wc.path("credentialDeviceType").asString()).isEqualTo("multiDevice");
        assertThat(wc.path("authenticatorAttachment").asString()).isEqualTo("platform");
        assertThat(wc.path("deviceId").asString()).isEqualTo("device-1");
        assertThat(wc.path("parsedUserAgent").path("browser").path("name").asString()).isEqualTo("Chrome");
        assertThat(wc.path("parsedUserAgent").path("os").path("name").asString()).isEqualTo("Mac OS");
        assertThat(wc.path("verifiedAt").asString()).isEqualTo(ua.path("verifiedAt").asString());

        JsonNode valid = validate(r.path("accessToken").asString());
        assertThat(valid.path("isValid").asBoolean()).isTrue();
        assertThat(valid.path("state").asString()).isEqualTo("CHALLENGE_SUCCEEDED");
        assertThat(valid.path("verificationMethod").asString()).isEqualTo("PASSKEY");
        assertThat(valid.path("action").asString()).isEqualTo("signUp");

        JsonNode listed = authenticators(reg.userId()).get(0).path("webauthnCredential");
        assertThat(listed.toString()).isEqualTo(wc.toString());
        JsonNode user = api.get("/v1/users/" + reg.userId()).json();
        assertThat(user.path("isEnrolled").asBoolean()).isTrue();
        assertThat(user.path("username").asString()).isEqualTo("alice@example.com");
    }

    @Test
    void a_page_outside_the_expected_origins_cannot_register() {
        Caller.Bearer caller = track(uid(), "signUp", null);
        JsonNode options = registrationOptions(caller);
        refused(() -> add(caller, options, authenticator.create(options.path("options"), "http://localhost:3001")),
                "invalid_credential");
    }

    @Test
    void a_credential_scoped_to_another_rp_id_is_refused() {
        Caller.Bearer caller = track(uid(), "signUp", null);
        JsonNode options = registrationOptions(caller);
        refused(() -> add(caller, options, authenticator.create(options.path("options"), ORIGIN, "evil.example")),
                "invalid_credential");
    }

    @Test
    void a_registration_without_user_presence_is_refused_unless_conditional() {
        Caller.Bearer caller = track(uid(), "signUp", null);
        JsonNode options = registrationOptions(caller);
        authenticator.userPresent = false;
        try {
            ObjectNode credential = authenticator.create(options.path("options"), ORIGIN);
            refused(() -> add(caller, options, credential), "invalid_credential");
            JsonNode again = registrationOptions(caller);
            ObjectNode conditional = authenticator.create(again.path("options"), ORIGIN);
            JsonNode r = json(passkeys().addPasskey(caller, RP, new AddPasskeyRequest(conditional, true,
                    again.path("challengeId").asString(), null), null, null));
            assertThat(r.path("isVerified").asBoolean()).isTrue();
        } finally {
            authenticator.userPresent = true;
        }
    }

    @Test
    void a_replayed_registration_is_refused_even_when_sent_concurrently() throws Exception {
        Caller.Bearer caller = track(uid(), "signUp", null);
        JsonNode options = registrationOptions(caller);
        ObjectNode credential = authenticator.create(options.path("options"), ORIGIN);
        int n = 4;
        CyclicBarrier barrier = new CyclicBarrier(n);
        List<Callable<String>> tasks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            tasks.add(() -> {
                barrier.await();
                try {
                    add(caller, options, credential);
                    return "ok";
                } catch (SignetException e) {
                    return e.code().code();
                }
            });
        }
        List<String> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(n)) {
            for (Future<String> f : pool.invokeAll(tasks)) {
                results.add(f.get());
            }
        }
        assertThat(results).containsOnlyOnce("ok").containsOnly("ok", "invalid_request");
        refused(() -> add(caller, options, credential), "invalid_request");
    }

    @Test
    void a_credential_already_registered_is_a_conflict_and_the_token_must_match_the_challenge() {
        Registered first = register();
        Caller.Bearer other = track(uid(), "signUp", null);
        JsonNode options = registrationOptions(other);
        SoftAuthenticator.Credential same = first.credential();
        refused(() -> add(other, options, authenticator.registrationResponse(same,
                options.path("options").path("challenge").asString(), ORIGIN)), "conflict");

        JsonNode foreign = registrationOptions(track(uid(), "signUp", null));
        refused(() -> add(other, foreign, authenticator.create(foreign.path("options"), ORIGIN)), "invalid_request");
    }

    @Test
    void a_second_passkey_needs_add_authenticators_and_the_options_exclude_the_first() {
        Registered reg = register();
        refused(() -> registrationOptions(track(reg.userId(), "addPasskey", null)), "unauthorized");

        Caller.Bearer scoped = track(reg.userId(), "addPasskey", "add:authenticators");
        JsonNode options = registrationOptions(scoped);
        JsonNode exclude = options.path("options").path("excludeCredentials");
        assertThat(SoftAuthenticator.ids(exclude)).containsExactly(reg.credential().id());
        assertThat(exclude.get(0).path("transports").toString()).isEqualTo("[\"hybrid\",\"internal\"]");
        assertThat(exclude.get(0).path("type").asString()).isEqualTo("public-key");

        // The accessToken of a completed registration carries the scope itself.
        Caller.Bearer access = bearer(reg.response().path("accessToken").asString());
        assertThat(access.hasScope("add:authenticators")).isTrue();
        JsonNode second = registrationOptions(access);
        JsonNode r = add(access, second, authenticator.create(second.path("options"), ORIGIN));
        assertThat(r.path("isVerified").asBoolean()).isTrue();
        assertThat(authenticators(reg.userId())).hasSize(2);
    }

    @Test
    void mfa_sign_in_with_a_token_allows_the_users_passkeys_and_succeeds_the_action() {
        Registered reg = register();
        Caller.Bearer caller = track(reg.userId(), "withdraw", null);
        JsonNode options = json(passkeys().authenticationOptions(caller, RP, new AuthenticationOptionsRequest(null)));
        JsonNode o = options.path("options");
        assertThat(o.path("rpId").asString()).isEqualTo("localhost");
        assertThat(SoftAuthenticator.ids(o.path("allowCredentials"))).containsExactly(reg.credential().id());
        assertThat(o.path("userVerification").asString()).isEqualTo("preferred");

        JsonNode r = verify(caller, options, reg.credential());
        assertThat(r.propertyNames()).containsExactly("isVerified", "accessToken", "userId", "userAuthenticatorId",
                "username", "userDisplayName");
        assertThat(r.path("userId").asString()).isEqualTo(reg.userId());
        assertThat(r.path("userAuthenticatorId").asString()).isEqualTo(reg.response().path("userAuthenticatorId").asString());
        assertThat(r.path("userDisplayName").asString()).isEqualTo("alice@example.com");
        JsonNode valid = validate(r.path("accessToken").asString());
        assertThat(valid.path("state").asString()).isEqualTo("CHALLENGE_SUCCEEDED");
        assertThat(valid.path("action").asString()).isEqualTo("withdraw");
        assertThat(valid.path("verificationMethod").asString()).isEqualTo("PASSKEY");
        assertThat(authenticators(reg.userId()).get(0).path("lastVerifiedAt").asString()).isNotBlank();
    }

    @Test
    void usernameless_sign_in_creates_the_default_action_for_the_passkeys_owner() {
        Registered reg = register();
        Caller anonymous = new Caller.Anonymous(bearer(reg.response().path("accessToken").asString()).tenantId());
        JsonNode options = json(passkeys().authenticationOptions(anonymous, RP, new AuthenticationOptionsRequest(null)));
        assertThat(options.path("options").path("allowCredentials").isArray()).isTrue();
        assertThat(options.path("options").path("allowCredentials")).isEmpty();
        JsonNode r = verify(anonymous, options, reg.credential());
        assertThat(r.path("userId").asString()).isEqualTo(reg.userId());
        JsonNode valid = validate(r.path("accessToken").asString());
        assertThat(valid.path("userId").asString()).isEqualTo(reg.userId());
        assertThat(valid.path("action").asString()).isEqualTo("signInWithPasskey");
        assertThat(valid.path("state").asString()).isEqualTo("CHALLENGE_SUCCEEDED");
        assertThat(valid.path("verificationMethod").asString()).isEqualTo("PASSKEY");
        assertThat(api.get("/v1/users/" + reg.userId() + "/actions").body()).contains("signInWithPasskey");
    }

    @Test
    void a_named_action_sign_in_reuses_the_challenge_of_initiate_and_records_that_action() {
        Registered reg = register();
        Caller anonymous = new Caller.Anonymous(bearer(reg.response().path("accessToken").asString()).tenantId());
        String challengeId = passkeys().startChallenge(anonymous, RP, new ChallengeRequest("checkout", null))
                .challengeId();
        JsonNode options = json(passkeys().authenticationOptions(anonymous, RP,
                new AuthenticationOptionsRequest(challengeId)));
        assertThat(options.path("challengeId").asString()).isEqualTo(challengeId);
        JsonNode r = verify(anonymous, options, reg.credential());
        assertThat(validate(r.path("accessToken").asString()).path("action").asString()).isEqualTo("checkout");

        refused(() -> passkeys().startChallenge(anonymous, RP, new ChallengeRequest("a b", null)), "invalid_request");
        refused(() -> passkeys().startChallenge(anonymous, RP, new ChallengeRequest("x".repeat(65), null)),
                "invalid_request");
        refused(() -> passkeys().startChallenge(anonymous, RP, new ChallengeRequest(null, null)), "invalid_request");
    }

    @Test
    void another_users_passkey_or_a_deleted_one_is_an_invalid_credential() {
        Registered alice = register();
        Registered bob = register();
        Caller.Bearer bobs = track(bob.userId(), "withdraw", null);
        refused(() -> signIn(bobs, alice.credential()), "invalid_credential");
        assertThat(validate(api.post("/v1/users/" + bob.userId() + "/actions/withdraw", Map.of())
                .json().path("token").asString()).path("state").asString()).isNotEqualTo("CHALLENGE_SUCCEEDED");

        String id = alice.response().path("userAuthenticatorId").asString();
        assertThat(api.delete("/v1/users/" + alice.userId() + "/authenticators/" + id).status()).isEqualTo(200);
        Caller anonymous = new Caller.Anonymous(bobs.tenantId());
        refused(() -> signIn(anonymous, alice.credential()), "invalid_credential");
    }

    @Test
    void a_passkey_enrolled_through_the_server_api_signs_in_like_a_registered_one() {
        String user = uid();
        SoftAuthenticator.Credential c = authenticator.newCredential("localhost", user.getBytes(StandardCharsets.UTF_8));
        ApiResponse enrolled = api.post("/v1/users/" + user + "/authenticators", Map.of(
                "verificationMethod", "PASSKEY", "credentialId", c.id(), "credentialPublicKey", c.cosePublicKey()));
        assertThat(enrolled.status()).as(enrolled.toString()).isEqualTo(200);
        JsonNode before = authenticators(user).get(0).path("webauthnCredential");
        assertThat(before.has("credentialBackedUp")).isFalse();
        assertThat(before.has("parsedUserAgent")).isFalse();
        assertThat(before.path("verifiedAt").asString()).isNotBlank();
        JsonNode r = signIn(track(user, "signIn", null), c);
        assertThat(r.path("isVerified").asBoolean()).isTrue();
        Caller anonymous = new Caller.Anonymous(track(user, "x", null).tenantId());
        assertThat(signIn(anonymous, c).path("userId").asString()).isEqualTo(user);
        // A sign-in reports the backup state, which is then known.
        assertThat(authenticators(user).get(0).path("webauthnCredential").path("credentialBackedUp").asBoolean())
                .isTrue();
    }

    @Test
    void a_counter_of_zero_is_accepted_and_a_counter_that_goes_back_is_refused() {
        Registered reg = register();
        Caller anonymous = new Caller.Anonymous(bearer(reg.response().path("accessToken").asString()).tenantId());
        assertThat(signIn(anonymous, reg.credential()).path("isVerified").asBoolean()).isTrue(); // counter 1
        reg.credential().signCount = 5;
        assertThat(signIn(anonymous, reg.credential()).path("isVerified").asBoolean()).isTrue(); // counter 6
        reg.credential().signCount = 2;
        refused(() -> signIn(anonymous, reg.credential()), "invalid_credential"); // counter 3 < 6
        authenticator.counting = false;
        try {
            assertThat(signIn(anonymous, reg.credential()).path("isVerified").asBoolean()).isTrue(); // counter 0
        } finally {
            authenticator.counting = true;
        }
        // A counter of 0 did not lower the stored 6: the next non-zero counter must still exceed it.
        reg.credential().signCount = 5;
        refused(() -> signIn(anonymous, reg.credential()), "invalid_credential"); // counter 6, not above 6
        assertThat(signIn(anonymous, reg.credential()).path("isVerified").asBoolean()).isTrue(); // counter 7
    }

    @Test
    void a_sign_in_challenge_is_answered_once_and_only_by_its_caller() {
        Registered reg = register();
        Caller anonymous = new Caller.Anonymous(bearer(reg.response().path("accessToken").asString()).tenantId());
        JsonNode options = json(passkeys().authenticationOptions(anonymous, RP, new AuthenticationOptionsRequest(null)));
        verify(anonymous, options, reg.credential());
        refused(() -> verify(anonymous, options, reg.credential()), "invalid_request");

        JsonNode mine = json(passkeys().authenticationOptions(track(reg.userId(), "a", null), RP,
                new AuthenticationOptionsRequest(null)));
        refused(() -> verify(anonymous, mine, reg.credential()), "invalid_request");
    }

    @Test
    void lookup_answers_for_a_live_passkey_and_404_otherwise() {
        Registered reg = register();
        String tenant = bearer(reg.response().path("accessToken").asString()).tenantId();
        JsonNode found = json(passkeys().lookup(tenant, List.of("nope", reg.credential().id())));
        assertThat(found.path("credentialId").asString()).isEqualTo(reg.credential().id());
        assertThat(found.path("verifiedAt").asString()).isNotBlank();
        refused(() -> passkeys().lookup(tenant, List.of("nope")), "not_found");
        refused(() -> passkeys().lookup(tenant, List.of()), "invalid_request");
    }
}
