package io.signet.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.signet.testing.Api;
import io.signet.testing.ApiResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** The app clients admin API ({@code /admin/v1/clients}); run once per storage backend by its subclasses. */
abstract class AppClientsApiContract extends SessionsApiBase {

    @Test
    void a_new_client_gets_an_id_and_the_default_lifetimes() {
        ApiResponse r = api.post("/admin/v1/clients", Map.of("name", "  Mobile app "));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode c = r.json();
        assertThat(c.path("clientId").asString()).isNotBlank();
        assertThat(c.path("name").asString()).isEqualTo("Mobile app");
        assertThat(c.path("accessTokenLifetime").asLong()).isEqualTo(600);
        assertThat(c.path("refreshTokenLifetime").asLong()).isEqualTo(30L * 24 * 3600);
        assertThat(c.path("createdAt").asString()).endsWith("Z");

        ApiResponse got = api.get("/admin/v1/clients/" + c.path("clientId").asString());
        assertThat(got.json()).isEqualTo(c);
        assertThat(api.get("/admin/v1/clients").json().path("clients").findValuesAsString("clientId"))
                .contains(c.path("clientId").asString());
    }

    @Test
    void update_changes_only_the_fields_sent_and_the_lifetimes_shape_new_tokens() {
        String id = api.post("/admin/v1/clients", Map.of("name", "web")).json().path("clientId").asString();
        ApiResponse r = api.patch("/admin/v1/clients/" + id, Map.of("accessTokenLifetime", 120));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().path("name").asString()).isEqualTo("web");
        assertThat(r.json().path("accessTokenLifetime").asLong()).isEqualTo(120);

        JsonNode pair = createSession(api, id, newUser(api));
        long expiresAt = validate(pair.path("accessToken").asString()).json().path("expiresAt").asLong();
        assertThat(expiresAt).isEqualTo(nodes.clock.millis() / 1000 + 120);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{}",
            "{\"name\":\"\"}",
            "{\"name\":5}",
            "{\"name\":\"a\",\"accessTokenLifetime\":59}",
            "{\"name\":\"a\",\"accessTokenLifetime\":86401}",
            "{\"name\":\"a\",\"accessTokenLifetime\":600,\"refreshTokenLifetime\":599}",
            "{\"name\":\"a\",\"refreshTokenLifetime\":31622400}",
            "{\"name\":\"a\",\"accessTokenLifetime\":\"ten\"}",
    })
    void invalid_clients_are_400_naming_the_field_and_nothing_is_created(String body) {
        int before = api.get("/admin/v1/clients").json().path("clients").size();
        ApiResponse r = api.post("/admin/v1/clients", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.errorDescription()).containsAnyOf("name", "Lifetime");
        assertThat(api.get("/admin/v1/clients").json().path("clients").size()).isEqualTo(before);
    }

    @Test
    void an_update_that_makes_the_access_lifetime_exceed_the_refresh_lifetime_is_400() {
        String id = api.post("/admin/v1/clients", Map.of("name", "short", "refreshTokenLifetime", 3600))
                .json().path("clientId").asString();
        ApiResponse r = api.patch("/admin/v1/clients/" + id, Map.of("accessTokenLifetime", 7200));
        assertThat(r.status()).isEqualTo(400);
        assertThat(api.get("/admin/v1/clients/" + id).json().path("accessTokenLifetime").asLong()).isEqualTo(600);
    }

    @Test
    void clients_are_private_to_their_tenant_and_unknown_ones_are_404() {
        Api other = nodes.newTenant(node, "other-" + UUID.randomUUID());
        assertThat(other.get("/admin/v1/clients/" + clientId).status()).isEqualTo(404);
        assertThat(other.patch("/admin/v1/clients/" + clientId, Map.of("name", "x")).status()).isEqualTo(404);
        assertThat(other.delete("/admin/v1/clients/" + clientId).status()).isEqualTo(404);
        assertThat(other.get("/admin/v1/clients").json().path("clients").isEmpty()).isTrue();
        ApiResponse foreignClient = other.post("/v1/sessions", Map.of("clientId", clientId,
                "token", nodes.token(other, newUser(other), "CHALLENGE_SUCCEEDED")));
        assertThat(foreignClient.status()).isEqualTo(400);
        assertThat(api.get("/admin/v1/clients/" + clientId).status()).isEqualTo(200);
    }

    @Test
    void a_deleted_client_is_gone() {
        String id = api.post("/admin/v1/clients", Map.of("name", "temp")).json().path("clientId").asString();
        ApiResponse deleted = api.delete("/admin/v1/clients/" + id);
        assertThat(deleted.json().path("success").asBoolean()).isTrue();
        assertThat(api.get("/admin/v1/clients/" + id).errorCode()).isEqualTo("not_found");
    }

    @Test
    void the_admin_API_needs_the_tenant_key() {
        assertThat(api.withKey(null).get("/admin/v1/clients").status()).isEqualTo(401);
        assertThat(api.withKey("sk_wrong").post("/admin/v1/clients", Map.of("name", "x")).status()).isEqualTo(401);
    }
}
