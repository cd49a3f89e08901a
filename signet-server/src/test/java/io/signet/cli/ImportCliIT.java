package io.signet.cli;

import static io.signet.cli.ImportFixtures.newTenant;
import static io.signet.cli.ImportFixtures.summary;
import static org.assertj.core.api.Assertions.assertThat;

import io.signet.authenticator.Passkeys;
import io.signet.cli.ImportFixtures.Tenant;
import io.signet.crypto.RandomTokens;
import io.signet.testing.ApiResponse;
import io.signet.testing.Backend;
import io.signet.testing.TestDatabases;
import io.signet.testing.TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/**
 * {@code ./signet import} of what {@code ./signet export} wrote, into an empty Signet: the same data key gives
 * back exactly the same export (ids, times, factors) and the factors work there; a second import changes
 * nothing; another data key refuses the recovery code hashes line by line; and the remote import through
 * {@code POST /admin/v1/import} does what the local one does.
 */
class ImportCliIT {
    private static final int PLAIN_USERS = 40;

    @TempDir
    Path tempDir;

    /** Server A with one user of every kind and some plain users; returns the recovery codes of the first. */
    private static List<String> populate(Tenant a) {
        List<String> codes = ExportCliIT.enrollEveryKind(a.api(), "user-all", Passkeys.credentialId(),
                Passkeys.es256PublicKey());
        for (int i = 0; i < PLAIN_USERS; i++) {
            assertThat(a.api().patch("/v1/users/plain-" + i, Map.of("email", "p" + i + "@example.com",
                    "custom", Map.of("i", i))).status()).isEqualTo(200);
        }
        return codes;
    }

