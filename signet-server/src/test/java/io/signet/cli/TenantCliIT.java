package io.signet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.signet.testing.Api;
import io.signet.testing.Backend;
import io.signet.testing.Eventually;
import io.signet.testing.TestServer;
import io.signet.wire.Json;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code ./signet tenant ...} on the database of a running server: the lifecycle end to end, the exit codes
 * (0 ok, 1 failure, 2 usage) and `--help`/`-h` on groups, leaf commands, serve and the root.
 */
class TenantCliIT {
    @TempDir
    Path tempDir;

    record Run(int code, String out, String err) {
        JsonNode json() {
            return Json.MAPPER.readTree(out);
        }
    }

    /** Runs the CLI in-process with the server's database flags appended (none without a server). */
    private static Run run(TestServer server, String... args) {
        CliRunner.Run r = server == null ? CliRunner.run(args) : CliRunner.run(server, args);
        return new Run(r.code(), r.out(), r.err());
    }

    @Test
    void an_operator_rotates_revokes_renames_audits_and_deletes_from_the_command_line() {
        try (TestServer server = TestServer.start(Backend.SQLITE, tempDir)) {
            Run created = run(server, "tenant", "create", "--name", "acme", "--json");
            assertThat(created.code()).as(created.err()).isZero();
            String tenantId = created.json().path("tenantId").asString();
            String oldKey = created.json().path("secretKey").asString();
            Api acme = new Api(server.baseUrl(), oldKey);
            assertThat(acme.get("/admin/v1/settings").status()).isEqualTo(200);

            Run listed = run(server, "tenant", "list", "--json");
            assertThat(listed.json().findValuesAsString("tenantId")).hasSize(2).contains(tenantId);
            assertThat(run(server, "tenant", "keys", "rotate").code()).as("two tenants: --tenant needed").isEqualTo(2);

            Run rotated = run(server, "tenant", "keys", "rotate", "--tenant", tenantId, "--old-key-expires-in", "24h",
                    "--json");
            assertThat(rotated.code()).as(rotated.err()).isZero();
            String newKey = rotated.json().path("secretKey").asString();
            assertThat(rotated.json().path("oldKeysExpireAt").asString()).endsWith("Z");
            assertThat(new Api(server.baseUrl(), newKey).get("/admin/v1/settings").status()).isEqualTo(200);
            assertThat(acme.get("/admin/v1/settings").status()).as("old key during the overlap").isEqualTo(200);

            Run keys = run(server, "tenant", "keys", "list", "--tenant", tenantId, "--json");
            assertThat(keys.out()).doesNotContain(oldKey).doesNotContain(newKey);
            assertThat(keys.json().size()).isEqualTo(2);
            String oldKeyId = keys.json().get(1).path("keyId").asString();
            assertThat(keys.json().get(1).path("expiresAt").asString()).endsWith("Z");
            Run table = run(server, "tenant", "keys", "list", "--tenant", tenantId);
            assertThat(table.out()).contains("KEY ID", oldKeyId, "active").doesNotContain(oldKey);

            assertThat(run(server, "tenant", "keys", "revoke", "--tenant", tenantId, oldKeyId).code()).isZero();
            Eventually.await(() -> acme.get("/admin/v1/settings").status(), s -> s == 401, Duration.ofSeconds(15));
            Run again = run(server, "tenant", "keys", "revoke", "--tenant", tenantId, oldKeyId);
            assertThat(again.code()).isEqualTo(1);
            assertThat(again.err()).startsWith("signet: ").contains("already revoked");

            assertThat(run(server, "tenant", "rename", "--tenant", tenantId, "--name", "Acme Ltd").code()).isZero();
            assertThat(run(server, "tenant", "show", "--id", tenantId, "--json").json().path("name").asString())
                    .isEqualTo("Acme Ltd");
            JsonNode audit = run(server, "tenant", "audit", "--tenant", tenantId, "--json").json();
            assertThat(audit.findValuesAsString("action")).containsExactlyInAnyOrder("tenant.created", "key.rotated",
                    "key.revoked", "tenant.renamed");
            assertThat(audit.findValuesAsString("actor")).containsOnly("cli");

            assertThat(run(server, "tenant", "delete", "--tenant", tenantId).code()).as("no --confirm").isEqualTo(2);
            assertThat(run(server, "tenant", "delete", "--tenant", tenantId, "--confirm", "x").code()).isEqualTo(1);
            assertThat(run(server, "tenant", "delete", "--tenant", tenantId, "--confirm", tenantId).code()).isZero();
            assertThat(run(server, "tenant", "list", "--json").json().findValuesAsString("tenantId"))
                    .doesNotContain(tenantId).hasSize(1);
            assertThat(run(server, "tenant", "keys", "list", "--tenant", tenantId).code()).isEqualTo(1);
            Eventually.await(() -> new Api(server.baseUrl(), newKey).get("/admin/v1/settings").status(),
                    s -> s == 401, Duration.ofSeconds(15));
        }
    }

    @Test
    void help_works_everywhere_and_exit_codes_tell_usage_from_failure() {
        for (String[] args : List.of(new String[] {"rules", "--help"}, new String[] {"rules", "list", "-h"},
                new String[] {"tenant", "keys", "rotate", "--help"}, new String[] {"webhooks", "create", "-h"},
                new String[] {"serve", "--help"}, new String[] {"--help"})) {
            Run r = run(null, args);
            assertThat(r.code()).as(String.join(" ", args) + ": " + r.err()).isZero();
            assertThat(r.out()).as(String.join(" ", args)).startsWith("Usage: signet");
        }
        assertThat(run(null, "--help").out()).contains("Exit codes", "2   usage");
        assertThat(run(null, "tenant", "nope").code()).isEqualTo(2);
        assertThat(run(null, "tenant", "keys", "rotate", "--old-key-expires-in", "soon").code()).isEqualTo(2);
        assertThat(run(null, "rules", "list", "--url", "http://127.0.0.1:1", "--key", "sk_x").code())
                .as("server unreachable").isEqualTo(1);
    }
}
