package io.signet.clientapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.signet.testing.Api;
import io.signet.testing.ApiResponse;
import io.signet.testing.ClientApi;
import io.signet.testing.ManualClock;
import io.signet.testing.ServerSuite;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The client edge through the real port: client identity settings, the two client credentials (and that
 * they never cross with the Server API's), and CORS for the tenants' expected origins.
 */
abstract class ClientEdgeContract extends ServerSuite {
    private final ManualClock clock = new ManualClock(Instant.now());

    @Override
    protected Clock clock() {
        return clock;
    }

    private String tenantId() {
        return api.get("/admin/v1/settings").json().path("tenantId").asString();
    }

    private String track(Api tenant, String userId) {
        ApiResponse r = tenant.post("/v1/users/" + userId + "/actions/signIn", Map.of());
        assertThat(r.status()).isEqualTo(200);
        return r.json().path("token").asString();
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void settings_show_the_public_tenant_id_and_the_defaults_derived_from_the_public_url() {
        JsonNode s = api.get("/admin/v1/settings").json();
        assertThat(s.path("tenantId").asString()).isNotBlank();
        assertThat(s.path("rpId").asString()).isEqualTo("localhost"); // the public URL's host is an IP
        assertThat(s.path("rpName").asString()).isEqualTo("default");
        assertThat(s.path("expectedOrigins")).hasSize(1);
        assertThat(s.path("expectedOrigins").get(0).asString()).isEqualTo(server.baseUrl());
        assertThat(s.path("anyLocalhostPort").asBoolean()).isTrue();
        assertThat(s.has("error")).isFalse();
    }

    @Test
    void client_settings_are_validated_normalised_and_replace_the_defaults() {
        Api tenant = server.newTenant("edge-" + UUID.randomUUID());
        ApiResponse set = tenant.patch("/admin/v1/settings", Map.of("rpId", "Example.COM", "rpName", "Example",
                "expectedOrigins", List.of("https://App.Example.com:443", "http://localhost:3000/")));
        assertThat(set.status()).isEqualTo(200);
        JsonNode s = set.json();
        assertThat(s.path("rpId").asString()).isEqualTo("example.com");
        assertThat(s.path("rpName").asString()).isEqualTo("Example");
        assertThat(s.path("expectedOrigins").toString()).isEqualTo("[\"https://app.example.com\",\"http://localhost:3000\"]");
        assertThat(s.path("anyLocalhostPort").asBoolean()).isFalse();
        assertThat(s.path("recoveryCodesEnabled").asBoolean()).isTrue();

        for (Object bad : List.of(Map.of("expectedOrigins", List.of("https://app.example.com/login")),
                Map.of("expectedOrigins", List.of("ftp://app.example.com")),
                Map.of("expectedOrigins", List.of()),
                Map.of("expectedOrigins", List.of("app.example.com")),
                Map.of("rpId", "127.0.0.1"), Map.of("rpId", "https://example.com"), Map.of("rpId", "a..b"),
                Map.of("rpName", ""))) {
            ApiResponse r = tenant.patch("/admin/v1/settings", bad);
            assertThat(r.status()).as(bad.toString()).isEqualTo(400);
            assertThat(r.errorCode()).isEqualTo("invalid_request");
        }
        assertThat(tenant.get("/admin/v1/settings").json().path("rpId").asString()).isEqualTo("example.com");
    }

    @Test
    void tenant_basic_is_accepted_on_client_routes_in_all_four_encodings() {
        String id = tenantId();
        String base = server.baseUrl();
        List<String> forms = List.of(
                b64(id), // browser SDK: base64(encodeURIComponent(id)), no colon
                b64(id + ":"), // docs (curl -u) and Android
                Base64.getUrlEncoder().withoutPadding().encodeToString((id + ":").getBytes(StandardCharsets.UTF_8)),
                Base64.getEncoder().withoutPadding().encodeToString(id.getBytes(StandardCharsets.UTF_8)));
        for (String form : forms) {
            // An unknown client route: 404 proves the credential passed the edge (a refused one is 401).
            ApiResponse r = ClientApi.withAuthorization(base, "Basic " + form).get("/no-such-route");
            assertThat(r.status()).as(form).isEqualTo(404);
            assertThat(r.errorCode()).isEqualTo("not_found");
        }
        ApiResponse unknown = ClientApi.tenant(base, "no-such-tenant").get("/no-such-route");
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.errorCode()).isEqualTo("unauthorized");
        // Where a token is needed, tenant Basic is not enough.
        ApiResponse needsToken = ClientApi.tenant(base, id).get("/user-authenticators");
        assertThat(needsToken.status()).isEqualTo(401);
        assertThat(needsToken.errorCode()).isEqualTo("unauthorized");
    }

    @Test
    void tenant_basic_and_tokens_are_refused_on_server_routes_and_the_secret_key_on_client_routes() {
        String id = tenantId();
        String token = track(api, "edge-" + UUID.randomUUID());
        Api anonymous = new Api(server.baseUrl(), null);
        for (String auth : List.of("Basic " + b64(id), "Basic " + b64(id + ":"), "Bearer " + token)) {
            ApiResponse r = anonymous.send("GET", "/v1/users/someone", null, Map.of("Authorization", auth));
            assertThat(r.status()).as(auth).isEqualTo(401);
            assertThat(r.errorCode()).isEqualTo("unauthorized");
        }
        String key = io.signet.testing.TestServer.SECRET_KEY;
        for (String form : List.of(b64(key + ":"), b64(key))) {
            ApiResponse r = ClientApi.withAuthorization(server.baseUrl(), "Basic " + form).get("/no-such-route");
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.errorCode()).isEqualTo("unauthorized");
        }
        assertThat(ClientApi.withAuthorization(server.baseUrl(), null).get("/user-authenticators").errorCode())
                .isEqualTo("unauthorized");
    }

    @Test
    void a_track_token_is_a_bearer_and_a_bad_or_expired_one_says_which() {
        String user = "edge-" + UUID.randomUUID();
        String token = track(api, user);
        ApiResponse ok = ClientApi.bearer(server.baseUrl(), token).get("/user-authenticators");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("[]");
        // Also through a doubled slash, as a baseUrl with a trailing '/' produces.
        assertThat(new Api(server.baseUrl(), null).send("GET", "/v1//client/user-authenticators", null,
                Map.of("Authorization", "Bearer " + token)).status()).isEqualTo(200);

        ApiResponse garbage = ClientApi.bearer(server.baseUrl(), "not-a-token").get("/user-authenticators");
        assertThat(garbage.status()).isEqualTo(401);
        assertThat(garbage.errorCode()).isEqualTo("invalid_token");
        String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertThat(ClientApi.bearer(server.baseUrl(), tampered).get("/user-authenticators").errorCode())
                .isEqualTo("invalid_token");

        clock.advance(Duration.ofMinutes(10));
        ApiResponse expired = ClientApi.bearer(server.baseUrl(), token).get("/user-authenticators");
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.errorCode()).isEqualTo("expired_token");
    }

    @Test
    void preflights_are_granted_only_to_expected_origins() {
        ClientApi page = ClientApi.withAuthorization(server.baseUrl(), null);
        ApiResponse ok = page.from("http://localhost:3000").preflight("/verify/email-otp", "POST");
        assertThat(ok.status()).isEqualTo(204);
        assertThat(ok.header("Access-Control-Allow-Origin")).isEqualTo("http://localhost:3000");
        assertThat(ok.header("Access-Control-Allow-Credentials")).isEqualTo("true");
        assertThat(ok.header("Access-Control-Allow-Methods")).isEqualTo("GET, POST, OPTIONS");
        assertThat(ok.header("Access-Control-Allow-Headers")).isEqualTo("authorization,content-type");
        assertThat(ok.header("Access-Control-Max-Age")).isEqualTo("600");
        assertThat(ok.header("Vary")).contains("Origin");
        assertThat(page.from(server.baseUrl()).preflight("/user-authenticators", "GET")
                .header("Access-Control-Allow-Origin")).isEqualTo(server.baseUrl());

        ApiResponse refused = page.from("https://evil.example").preflight("/verify/email-otp", "POST");
        assertThat(refused.header("Access-Control-Allow-Origin")).isNull();
        assertThat(refused.header("Access-Control-Allow-Methods")).isNull();
        // An IP origin other than the public URL's is not localhost.
        assertThat(page.from("http://127.0.0.2:3000").preflight("/x", "POST").header("Access-Control-Allow-Origin"))
                .isNull();
    }

    @Test
    void every_answer_to_an_expected_origin_carries_CORS_headers_errors_included() {
        String origin = "http://localhost:5173";
        String token = track(api, "edge-" + UUID.randomUUID());
        List<ApiResponse> answers = List.of(
                ClientApi.bearer(server.baseUrl(), token).from(origin).get("/user-authenticators"), // 200
                ClientApi.withAuthorization(server.baseUrl(), null).from(origin).get("/user-authenticators"), // 401
                ClientApi.bearer(server.baseUrl(), "x.y.z").from(origin).get("/user-authenticators"), // 401
                ClientApi.bearer(server.baseUrl(), token).from(origin).get("/no-such-route"), // 404
                ClientApi.bearer(server.baseUrl(), token).from(origin).post("/no-such-route", "{")); // 404
        for (ApiResponse r : answers) {
            assertThat(r.header("Access-Control-Allow-Origin")).as(r.toString()).isEqualTo(origin);
            assertThat(r.header("Access-Control-Allow-Credentials")).isEqualTo("true");
            assertThat(r.header("Content-Type")).startsWith("application/json");
            if (r.status() != 200) {
                r.errorCode();
            } else {
                assertThat(r.body()).doesNotContain("\"error\"");
            }
        }
        ApiResponse foreign = ClientApi.bearer(server.baseUrl(), token).from("https://evil.example")
                .get("/user-authenticators");
        assertThat(foreign.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void an_origin_another_tenant_allows_is_refused_for_this_tenants_token() {
        Api other = server.newTenant("edge-" + UUID.randomUUID());
        other.patch("/admin/v1/settings", Map.of("rpId", "b.example", "expectedOrigins", List.of("https://b.example")));
        String token = track(other, "edge-" + UUID.randomUUID());
        ApiResponse mine = ClientApi.bearer(server.baseUrl(), token).from("https://b.example").get("/user-authenticators");
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.header("Access-Control-Allow-Origin")).isEqualTo("https://b.example");
        // http://localhost:3000 is allowed by the default tenant, not by this one.
        ApiResponse r = ClientApi.bearer(server.baseUrl(), token).from("http://localhost:3000").get("/user-authenticators");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.errorCode()).isEqualTo("forbidden");
        assertThat(r.header("Access-Control-Allow-Origin")).isNull();
    }
}