    private Path export(TestServer server, Tenant tenant, String name, String... extra) {
        Path out = tempDir.resolve(name);
        String[] args = new String[] {"export", "--tenant", tenant.id(), "--out", out.toString(), "--include-secrets"};
        CliRunner.Run run = CliRunner.run(server, concat(args, extra));
        assertThat(run.code()).as(run.err()).isZero();
        return out;
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void an_export_imported_with_the_same_key_exports_identically_and_its_factors_work(Backend backend)
            throws IOException {
        Path phrase = ImportFixtures.passphraseFile(tempDir);
        try (TestServer a = TestServer.start(backend, tempDir)) {
            Tenant source = newTenant(a, "source");
            List<String> codes = populate(source);
            Path sealed = export(a, source, "a.enc", "--passphrase-file", phrase.toString());
            String before = Files.readString(export(a, source, "a.jsonl", "--plaintext"));
            ExportCliIT.validLines(before); // the keyFingerprint the export now carries is in the schema

            String url = TestDatabases.fresh(backend, tempDir);
            try (TestServer b = TestServer.startOn(url, a.encryptionKey(), Map.of(), Clock.systemUTC())) {
                Tenant target = newTenant(b, "target");
                CliRunner.Run run = CliRunner.run(b, "import", sealed.toString(), "--tenant", target.id(),
                        "--passphrase-file", phrase.toString(), "--json");
                assertThat(run.code()).as(run.err()).isZero();
                JsonNode first = summary(run);
                assertThat(first.path("created").asLong()).isEqualTo(PLAIN_USERS + 1);
                assertThat(first.path("rejected").asLong()).isZero();
                assertThat(Files.readString(export(b, target, "b.jsonl", "--plaintext")))
                        .as("ids, times and factors survive the round trip").isEqualTo(before);

                run = CliRunner.run(b, "import", sealed.toString(), "--tenant", target.id(),
                        "--passphrase-file", phrase.toString(), "--json");
                assertThat(run.code()).as(run.err()).isZero();
                JsonNode second = summary(run);
                assertThat(second.path("unchanged").asLong()).isEqualTo(PLAIN_USERS + 1);
                assertThat(second.path("created").asLong() + second.path("updated").asLong()).isZero();

                assertThat(ImportFixtures.totpVerifies(target.api(), "user-all", ExportCliIT.TOTP_SECRET))
                        .as("an imported TOTP secret verifies").isTrue();
                assertThat(ImportFixtures.verifies(target.api(), "user-all", "RECOVERY_CODE", codes.getFirst()))
                        .as("a recovery code issued on A redeems on B (same data key)").isTrue();
                assertThat(tempDir.resolve("a.enc.checkpoint.json")).as("removed when complete").doesNotExist();
            } finally {
                TestDatabases.dropIfPostgres(url);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void another_data_key_refuses_recovery_codes_per_line_unless_they_are_skipped(Backend backend) throws IOException {
        try (TestServer a = TestServer.start(backend, tempDir)) {
            Tenant source = newTenant(a, "source");
            populate(source);
            Path clear = export(a, source, "a.jsonl", "--plaintext");
            long line = lineOf(clear, "user-all");

            String url = TestDatabases.fresh(backend, tempDir);
            try (TestServer c = TestServer.startOn(url, RandomTokens.bytes(32), Map.of(), Clock.systemUTC())) {
                Tenant target = newTenant(c, "other-key");
                CliRunner.Run run = CliRunner.run(c, "import", clear.toString(), "--tenant", target.id(), "--json");
                assertThat(run.code()).as("a rejected line makes the exit code 1").isEqualTo(1);
                JsonNode summary = summary(run);
                assertThat(summary.path("created").asLong()).isEqualTo(PLAIN_USERS);
                assertThat(summary.path("rejected").asLong()).isEqualTo(1);
                assertThat(summary.path("rejectedByField").path("recoveryCodes.keyFingerprint").asLong()).isEqualTo(1);
                List<JsonNode> rejects = ImportFixtures.jsonLines(tempDir.resolve("a.jsonl.rejects.jsonl"));
                assertThat(rejects).hasSize(1);
                assertThat(rejects.getFirst().path("line").asLong()).isEqualTo(line);
                assertThat(rejects.getFirst().path("userId").asString()).isEqualTo("user-all");
                assertThat(rejects.getFirst().path("field").asString()).isEqualTo("recoveryCodes.keyFingerprint");
                assertThat(rejects.getFirst().path("reason").asString()).contains("another data key")
                        .contains("--skip-recovery-codes");
                assertThat(target.api().get("/v1/users/user-all/authenticators").json()).as("nothing half-written")
                        .isEmpty();

                run = CliRunner.run(c, "import", clear.toString(), "--tenant", target.id(), "--skip-recovery-codes",
                        "--json");
                assertThat(run.code()).as(run.err()).isZero();
                assertThat(summary(run).path("created").asLong()).isEqualTo(1);
                assertThat(summary(run).path("unchanged").asLong()).isEqualTo(PLAIN_USERS);
                assertThat(ImportFixtures.jsonLines(tempDir.resolve("a.jsonl.rejects.jsonl"))).isEmpty();
                assertThat(ImportFixtures.totpVerifies(target.api(), "user-all", ExportCliIT.TOTP_SECRET))
                        .as("TOTP secrets are carried in the clear, so they work under another key").isTrue();
            } finally {
                TestDatabases.dropIfPostgres(url);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void a_remote_import_sends_batches_to_the_admin_endpoint_with_the_same_outcomes(Backend backend) throws IOException {
        Path file = tempDir.resolve("gen.jsonl");
        ImportFixtures.generate(file, 1000, Map.of(7, "{\"schemaVersion\": 1, \"userId\": \"broken\"", 9,
                "{\"schemaVersion\":1,\"userId\":\"bad-mail\",\"email\":\"not an address\",\"emailVerified\":false,"
                        + "\"phoneNumberVerified\":false,\"createdAt\":\"2026-01-01T00:00:00Z\","
                        + "\"updatedAt\":\"2026-01-01T00:00:00Z\",\"authenticators\":[]}"));
        try (TestServer server = TestServer.start(backend, tempDir)) {
            String[] remote = {"import", file.toString(), "--url", server.baseUrl(), "--key", TestServer.SECRET_KEY,
                    "--batch-size", "150", "--json"};
            CliRunner.Run run = CliRunner.run(concat(remote, "--dry-run"));
            assertThat(run.code()).isEqualTo(1);
            assertThat(summary(run).path("created").asLong()).isEqualTo(998);
            assertThat(server.api().get("/v1/users/gen-000001").json().path("email").isMissingNode()
                    || server.api().get("/v1/users/gen-000001").json().path("email").isNull())
                    .as("a dry run writes nothing").isTrue();

            run = CliRunner.run(remote);
            assertThat(run.code()).isEqualTo(1);
            JsonNode summary = summary(run);
            assertThat(summary.path("created").asLong()).isEqualTo(998);
            assertThat(summary.path("rejectedByField").path("").asLong()).isEqualTo(1);
            assertThat(summary.path("rejectedByField").path("email").asLong()).isEqualTo(1);
            List<JsonNode> rejects = ImportFixtures.jsonLines(tempDir.resolve("gen.jsonl.rejects.jsonl"));
            assertThat(rejects).extracting(r -> r.path("line").asLong()).containsExactly(7L, 9L);
            assertThat(rejects.get(1).path("userId").asString()).isEqualTo("bad-mail");
            assertThat(server.api().get("/v1/users/gen-000998").json().path("email").asString())
                    .isEqualTo("gen-000998@example.com");

            run = CliRunner.run(remote);
            assertThat(summary(run).path("unchanged").asLong()).as("idempotent remotely too").isEqualTo(998);

            ApiResponse tooMany = server.api().post("/admin/v1/import", Map.of("lines",
                    java.util.Collections.nCopies(501, Map.of("line", 1, "user", Map.of()))));
            assertThat(tooMany.status()).isEqualTo(400);
            assertThat(tooMany.errorDescription()).contains("at most 500");
            ApiResponse one = server.api().post("/admin/v1/import", Map.of("lines", List.of(Map.of("line", 3,
                    "user", Map.of("schemaVersion", 1, "userId", "x", "surprise", true)))));
            assertThat(one.status()).as(one.body()).isEqualTo(200);
            assertThat(one.json().path("results").get(0).path("outcome").asString()).isEqualTo("rejected");
            assertThat(one.json().path("results").get(0).path("field").asString()).isEqualTo("surprise");
        }
    }

    private static long lineOf(Path file, String userId) throws IOException {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("\"userId\":\"" + userId + "\"")) {
                return i + 1;
            }
        }
        throw new AssertionError(userId + " not in " + file);
    }

    static String[] concat(String[] first, String... more) {
        String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
