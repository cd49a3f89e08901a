package io.signet.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.signet.config.ConfigException;
import io.signet.crypto.RandomTokens;
import io.signet.tenant.Tenant;
import io.signet.testing.Api;
import io.signet.testing.Backend;
import io.signet.testing.TestDatabases;
import io.signet.testing.TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * SIGNET_BOOTSTRAP_FILE. The sample in examples/ applies; applying it again on the next start
 * writes nothing (every admin view, timestamps included, is as before); an invalid file stops the start with a
 * message naming what is wrong, before anything is written.
 */
class BootstrapIT {
    static final Path SAMPLE = Path.of("..", "examples", "bootstrap.json");

    @TempDir
    Path tempDir;

    @Test
    void the_sample_applies_and_a_second_start_changes_nothing() {
        String db = TestDatabases.fresh(Backend.SQLITE, tempDir);
        byte[] key = RandomTokens.bytes(32);
        Map<String, String> env = Map.of("SIGNET_BOOTSTRAP_FILE", SAMPLE.toString());
        Map<String, JsonNode> first;
        List<String> tenantsFirst;
        try (TestServer server = TestServer.startOn(db, key, env, Clock.systemUTC())) {
            Api api = server.api();
            first = snapshot(api);
            tenantsFirst = server.app().tenants().list().stream().map(Tenant::name).sorted().toList();
            assertThat(tenantsFirst).containsExactly("default", "staging");
            assertThat(first.get("settings").path("rpId").asString()).isEqualTo("auth.example.com");
            assertThat(first.get("clients").path("clients").get(0).path("accessTokenLifetime").asLong()).isEqualTo(900);
            assertThat(first.get("rules").path("rules").get(0).path("outcome").asString()).isEqualTo("BLOCK");
            assertThat(first.get("webhooks").path("endpoints").get(0).path("url").asString())
                    .isEqualTo("https://hooks.example.com/signet");
            assertThat(first.get("actionConfigurations").toString()).contains("changeEmail");
        }
        try (TestServer again = TestServer.startOn(db, key, env, Clock.systemUTC())) {
            Map<String, JsonNode> after = snapshot(again.api());
            first.forEach((view, before) -> assertThat(after.get(view)).as(view).isEqualTo(before));
            assertThat(again.app().tenants().list().stream().map(Tenant::name).sorted().toList())
                    .isEqualTo(tenantsFirst);
        }
    }

    @Test
    void a_changed_file_updates_what_it_names_and_leaves_the_rest() throws IOException {
        String db = TestDatabases.fresh(Backend.SQLITE, tempDir);
        byte[] key = RandomTokens.bytes(32);
        Path file = tempDir.resolve("bootstrap.json");
        Files.writeString(file, """
                {"tenants": [{"name": "default", "appClients": [{"name": "web", "accessTokenLifetime": 600}]}]}""");
        try (TestServer server = TestServer.startOn(db, key, Map.of("SIGNET_BOOTSTRAP_FILE", file.toString()),
                Clock.systemUTC())) {
            server.api().post("/admin/v1/clients", Map.of("name", "made by hand"));
        }
        Files.writeString(file, """
                {"tenants": [{"name": "default", "appClients": [{"name": "web", "accessTokenLifetime": 300}]}]}""");
        try (TestServer server = TestServer.startOn(db, key, Map.of("SIGNET_BOOTSTRAP_FILE", file.toString()),
                Clock.systemUTC())) {
            JsonNode clients = server.api().get("/admin/v1/clients").json().path("clients");
            assertThat(clients).hasSize(2);
            assertThat(clients.valueStream().filter(c -> c.path("name").asString().equals("web")).findFirst()
                    .orElseThrow().path("accessTokenLifetime").asLong()).isEqualTo(300);
        }
    }

    @Test
    void an_invalid_file_stops_the_start_with_a_clear_message_and_writes_nothing() throws IOException {
        String db = TestDatabases.fresh(Backend.SQLITE, tempDir);
        byte[] key = RandomTokens.bytes(32);
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("{\"tenants\": [", "is not valid JSON");
        cases.put("{\"tenant\": []}", "unknown field 'tenant'");
        cases.put("{\"tenants\": [{\"name\": \"x\", \"appClients\": [{\"nmae\": \"web\"}]}]}",
                "tenants[0].appClients[0] has unknown field 'nmae'");
        cases.put("{\"tenants\": [{\"appClients\": []}]}", "tenants[0].name is required");
        cases.put("{\"tenants\": [{\"name\": \"x\", \"rules\": [{\"name\": \"r\"}, {\"name\": \"r\"}]}]}",
                "tenants[0].rules[1].name 'r' appears twice");
        cases.put("{\"tenants\": [{\"name\": \"default\", \"rules\": [{\"name\": \"r\", \"outcome\": \"MAYBE\"}]}]}",
                "tenants[0] ('default').rules[0]: ");
        int i = 0;
        for (Map.Entry<String, String> c : cases.entrySet()) {
            Path file = tempDir.resolve("invalid-" + i++ + ".json");
            Files.writeString(file, c.getKey());
            assertThatThrownBy(() -> TestServer.startOn(db, key, Map.of("SIGNET_BOOTSTRAP_FILE", file.toString()),
                    Clock.systemUTC()).close())
                    .as(c.getKey()).isInstanceOf(ConfigException.class)
                    .hasMessageContaining("SIGNET_BOOTSTRAP_FILE").hasMessageContaining(c.getValue());
        }
        try (TestServer server = TestServer.startOn(db, key, Map.of(), Clock.systemUTC())) {
            assertThat(server.app().tenants().list()).extracting(Tenant::name).containsExactly("default");
            assertThat(server.api().get("/admin/v1/rules").json().path("rules")).isEmpty();
        }
    }

    /** Every admin view a bootstrap file touches, timestamps included. */
    private static Map<String, JsonNode> snapshot(Api api) {
        Map<String, JsonNode> views = new LinkedHashMap<>();
        views.put("settings", api.get("/admin/v1/settings").json());
        views.put("clients", api.get("/admin/v1/clients").json());
        views.put("rules", api.get("/admin/v1/rules").json());
        views.put("webhooks", api.get("/admin/v1/webhooks").json());
        views.put("actionConfigurations", api.get("/admin/v1/action-configurations").json());
        views.put("audit", api.get("/admin/v1/audit").json());
        return views;
    }
}
