package io.signet.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.signet.testing.Api;
import io.signet.testing.ApiResponse;
import io.signet.testing.Backend;
import io.signet.testing.TestServer;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Transport-level behaviour through the real port: authentication, the bad input matrix, size limit,
 * routing quirks of the SDKs, health, metrics, idempotency. Backend-independent, so SQLite only.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpBehaviourIT {
    @TempDir
    static Path tempDir;
    TestServer server;
    Api api;

    @BeforeAll
    void start() {
        server = TestServer.start(Backend.SQLITE, tempDir, Map.of("SIGNET_METRICS_PUBLIC", "true"),
                java.time.Clock.systemUTC());
        api = server.api();
    }

    @AfterAll
    void stop() {
        server.closeAndDropDatabase();
    }

    @Test
    void a_missing_or_wrong_key_is_401_with_the_exact_Authsignal_body() {
        for (Api unauthenticated : new Api[] {api.withKey(null), api.withKey("sk_wrong"), api.withKey("")}) {
            ApiResponse r = unauthenticated.get("/v1/users/u1");
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.header("Content-Type")).isEqualTo("application/json");
            assertThat(r.body()).isEqualTo("{\"error\":\"unauthorized\",\"errorCode\":\"unauthorized\","
                    + "\"errorDescription\":\"The request is unauthorized. Check that your API key and region base URL"
                    + " are correctly configured.\"}");
        }
        ApiResponse garbage = api.withKey(null).send("GET", "/v1/users/u1", null, Map.of("Authorization", "Basic !!!"));
        assertThat(garbage.status()).isEqualTo(401);
        ApiResponse bearer = api.withKey(null).send("GET", "/v1/users/u1", null,
                Map.of("Authorization", "Bearer " + TestServer.SECRET_KEY));
        assertThat(bearer.status()).isEqualTo(401);
    }

    @Test
    void malformed_JSON_wrong_types_and_non_objects_are_400() {
        for (String body : new String[] {"{", "{\"email\": }", "\"text\"", "42", "[]", "{\"username\": 5}",
                "{\"emailVerified\": \"true\"}", "{\"a\":1}{\"b\":2}", "{\"username\":\"a\",\"username\":\"b\"}"}) {
            ApiResponse r = api.patch("/v1/users/bad-input", body);
            assertThat(r.status()).as(body + " -> " + r).isEqualTo(400);
            assertThat(r.errorCode()).isEqualTo("invalid_request");
            assertThat(r.body()).doesNotContain("Exception").doesNotContain("at io.");
        }
    }

    @Test
    void bytes_that_are_not_UTF_8_are_400() {
        byte[] latin1 = "{\"username\":\"caf\u00e9\"}".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        ApiResponse r = api.patch("/v1/users/latin1", latin1);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorDescription()).contains("UTF-8");
    }

    @Test
    void empty_and_null_bodies_mean_an_empty_object_and_unknown_fields_are_ignored() {
        assertThat(api.patch("/v1/users/empty-body", "").status()).isEqualTo(200);
        assertThat(api.post("/v1/users/null-body", "null").status()).isEqualTo(200);
        ApiResponse r = api.patch("/v1/users/unknown-fields", "{\"username\":\"u\",\"futureField\":{\"x\":1}}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("username").asString()).isEqualTo("u");
    }

    @Test
    void GET_and_DELETE_with_a_JSON_content_type_and_no_body_are_accepted() {
        Map<String, String> headers = Map.of("Content-Type", "application/json; charset=utf-8");
        assertThat(api.send("GET", "/v1/users/ct", null, headers).status()).isEqualTo(200);
        assertThat(api.send("DELETE", "/v1/users/ct", null, headers).status()).isEqualTo(200);
    }

    @Test
    void a_body_over_one_MiB_is_413_in_the_error_shape() {
        String huge = "{\"username\":\"" + "x".repeat(1024 * 1024) + "\"}";
        ApiResponse r = api.patch("/v1/users/huge", huge);
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.errorCode()).isEqualTo("payload_too_large");
    }

    @Test
    void unknown_paths_are_404_and_wrong_methods_405_in_the_error_shape() {
        ApiResponse notFound = api.get("/v1/nothing-here");
        assertThat(notFound.status()).isEqualTo(404);
        assertThat(notFound.errorCode()).isEqualTo("not_found");
        ApiResponse wrongMethod = api.send("PUT", "/v1/users/u1", "{}", Map.of());
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.errorCode()).isEqualTo("method_not_allowed");
    }

    @Test
    void repeated_and_trailing_slashes_from_SDK_base_URLs_are_tolerated() {
        api.patch("/v1/users/slashes", Map.of("username", "s"));
        assertThat(api.get("/v1//users/slashes").json().path("username").asString()).isEqualTo("s");
        assertThat(api.get("/v1/users/slashes/").json().path("username").asString()).isEqualTo("s");
    }

    @Test
    void health_needs_no_key_and_metrics_carry_no_user_ids() {
        ApiResponse health = api.withKey(null).get("/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("{\"status\":\"ok\"}");
        String secretUser = "metrics-" + UUID.randomUUID();
        api.get("/v1/users/" + secretUser);
        ApiResponse metrics = api.withKey(null).get("/metrics");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("http_server_requests").contains("/v1/users/{userId}")
                .doesNotContain(secretUser).doesNotContain(TestServer.SECRET_KEY);
    }

    @Test
    void an_idempotent_retry_replays_the_first_response_byte_for_byte_and_changes_nothing() {
        String key = "idem-" + UUID.randomUUID();
        Map<String, String> headers = Map.of("Idempotency-Key", key);
        ApiResponse first = api.send("PATCH", "/v1/users/idem-user", "{\"username\":\"first\"}", headers);
        api.patch("/v1/users/idem-user", Map.of("username", "changed-in-between"));
        ApiResponse retry = api.send("PATCH", "/v1/users/idem-user", "{\"username\":\"first\"}", headers);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(api.get("/v1/users/idem-user").json().path("username").asString()).isEqualTo("changed-in-between");

        ApiResponse otherBody = api.send("PATCH", "/v1/users/idem-user", "{\"username\":\"second\"}", headers);
        assertThat(otherBody.status()).isEqualTo(409);
        assertThat(otherBody.errorCode()).isEqualTo("conflict");
    }

    @Test
    void the_same_key_on_another_query_string_is_another_request() {
        Map<String, String> headers = Map.of("Idempotency-Key", "idem-" + UUID.randomUUID());
        assertThat(api.send("DELETE", "/v1/users/idem-query", null, headers).status()).isEqualTo(200);
        ApiResponse other = api.send("DELETE", "/v1/users/idem-query?allowLockout=true", null, headers);
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.errorDescription()).contains("different request");
    }

    @Test
    void an_idempotent_request_that_failed_validation_replays_the_same_error() {
        Map<String, String> headers = Map.of("Idempotency-Key", "idem-" + UUID.randomUUID());
        ApiResponse first = api.send("PATCH", "/v1/users/idem-bad", "{\"email\":\"nope\"}", headers);
        ApiResponse retry = api.send("PATCH", "/v1/users/idem-bad", "{\"email\":\"nope\"}", headers);
        assertThat(first.status()).isEqualTo(400);
        assertThat(retry.status()).isEqualTo(400);
        assertThat(retry.body()).isEqualTo(first.body());
    }

    @Test
    void idempotency_keys_are_scoped_to_the_tenant() {
        Map<String, String> headers = Map.of("Idempotency-Key", "shared-key");
        Api other = server.newTenant("idem-other");
        assertThat(api.send("PATCH", "/v1/users/scoped", "{\"username\":\"a\"}", headers).status()).isEqualTo(200);
        ApiResponse r = other.send("PATCH", "/v1/users/scoped", "{\"username\":\"b\"}", headers);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("username").asString()).isEqualTo("b");
    }
}
