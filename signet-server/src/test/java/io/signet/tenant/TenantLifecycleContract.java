package io.signet.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import io.signet.testing.Api;
import io.signet.testing.ApiResponse;
import io.signet.testing.ServerSuite;
import io.signet.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The tenant lifecycle through the real HTTP port: the operator API, a tenant's own key routes, the audit
 * log, and a delete that leaves no row of the tenant in any table.
 */
public abstract class TenantLifecycleContract extends ServerSuite {
    static final String OPERATOR_KEY = "op_test_operator_key_0123456789";

    @Override
    protected Map<String, String> settings() {
        return Map.of("SIGNET_OPERATOR_KEY", OPERATOR_KEY);
    }

    private Api operator() {
        return new Api(server.baseUrl(), OPERATOR_KEY);
    }

    /** Creates a tenant through the operator API; returns {tenantId, secretKey}. */
    private String[] newTenant(String name) {
        ApiResponse r = operator().post("/operator/v1/tenants", Map.of("name", name));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return new String[] {r.json().path("tenant").path("tenantId").asString(),
                r.json().path("secretKey").asString()};
    }

    private int statusWith(String key) {
        return api.withKey(key).get("/admin/v1/settings").status();
    }

    @Test
    void the_operator_API_takes_only_the_operator_key() {
        assertThat(api.get("/operator/v1/tenants").status()).as("a tenant key").isEqualTo(401);
        assertThat(api.withKey(null).get("/operator/v1/tenants").errorCode()).isEqualTo("unauthorized");
        assertThat(api.withKey(OPERATOR_KEY + "x").get("/operator/v1/tenants").status()).isEqualTo(401);
        assertThat(operator().withKey(OPERATOR_KEY).get("/admin/v1/settings").status())
                .as("the operator key is no tenant key").isEqualTo(401);
        ApiResponse keyed = operator().send("POST", "/operator/v1/tenants", Map.of("name", "x"),
                Map.of("Idempotency-Key", "k1"));
        assertThat(keyed.status()).as(keyed.toString()).isEqualTo(400);
    }

    @Test
    void the_operator_creates_lists_shows_and_renames_tenants() {
        String[] t = newTenant("Acme");
        assertThat(statusWith(t[1])).as("the new key works").isEqualTo(200);
        JsonNode list = operator().get("/operator/v1/tenants").json().path("tenants");
        assertThat(list.findValuesAsString("tenantId")).contains(t[0]);

        ApiResponse shown = operator().get("/operator/v1/tenants/" + t[0]);
        assertThat(shown.json().path("name").asString()).isEqualTo("Acme");
        assertThat(shown.json().path("createdAt").asString()).endsWith("Z");

        ApiResponse renamed = operator().patch("/operator/v1/tenants/" + t[0], Map.of("name", " Acme Ltd "));
        assertThat(renamed.json().path("name").asString()).isEqualTo("Acme Ltd");
        assertThat(operator().patch("/operator/v1/tenants/" + t[0], Map.of("name", "")).errorCode())
                .isEqualTo("invalid_request");
        assertThat(operator().patch("/operator/v1/tenants/nope", Map.of("name", "x")).errorCode())
                .isEqualTo("not_found");
        assertThat(operator().get("/operator/v1/tenants/nope").status()).isEqualTo(404);
        assertThat(operator().post("/operator/v1/tenants", "{\"name\": 5}").status()).isEqualTo(400);
    }

