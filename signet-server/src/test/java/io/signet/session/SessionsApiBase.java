package io.signet.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.signet.testing.Api;
import io.signet.testing.ApiResponse;
import io.signet.testing.Backend;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** A Signet node with one app client, and the calls the session suites make; one per backend. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SessionsApiBase {
    @TempDir
    static Path tempDir;
    SessionNodes nodes;
    SessionNodes.Node node;
    Api api;
    String clientId;

    abstract Backend backend();

    @BeforeAll
    void start() {
        nodes = new SessionNodes(backend(), tempDir);
        node = nodes.start();
        api = node.api();
        clientId = createClient(api);
    }

    @AfterAll
    void stop() {
        nodes.close();
    }

    static String createClient(Api api) {
        ApiResponse r = api.post("/admin/v1/clients", Map.of("name", "web"));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().path("clientId").asString();
    }

    String newUser(Api as) {
        String userId = "user-" + UUID.randomUUID();
        ApiResponse r = as.patch("/v1/users/" + userId, Map.of("email", "jane@example.com", "emailVerified", true,
                "displayName", "Jane", "custom", Map.of("plan", "gold")));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return userId;
    }

    JsonNode createSession(Api as, String client, String userId) {
        ApiResponse r = as.post("/v1/sessions", Map.of("clientId", client,
                "token", nodes.token(as, userId, "CHALLENGE_SUCCEEDED")));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    JsonNode createSession(String userId) {
        return createSession(api, clientId, userId);
    }

    static String access(JsonNode pair) {
        return pair.path("accessToken").asString();
    }

    static String refreshToken(JsonNode pair) {
        return pair.path("refreshToken").asString();
    }

    ApiResponse validate(String accessToken) {
        return api.post("/v1/sessions/validate", Map.of("accessToken", accessToken));
    }

    ApiResponse refresh(String refreshToken) {
        return api.post("/v1/sessions/refresh", Map.of("refreshToken", refreshToken));
    }

    static void assertInvalidToken(ApiResponse r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(422);
        assertThat(r.errorCode()).isEqualTo("invalid_request_token");
    }

}
