package io.signet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.signet.Signet;
import io.signet.testing.Backend;
import io.signet.testing.TestServer;
import io.signet.wire.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code ./signet tenant create|show} on the database and {@code ./signet settings} through the admin API:
 * the public tenant id and the Client API identity are visible and settable without a secret being shown.
 */
class TenantIdentityCliIT {
    @TempDir
    Path tempDir;

    @Test
    void tenant_ids_and_client_identity_are_shown_and_set_from_the_command_line() {
        try (TestServer server = TestServer.start(Backend.SQLITE, tempDir)) {
            String[] db = {"--database-url", server.databaseUrl(), "--encryption-key",
                    Base64.getEncoder().encodeToString(server.encryptionKey()), "--public-url",
                    "https://auth.example.com"};
            String defaultId = server.api().get("/admin/v1/settings").json().path("tenantId").asString();

            Run created = run(db, "tenant", "create", "--name", "acme", "--json");
            assertThat(created.exit()).isZero();
            String acmeId = Json.MAPPER.readTree(created.out()).path("tenantId").asString();
            assertThat(acmeId).isNotBlank().isNotEqualTo(defaultId);
            Run plain = run(db, "tenant", "create", "--name", "beta");
            assertThat(plain.out()).contains("Tenant id (public, for the browser SDK's tenantId): ");

            String[] admin = {"--url", server.baseUrl(), "--key", TestServer.SECRET_KEY};
            assertThat(run(admin, "settings", "--rp-id", "example.com", "--rp-name", "Example",
                    "--expected-origin", "https://app.example.com", "--expected-origin", "https://www.example.com")
                    .exit()).isZero();
            assertThat(run(admin, "settings", "--expected-origin", "https://app.example.com/path").exit())
                    .as("a 400 is a failing exit code").isEqualTo(1);

            Run shown = run(db, "tenant", "show", "--id", defaultId, "--json");
            assertThat(shown.exit()).isZero();
            JsonNode t = Json.MAPPER.readTree(shown.out());
            assertThat(t.path("tenantId").asString()).isEqualTo(defaultId);
            assertThat(t.path("name").asString()).isEqualTo("default");
            assertThat(t.path("rpId").asString()).isEqualTo("example.com");
            assertThat(t.path("rpName").asString()).isEqualTo("Example");
            assertThat(t.path("expectedOrigins").toString())
                    .isEqualTo("[\"https://app.example.com\",\"https://www.example.com\"]");
            assertThat(shown.out()).doesNotContain(TestServer.SECRET_KEY);

            JsonNode all = Json.MAPPER.readTree(run(db, "tenant", "show", "--json").out());
            assertThat(all).hasSize(3);
            JsonNode acme = all.valueStream().filter(n -> n.path("tenantId").asString().equals(acmeId))
                    .findFirst().orElseThrow();
            assertThat(acme.path("rpId").asString()).isEqualTo("auth.example.com"); // default from the public URL
            assertThat(acme.path("expectedOrigins").toString()).isEqualTo("[\"https://auth.example.com\"]");
            assertThat(run(db, "tenant", "show", "--id", "nobody").exit()).isEqualTo(1);
            assertThat(run(db, "tenant", "show").out()).contains("tenantId:", "rpId:", "expectedOrigins:");
        }
    }

    private record Run(int exit, String out) {
    }

    private static Run run(String[] options, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of(options));
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            int exit = Signet.commandLine().execute(all.toArray(String[]::new));
            return new Run(exit, captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }
    }
}