    @Test
    void a_rotation_overlaps_two_keys_until_the_old_one_is_revoked() {
        String[] t = newTenant("rotating");
        String keys = "/operator/v1/tenants/" + t[0] + "/keys";
        String oldKeyId = operator().get(keys).json().path("keys").get(0).path("keyId").asString();

        ApiResponse rotated = operator().post(keys + "/rotate", Map.of());
        assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
        String newKey = rotated.json().path("secretKey").asString();
        String newKeyId = rotated.json().path("keyId").asString();
        assertThat(newKey).startsWith("sk_").isNotEqualTo(t[1]);
        assertThat(statusWith(t[1])).as("old key during the overlap").isEqualTo(200);
        assertThat(statusWith(newKey)).as("new key").isEqualTo(200);

        ApiResponse listed = operator().get(keys);
        assertThat(listed.body()).doesNotContain(t[1]).doesNotContain(newKey);
        JsonNode list = listed.json().path("keys");
        assertThat(list.size()).isEqualTo(2);
        assertThat(list.findValuesAsString("keyId")).containsExactly(newKeyId, oldKeyId);
        assertThat(list.get(1).path("active").asBoolean()).isTrue();
        assertThat(list.get(1).path("lastUsedAt").asString()).as("coarse last use of the old key").endsWith("Z");
        assertThat(list.get(1).has("expiresAt")).isFalse();

        assertThat(operator().post(keys + "/rotate", Map.of()).errorCode()).as("a third active key")
                .isEqualTo("conflict");

        assertThat(operator().delete(keys + "/" + oldKeyId).status()).isEqualTo(200);
        assertThat(statusWith(t[1])).as("revoked on this node: refused at once").isEqualTo(401);
        assertThat(statusWith(newKey)).isEqualTo(200);
        assertThat(operator().delete(keys + "/" + oldKeyId).errorCode()).as("already revoked").isEqualTo("conflict");
        assertThat(operator().delete(keys + "/" + newKeyId).errorCode()).as("the last active key")
                .isEqualTo("conflict");
        assertThat(operator().delete(keys + "/unknown").errorCode()).isEqualTo("not_found");
        JsonNode after = operator().get(keys).json().path("keys");
        assertThat(after.get(1).path("active").asBoolean()).isFalse();
        assertThat(after.get(1).path("revokedAt").asString()).endsWith("Z");
    }

    @Test
    void an_old_key_given_an_expiry_at_rotation_stops_then() {
        String[] t = newTenant("expiring");
        assertThat(statusWith(t[1])).isEqualTo(200); // cached before the rotation gives it an end
        ApiResponse rotated = operator().post("/operator/v1/tenants/" + t[0] + "/keys/rotate",
                Map.of("oldKeyExpiresInSeconds", 0));
        assertThat(rotated.json().path("oldKeysExpireAt").asString()).endsWith("Z");
        assertThat(statusWith(t[1])).as("expired now").isEqualTo(401);
        assertThat(statusWith(rotated.json().path("secretKey").asString())).isEqualTo(200);
        JsonNode keys = operator().get("/operator/v1/tenants/" + t[0] + "/keys").json().path("keys");
        assertThat(keys.get(1).path("active").asBoolean()).isFalse();
        assertThat(keys.get(1).path("expiresAt").asString()).endsWith("Z");
        assertThat(operator().post("/operator/v1/tenants/" + t[0] + "/keys/rotate",
                Map.of("oldKeyExpiresInSeconds", -1)).errorCode()).isEqualTo("invalid_request");
    }

    @Test
    void a_tenant_rotates_and_revokes_its_own_keys_and_reads_its_audit_log() {
        String[] t = newTenant("self-service");
        Api tenant = api.withKey(t[1]);
        String firstKeyId = tenant.get("/admin/v1/keys").json().path("keys").get(0).path("keyId").asString();
        ApiResponse keyed = tenant.send("POST", "/admin/v1/keys/rotate", "{}", Map.of("Idempotency-Key", "r1"));
        assertThat(keyed.errorCode()).as("a replay would need the new key stored").isEqualTo("invalid_request");
        ApiResponse rotated = tenant.post("/admin/v1/keys/rotate", "");
        assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
        String newKey = rotated.json().path("secretKey").asString();
        Api renewed = api.withKey(newKey);
        assertThat(renewed.delete("/admin/v1/keys/" + firstKeyId).status()).isEqualTo(200);
        assertThat(tenant.get("/admin/v1/keys").status()).isEqualTo(401);
        assertThat(renewed.patch("/admin/v1/settings", Map.of("protectLastAuthenticator", true)).status())
                .isEqualTo(200);

        ApiResponse audit = renewed.get("/admin/v1/audit");
        assertThat(audit.body()).doesNotContain(t[1]).doesNotContain(newKey);
        JsonNode events = audit.json().path("events");
        assertThat(events.findValuesAsString("action")).containsExactlyInAnyOrder("tenant.created", "key.rotated",
                "key.revoked", "tenant.settings_changed");
        for (JsonNode e : events) {
            switch (e.path("action").asString()) {
                case "tenant.created" -> assertThat(e.path("actor").asString()).isEqualTo("operator");
                case "key.rotated" -> {
                    assertThat(e.path("actor").asString()).isEqualTo("key:" + firstKeyId);
                    assertThat(e.path("details").path("keyId").asString()).isEqualTo(rotated.json().path("keyId")
                            .asString());
                }
                case "key.revoked" -> {
                    assertThat(e.path("actor").asString()).isEqualTo("key:" + rotated.json().path("keyId").asString());
                    assertThat(e.path("details").path("keyId").asString()).isEqualTo(firstKeyId);
                }
                default -> {
                    assertThat(e.path("actor").asString()).isEqualTo("key:" + rotated.json().path("keyId").asString());
                    assertThat(e.path("details").path("protectLastAuthenticator").asBoolean()).isTrue();
                    assertThat(e.path("details").size()).as("only the settings sent").isEqualTo(1);
                }
            }
            assertThat(e.path("address").asString()).isNotEmpty();
            assertThat(e.path("createdAt").asString()).endsWith("Z");
        }
        assertThat(renewed.get("/admin/v1/audit?limit=1").json().path("events").size()).isEqualTo(1);
        assertThat(renewed.get("/admin/v1/audit?limit=0").errorCode()).isEqualTo("invalid_request");
        assertThat(operator().get("/operator/v1/tenants/" + t[0] + "/audit").json().path("events").size())
                .isEqualTo(4);
    }

