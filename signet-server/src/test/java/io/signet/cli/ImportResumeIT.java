package io.signet.cli;

import static io.signet.cli.ImportFixtures.summary;
import static io.signet.cli.ImportFixtures.users;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.signet.authenticator.Passkeys;
import io.signet.cli.ImportFixtures.Tenant;
import io.signet.crypto.Encryptor;
import io.signet.crypto.SecretHasher;
import io.signet.imports.ImportLine;
import io.signet.imports.ImportOptions;
import io.signet.imports.ImportRun;
import io.signet.imports.JsonlSource;
import io.signet.imports.LineResult;
import io.signet.imports.UserImporter;
import io.signet.tenant.TenantSettings;
import io.signet.testing.Backend;
import io.signet.testing.TestServer;
import io.signet.wire.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/**
 * A generated file of 10,000 users with a few bad lines: a dry run reports everything and writes nothing; an
 * import interrupted after three committed batches leaves a checkpoint; {@code --resume} finishes the rest
 * without redoing them and without reporting a rejected line twice; a second full import changes nothing.
 */
class ImportResumeIT {
    private static final int USERS = 10_000;

    @TempDir
    Path tempDir;

    @ParameterizedTest
    @EnumSource(Backend.class)
    void ten_thousand_users_dry_run_interrupted_import_and_resume(Backend backend) throws IOException {
        try (TestServer server = TestServer.start(backend, tempDir)) {
            Tenant tenant = ImportFixtures.newTenant(server, "big");
            String taken = Passkeys.credentialId();
            assertThat(tenant.api().post("/v1/users/holder/authenticators", Map.of("verificationMethod", "PASSKEY",
                    "credentialId", taken, "credentialPublicKey", Passkeys.es256PublicKey())).status()).isEqualTo(200);
            Path file = tempDir.resolve("users.jsonl");
            ImportFixtures.generate(file, USERS, badLines(taken));
            Path rejects = tempDir.resolve("users.jsonl.rejects.jsonl");
            Path checkpoint = tempDir.resolve("users.jsonl.checkpoint.json");

            CliRunner.Run dry = CliRunner.run(server, "import", file.toString(), "--tenant", tenant.id(), "--dry-run",
                    "--json");
            assertThat(dry.code()).isEqualTo(1);
            assertThat(summary(dry).path("created").asLong()).isEqualTo(USERS - 5);
            assertThat(summary(dry).path("rejected").asLong()).isEqualTo(5);
            assertThat(users(server, tenant.id())).as("a dry run writes nothing").isEqualTo(1);
            assertThat(checkpoint).doesNotExist();
            assertRejects(rejects);

            interruptAfterThreeBatches(server, tenant.id(), file, rejects, checkpoint);
            JsonNode saved = Json.MAPPER.readTree(Files.readString(checkpoint));
            assertThat(saved.path("lastLine").asLong()).isEqualTo(1500);
            assertThat(saved.path("counts").path("created").asLong()).isEqualTo(1496);
            assertThat(users(server, tenant.id())).isEqualTo(1 + 1496);

            CliRunner.Run resumed = CliRunner.run(server, "import", file.toString(), "--tenant", tenant.id(), "--resume",
                    "--json");
            assertThat(resumed.code()).as(resumed.err()).isEqualTo(1);
            JsonNode s = summary(resumed);
            assertThat(s.path("resumedAfter").asLong()).isEqualTo(1500);
            assertThat(s.path("linesThisRun").asLong()).as("the committed batches are not redone").isEqualTo(USERS - 1500);
            assertThat(s.path("created").asLong()).isEqualTo(USERS - 5);
            assertThat(s.path("unchanged").asLong()).isZero();
            assertThat(s.path("rejected").asLong()).isEqualTo(5);
            assertThat(resumed.err()).as("plain progress lines off a terminal").contains("import: ").contains("/s");
            assertRejects(rejects);
            assertThat(checkpoint).as("removed when the import is complete").doesNotExist();
            assertThat(users(server, tenant.id())).isEqualTo(1 + USERS - 5);

            CliRunner.Run again = CliRunner.run(server, "import", file.toString(), "--tenant", tenant.id(), "--json");
            JsonNode second = summary(again);
            assertThat(second.path("unchanged").asLong()).isEqualTo(USERS - 5);
            assertThat(second.path("created").asLong() + second.path("updated").asLong()).isZero();
            System.out.printf("ImportResumeIT %s: %,d users unchanged in %,d ms (resumed import of %,d lines: %,d ms)%n",
                    backend, USERS - 5, second.path("millis").asLong(), USERS - 1500, s.path("millis").asLong());

            CliRunner.Run refused = CliRunner.run(server, "import", file.toString(), "--tenant", tenant.id(), "--resume");
            assertThat(refused.code()).isEqualTo(1);
            assertThat(refused.err()).contains("there is no checkpoint");
        }
    }

