package io.signet.passkey;

import static org.assertj.core.api.Assertions.assertThat;

import io.signet.testing.Api;
import io.signet.testing.ApiResponse;
import io.signet.testing.Backend;
import io.signet.testing.ClientApi;
import io.signet.testing.Es256Keys;
import io.signet.testing.ManualClock;
import io.signet.testing.Race;
import io.signet.testing.ServerSuite;
import io.signet.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Client API passkey endpoints #1-#9 through the real port, with a software authenticator standing in
 * for the browser's {@code navigator.credentials} and the SDK's exact request bodies; the resulting state
 * is checked through the Server API. Run once per storage backend by its subclasses.
 */
abstract class PasskeysApiContract extends ServerSuite {
    static final String ORIGIN = "http://localhost:3000";
    static final String USER_AGENT = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 "
            + "(KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
    static final String PASSKEY = "/user-authenticators/passkey";

    private static final int REPLAYS = 16;
    final SoftAuthenticator authenticator = new SoftAuthenticator();
    /** Only moved forward by the expiry test, by less than a token's lifetime after it tracks. */
    private final ManualClock clock = new ManualClock(Instant.now());
    String tenantId;
    private TestServer second;

    @Override
    protected Clock clock() {
        return clock;
    }

    @BeforeAll
    void relyingParty() {
        ApiResponse r = api.patch("/admin/v1/settings", Map.of("rpId", "localhost", "rpName", "Signet test",
                "expectedOrigins", List.of(ORIGIN)));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        tenantId = r.json().path("tenantId").asString();
        // An endpoint, so that authenticator events are recorded (it is never reached).
        ok(api.post("/admin/v1/webhooks", Map.of("url", "https://hooks.example.com/in",
                "eventTypes", List.of("authenticator.created"))));
    }

    long createdEvents(String userId) {
        return server.app().database().read(jdbc -> jdbc.count("""
                SELECT COUNT(*) AS n FROM webhook_events WHERE type = 'authenticator.created' AND user_id = ?""",
                userId));
    }

    static String uid() {
        return "user-" + UUID.randomUUID();
    }

    String track(String userId, String action, String scope) {
        ApiResponse r = api.post("/v1/users/" + userId + "/actions/" + action,
                scope == null ? Map.of() : Map.of("scope", scope));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().path("token").asString();
    }

    ClientApi bearer(String token) {
        return ClientApi.bearer(server.baseUrl(), token).from(ORIGIN);
    }

    ClientApi anonymous() {
        return ClientApi.tenant(server.baseUrl(), tenantId).from(ORIGIN);
    }