    @Test
    void deleting_a_tenant_removes_every_row_it_owns_and_nothing_else() {
        String[] t = newTenant("doomed");
        Api doomed = api.withKey(t[1]);
        fill(doomed);
        fill(api);
        assertThat(operator().post("/operator/v1/tenants/" + t[0] + "/keys/rotate", Map.of()).status())
                .isEqualTo(200);
        Map<String, Long> before = TenantTables.rowsOf(server.databaseUrl(), t[0]);
        assertThat(before.values().stream().filter(n -> n > 0).count()).as("the tenant has data in many tables: "
                + before).isGreaterThan(8);

        assertThat(operator().delete("/operator/v1/tenants/" + t[0]).errorCode()).as("no confirmation")
                .isEqualTo("invalid_request");
        assertThat(operator().delete("/operator/v1/tenants/" + t[0] + "?confirm=other").errorCode())
                .isEqualTo("invalid_request");
        ApiResponse deleted = operator().delete("/operator/v1/tenants/" + t[0] + "?confirm=" + t[0]);
        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(200);

        Map<String, Long> after = TenantTables.rowsOf(server.databaseUrl(), t[0]);
        List<String> left = new ArrayList<>();
        after.forEach((table, n) -> {
            if (n > (table.equals("audit_events") ? 1 : 0)) {
                left.add(table + "=" + n);
            }
        });
        assertThat(left).as("rows of the deleted tenant").isEmpty();
        assertThat(after.get("audit_events")).as("only the record of the deletion outlives it").isEqualTo(1);
        JsonNode audit = operator().get("/operator/v1/tenants/" + t[0] + "/audit").json().path("events");
        assertThat(audit.findValuesAsString("action")).containsExactly("tenant.deleted");

        assertThat(doomed.get("/admin/v1/settings").status()).isEqualTo(401);
        assertThat(operator().get("/operator/v1/tenants/" + t[0]).status()).isEqualTo(404);
        assertThat(operator().delete("/operator/v1/tenants/" + t[0] + "?confirm=" + t[0]).status()).isEqualTo(404);
        String defaultTenant = server.app().tenants().tenantIdForSecretKey(TestServer.SECRET_KEY).orElseThrow();
        assertThat(TenantTables.rowsOf(server.databaseUrl(), defaultTenant).get("users"))
                .as("other tenants keep their data").isGreaterThan(0);
    }

    /** Data in most tables: a user with an authenticator and recovery codes, an action, rule, webhook, client. */
    private static void fill(Api tenant) {
        List<ApiResponse> writes = List.of(
                tenant.post("/v1/users/u1/authenticators", Map.of("verificationMethod", "SMS",
                        "phoneNumber", "+64270000000")),
                tenant.post("/v1/users/u1/actions/signIn", Map.of("custom", Map.of("amount", 5))),
                tenant.post("/admin/v1/rules", Map.of("name", "r", "actionCode", "signIn", "outcome", "ALLOW",
                        "condition", true)),
                tenant.post("/admin/v1/webhooks", Map.of("url", "https://hooks.example.com/x",
                        "eventTypes", List.of("*"))),
                tenant.post("/admin/v1/clients", Map.of("name", "web")),
                tenant.patch("/admin/v1/settings", Map.of("protectLastAuthenticator", true)),
                tenant.send("POST", "/v1/users/u2", Map.of("email", "u2@example.com"),
                        Map.of("Idempotency-Key", "fill-1")));
        for (ApiResponse r : writes) {
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
        }
    }
}
