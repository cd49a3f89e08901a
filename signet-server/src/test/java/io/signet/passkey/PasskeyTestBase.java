package io.signet.passkey;

import static org.assertj.core.api.Assertions.assertThat;

import io.signet.testing.Api;
import io.signet.testing.ApiResponse;
import io.signet.testing.ClientApi;
import io.signet.testing.ManualClock;
import io.signet.testing.ServerSuite;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Set-up and helpers of the passkey contracts: the relying party of the default tenant, a software authenticator
 * standing in for the browser's {@code navigator.credentials}, and the SDK's exact request bodies for the Client
 * API passkey endpoints #1-#9; the resulting state is read back through the Server API.
 */
abstract class PasskeyTestBase extends ServerSuite {
    static final String ORIGIN = "http://localhost:3000";
    static final String USER_AGENT = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 "
            + "(KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
    static final String PASSKEY = "/user-authenticators/passkey";

    final SoftAuthenticator authenticator = new SoftAuthenticator();
    /**
     * Only moved forward by {@code PasskeyRefusalsContract}'s expiry test, by less than a token's lifetime after
     * it tracks; a second node of {@code PasskeyReplaysContract} runs on it too.
     */
    final ManualClock clock = new ManualClock(Instant.now());
    String tenantId;

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
}