    static JsonNode ok(ApiResponse r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().has("error")).isFalse();
        return r.json();
    }

    static void refused(ApiResponse r, int status, String code) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.errorCode()).isEqualTo(code);
        assertThat(r.json().path("error").asString()).isEqualTo(code);
        assertThat(r.errorDescription()).isNotBlank();
        assertThat(r.header("Access-Control-Allow-Origin")).isEqualTo(ORIGIN);
    }

    /** #1 as {@code passkey.signUp({token, username})} sends it. */
    JsonNode registrationOptions(ClientApi client) {
        return ok(client.post(PASSKEY + "/registration-options",
                Map.of("username", "alice@example.com", "authenticatorAttachment", "platform")));
    }

    /** #3 as the SDK sends it (the User-Agent is the browser's). */
    ApiResponse add(String token, JsonNode options, ObjectNode credential) {
        return add(token, options, credential, false);
    }

    ApiResponse add(String token, JsonNode options, ObjectNode credential, boolean conditionalCreate) {
        return add(server.baseUrl(), token, options, credential, conditionalCreate);
    }

    /** #3 sent to the node at {@code baseUrl}. */
    ApiResponse add(String baseUrl, String token, JsonNode options, ObjectNode credential, boolean conditionalCreate) {
        Map<String, Object> body = new HashMap<>();
        body.put("registrationCredential", credential);
        body.put("conditionalCreate", conditionalCreate);
        body.put("challengeId", options.path("challengeId").asString());
        return postWithHeaders(baseUrl, token, PASSKEY, body, Map.of("User-Agent", USER_AGENT));
    }

    /** A Bearer POST from the page's origin with extra browser headers (User-Agent, a same-origin Cookie). */
    ApiResponse postWithHeaders(String baseUrl, String token, String path, Object body, Map<String, String> extra) {
        Map<String, String> headers = new HashMap<>(extra);
        headers.put("Authorization", "Bearer " + token);
        headers.put("Origin", ORIGIN);
        headers.put("Content-Type", "application/json");
        return new Api(baseUrl, null).send("POST", "/v1/client" + path, body, headers);
    }

    /**
     * The base URLs of every node on this suite's database: on PostgreSQL a second server shares it (on the same
     * clock), so that replays race between nodes, not only between threads of one.
     */
    List<String> nodes() {
        if (backend() != Backend.POSTGRESQL) {
            return List.of(server.baseUrl());
        }
        if (second == null) {
            second = TestServer.startOn(server.databaseUrl(), server.encryptionKey(), settings(), clock);
        }
        return List.of(server.baseUrl(), second.baseUrl());
    }

    @AfterAll
    void stopSecondNode() {
        if (second != null) {
            second.close();
        }
    }

    record Registered(String userId, SoftAuthenticator.Credential credential, JsonNode response) {
        String accessToken() {
            return response.path("accessToken").asString();
        }
    }

    Registered register() {
        String user = uid();
        String token = track(user, "signUp", null);
        JsonNode options = registrationOptions(bearer(token));
        SoftAuthenticator.Credential c = authenticator.newCredential("localhost",
                Base64.getUrlDecoder().decode(options.path("options").path("user").path("id").asString()));
        JsonNode response = ok(add(token, options, authenticator.registrationResponse(c,
                options.path("options").path("challenge").asString(), ORIGIN)));
        return new Registered(user, c, response);
    }

    JsonNode authenticationOptions(ClientApi client, String challengeId) {
        return ok(client.post(PASSKEY + "/authentication-options",
                challengeId == null ? Map.of() : Map.of("challengeId", challengeId)));
    }

    /** #8 as the SDK sends it, with the {@code __as_aid} device id. */
    ApiResponse verify(ClientApi client, JsonNode options, SoftAuthenticator.Credential c) {
        ObjectNode assertion = authenticator.assertion(c, options.path("options").path("challenge").asString(), ORIGIN);
        return client.post("/verify/passkey", Map.of("authenticationCredential", assertion, "deviceId", "device-1",
                "challengeId", options.path("challengeId").asString()));
    }

    ApiResponse signIn(ClientApi client, SoftAuthenticator.Credential c) {
        return verify(client, authenticationOptions(client, null), c);
    }

    JsonNode validate(String token) {
        return ok(api.post("/v1/validate", Map.of("token", token)));
    }

    JsonNode authenticators(String userId) {
        return ok(api.get("/v1/users/" + userId + "/authenticators"));
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
                .isEqualTo(Es256Keys.sha256(user.getBytes(StandardCharsets.UTF_8)));
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
    void a_page_outside_the_expected_origins_cannot_register() {
        String token = track(uid(), "signUp", null);
        JsonNode options = registrationOptions(bearer(token));
        refused(add(token, options, authenticator.create(options.path("options"), "http://localhost:3001")),
                400, "invalid_credential");
    }

    @Test
    void a_credential_scoped_to_another_rp_id_is_refused() {
        String token = track(uid(), "signUp", null);
        JsonNode options = registrationOptions(bearer(token));
        refused(add(token, options, authenticator.create(options.path("options"), ORIGIN, "evil.example")),
                400, "invalid_credential");
    }

    @Test
    void a_registration_without_user_presence_is_refused_unless_conditional() {
        String token = track(uid(), "signUp", null);
        JsonNode options = registrationOptions(bearer(token));
        authenticator.userPresent = false;
        try {
            refused(add(token, options, authenticator.create(options.path("options"), ORIGIN)), 400,
                    "invalid_credential");
            JsonNode again = registrationOptions(bearer(token));
            ok(add(token, again, authenticator.create(again.path("options"), ORIGIN), true));
        } finally {
            authenticator.userPresent = true;
        }
    }

    @Test
    void a_malformed_body_or_an_unknown_challenge_is_an_invalid_request() {
        String token = track(uid(), "signUp", null);
        JsonNode options = registrationOptions(bearer(token));
        refused(bearer(token).post(PASSKEY, Map.of("challengeId", options.path("challengeId").asString())), 400,
                "invalid_request");
        refused(bearer(token).post(PASSKEY, Map.of("registrationCredential", Map.of("id", "x"), "challengeId",
                options.path("challengeId").asString(), "conditionalCreate", false)), 400, "invalid_request");
        ObjectNode credential = authenticator.create(options.path("options"), ORIGIN);
        refused(bearer(token).post(PASSKEY, Map.of("registrationCredential", credential, "challengeId", "nope",
                "conditionalCreate", false)), 400, "invalid_request");
        refused(bearer(token).post("/verify/passkey", Map.of("authenticationCredential", credential)), 400,
                "invalid_request");
    }

    @Test
    void a_ceremony_expires_after_five_minutes_and_the_purge_removes_it() {
        String token = track(uid(), "signUp", null);
        JsonNode options = registrationOptions(bearer(token));
        JsonNode signIn = authenticationOptions(anonymous(), null);
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        refused(add(token, options, authenticator.create(options.path("options"), ORIGIN)), 400, "invalid_request");
        assertThat(server.app().passkeys().purgeExpired()).isGreaterThanOrEqualTo(2);
        refused(anonymous().post(PASSKEY + "/authentication-options",
                Map.of("challengeId", signIn.path("challengeId").asString())), 400, "invalid_request");
    }

    /** 16 copies of one registration from one barrier, over every node: one stores the passkey. */
    @Test
    void a_replayed_registration_is_refused_even_when_sent_concurrently_over_every_node() throws Exception {
        String token = track(uid(), "signUp", null);
        JsonNode options = registrationOptions(bearer(token));
        ObjectNode credential = authenticator.create(options.path("options"), ORIGIN);
        List<String> nodes = nodes();
        List<Callable<ApiResponse>> tasks = new ArrayList<>();
        for (int i = 0; i < REPLAYS; i++) {
            String node = nodes.get(i % nodes.size());
            tasks.add(() -> add(node, token, options, credential, false));
        }
        List<ApiResponse> answers = Race.fromBarrier(tasks);
        assertThat(answers).as(answers.toString()).filteredOn(r -> r.status() == 200).hasSize(1);
        assertThat(answers).filteredOn(r -> r.status() != 200)
                .allSatisfy(r -> assertThat(r.errorCode()).as(r.toString()).isEqualTo("invalid_request"));
        refused(add(token, options, credential), 400, "invalid_request");
    }

    /** 16 copies of one sign-in assertion from one barrier, over every node: one signs in. */
    @Test
    void a_replayed_sign_in_assertion_verifies_once_even_when_sent_concurrently_over_every_node() throws Exception {
        Registered reg = register();
        JsonNode options = authenticationOptions(anonymous(), null);
        ObjectNode assertion = authenticator.assertion(reg.credential(),
                options.path("options").path("challenge").asString(), ORIGIN);
        Map<String, Object> body = Map.of("authenticationCredential", assertion, "challengeId",
                options.path("challengeId").asString());
        List<String> nodes = nodes();
        List<Callable<ApiResponse>> tasks = new ArrayList<>();
        for (int i = 0; i < REPLAYS; i++) {
            ClientApi node = ClientApi.tenant(nodes.get(i % nodes.size()), tenantId).from(ORIGIN);
            tasks.add(() -> node.post("/verify/passkey", body));
        }
        List<ApiResponse> answers = Race.fromBarrier(tasks);
        assertThat(answers).as(answers.toString())
                .filteredOn(r -> r.status() == 200 && r.json().path("isVerified").asBoolean()).hasSize(1);
        // A replay that read the ceremony before the winner used it up, and the passkey after, meets the
        // signature counter the winner advanced: refused as a cloned authenticator's assertion instead.
        assertThat(answers).filteredOn(r -> r.status() != 200).hasSize(REPLAYS - 1).allSatisfy(r -> assertThat(
                r.errorCode()).as(r.toString()).isIn("invalid_request", "invalid_credential"));
    }

    @Test
    void a_credential_already_registered_is_a_conflict_and_a_challenge_serves_only_its_token() {
        Registered first = register();
        String other = track(uid(), "signUp", null);
        JsonNode options = registrationOptions(bearer(other));
        refused(add(other, options, authenticator.registrationResponse(first.credential(),
                options.path("options").path("challenge").asString(), ORIGIN)), 409, "conflict");

        JsonNode foreign = registrationOptions(bearer(track(uid(), "signUp", null)));
        refused(add(other, foreign, authenticator.create(foreign.path("options"), ORIGIN)), 400, "invalid_request");
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
    void another_users_passkey_or_a_deleted_one_is_an_invalid_credential() {
        Registered alice = register();
        Registered bob = register();
        String bobsToken = track(bob.userId(), "withdraw", null);
        refused(signIn(bearer(bobsToken), alice.credential()), 400, "invalid_credential");
        assertThat(validate(bobsToken).path("state").asString()).isNotEqualTo("CHALLENGE_SUCCEEDED");

        String id = alice.response().path("userAuthenticatorId").asString();
        ok(api.delete("/v1/users/" + alice.userId() + "/authenticators/" + id));
        refused(signIn(anonymous(), alice.credential()), 400, "invalid_credential");
        refused(anonymous().get(PASSKEY + "?credentialIds=" + alice.credential().id()), 404, "not_found");
    }

    @Test
    void a_forged_signature_or_another_user_handle_is_refused() {
        Registered reg = register();
        forgedSignIn(reg);

        JsonNode again = authenticationOptions(anonymous(), null);
        ObjectNode other = authenticator.assertion(reg.credential(), again.path("options").path("challenge").asString(),
                ORIGIN);
        ((ObjectNode) other.path("response")).put("userHandle",
                Base64.getUrlEncoder().withoutPadding().encodeToString("mallory".getBytes(StandardCharsets.UTF_8)));
        refused(anonymous().post("/verify/passkey", Map.of("authenticationCredential", other,
                "challengeId", again.path("challengeId").asString())), 400, "invalid_credential");
    }

    /** An anonymous sign-in with the passkey's assertion, its signature altered: refused as invalid. */
    void forgedSignIn(Registered reg) {
        JsonNode options = authenticationOptions(anonymous(), null);
        ObjectNode assertion = authenticator.assertion(reg.credential(),
                options.path("options").path("challenge").asString(), ORIGIN);
        ObjectNode response = (ObjectNode) assertion.path("response");
        byte[] signature = Base64.getUrlDecoder().decode(response.path("signature").asString());
        signature[signature.length - 1] ^= 1;
        response.put("signature", Base64.getUrlEncoder().withoutPadding().encodeToString(signature));
        refused(anonymous().post("/verify/passkey", Map.of("authenticationCredential", assertion,
                "challengeId", options.path("challengeId").asString())), 400, "invalid_credential");
    }

    @Test
    void consecutive_forged_assertions_lock_the_user_and_a_success_before_the_limit_resets_them() {
        Registered reg = register();
        for (int i = 1; i < io.signet.lockout.FailureCounters.LIMIT; i++) {
            forgedSignIn(reg);
        }
        ok(signIn(anonymous(), reg.credential()));
        for (int i = 0; i < io.signet.lockout.FailureCounters.LIMIT; i++) {
            forgedSignIn(reg);
        }
        refused(signIn(anonymous(), reg.credential()), 429, "too_many_requests");
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
    void a_counter_of_zero_is_accepted_and_a_counter_that_does_not_increase_is_refused() {
        Registered reg = register();
        ok(signIn(anonymous(), reg.credential())); // counter 1
        reg.credential().signCount = 5;
        ok(signIn(anonymous(), reg.credential())); // counter 6
        reg.credential().signCount = 2;
        refused(signIn(anonymous(), reg.credential()), 400, "invalid_credential"); // counter 3, below 6
        authenticator.counting = false;
        try {
            ok(signIn(anonymous(), reg.credential())); // counter 0: the authenticator keeps none
        } finally {
            authenticator.counting = true;
        }
        // A counter of 0 did not lower the stored 6: the next non-zero counter must still exceed it.
        reg.credential().signCount = 5;
        refused(signIn(anonymous(), reg.credential()), 400, "invalid_credential"); // counter 6, not above 6
        ok(signIn(anonymous(), reg.credential())); // counter 7
    }

    @Test
    void a_sign_in_challenge_is_answered_once_and_only_by_its_caller() {
        Registered reg = register();
        JsonNode options = authenticationOptions(anonymous(), null);
        SoftAuthenticator.Credential c = reg.credential();
        ObjectNode assertion = authenticator.assertion(c, options.path("options").path("challenge").asString(), ORIGIN);
        Map<String, Object> body = Map.of("authenticationCredential", assertion, "challengeId",
                options.path("challengeId").asString());
        ok(anonymous().post("/verify/passkey", body));
        refused(anonymous().post("/verify/passkey", body), 400, "invalid_request");

        JsonNode users = authenticationOptions(bearer(track(reg.userId(), "a", null)), null);
        refused(verify(anonymous(), users, c), 400, "invalid_request");
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