    /** Lines 100, 200, 300, 400 and 9000 are wrong in five different ways. */
    private static Map<Integer, String> badLines(String takenCredentialId) {
        Map<Integer, String> bad = new HashMap<>();
        bad.put(100, "this is not JSON");
        Map<String, Object> thief = ImportFixtures.user(200, Passkeys.es256PublicKey());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> factors = (List<Map<String, Object>>) thief.get("authenticators");
        factors.set(1, new HashMap<>(factors.get(1)));
        factors.get(1).put("passkey", Map.of("credentialId", takenCredentialId, "publicKey", Passkeys.es256PublicKey(),
                "algorithm", -7));
        bad.put(200, Json.write(thief));
        Map<String, Object> mail = ImportFixtures.user(300, Passkeys.es256PublicKey());
        mail.put("email", "no-at-sign");
        bad.put(300, Json.write(mail));
        Map<String, Object> unknown = ImportFixtures.user(400, Passkeys.es256PublicKey());
        unknown.put("favouriteColour", "blue");
        bad.put(400, Json.write(unknown));
        Map<String, Object> late = ImportFixtures.user(9000, Passkeys.es256PublicKey());
        late.put("createdAt", "yesterday");
        bad.put(9000, Json.write(late));
        return bad;
    }

    private static void assertRejects(Path rejects) throws IOException {
        List<JsonNode> lines = ImportFixtures.jsonLines(rejects);
        assertThat(lines).extracting(l -> l.path("line").asLong()).containsExactly(100L, 200L, 300L, 400L, 9000L);
        assertThat(lines).extracting(l -> l.path("field").asString()).containsExactly("",
                "authenticators[1].passkey.credentialId", "email", "favouriteColour", "createdAt");
        assertThat(lines.get(0).has("userId")).isFalse();
        assertThat(lines.get(1).path("userId").asString()).isEqualTo("gen-000200");
        assertThat(lines.get(1).path("reason").asString()).contains("belongs to another user (holder)");
        assertThat(lines).allSatisfy(l -> assertThat(l.path("reason").asString()).isNotBlank());
    }

    /** The import as the CLI runs it, except that the fourth batch never arrives: the process "dies" there. */
    private static void interruptAfterThreeBatches(TestServer server, String tenantId, Path file, Path rejects,
                                                   Path checkpoint) {
        byte[] key = server.encryptionKey();
        UserImporter importer = new UserImporter(server.app().database(), new Encryptor(key), new SecretHasher(key),
                t -> TenantSettings.DEFAULTS, Clock.systemUTC());
        AtomicInteger batches = new AtomicInteger();
        ImportRun.Target crashing = new ImportRun.Target() {
            @Override
            public String tenantId() {
                return tenantId;
            }

            @Override
            public List<LineResult> apply(List<ImportLine> batch, ImportOptions options) {
                if (batches.incrementAndGet() == 4) {
                    throw new UncheckedIOException(new IOException("simulated crash"));
                }
                return importer.importBatch(tenantId, batch, options);
            }
        };
        ImportRun run = new ImportRun(new ImportRun.Settings(file.toAbsolutePath(), rejects, checkpoint, false,
                new ImportOptions(false, false), UserImporter.MAX_BATCH), crashing, System.err, false);
        assertThatThrownBy(() -> {
            try (JsonlSource source = JsonlSource.open(file, () -> {
                throw new AssertionError("not encrypted");
            })) {
                run.run(source);
            }
        }).hasMessageContaining("simulated crash");
        assertThat(run.lastCommittedLine()).isEqualTo(1500);
    }
}
