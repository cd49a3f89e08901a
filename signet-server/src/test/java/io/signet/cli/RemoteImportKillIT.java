package io.signet.cli;

import static io.signet.cli.ImportFixtures.summary;
import static org.assertj.core.api.Assertions.assertThat;

import io.signet.crypto.RandomTokens;
import io.signet.testing.Backend;
import io.signet.testing.Eventually;
import io.signet.testing.SignetProcess;
import io.signet.testing.TestDatabases;
import io.signet.testing.TestServer;
import io.signet.wire.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/**
 * A remote import whose server is killed (SIGKILL) mid-run: the CLI stops, says which lines are in and to run
 * again with {@code --resume}; against the restarted server (another port, same tenant) the resumed import
 * finishes after the checkpoint, and every user of the file is there exactly once.
 */
class RemoteImportKillIT {
    private static final int USERS = 8000;

    @TempDir
    Path tempDir;

    @ParameterizedTest
    @EnumSource(Backend.class)
    void a_remote_import_resumes_after_its_server_was_killed(Backend backend) throws Exception {
        Path file = tempDir.resolve("users.jsonl");
        ImportFixtures.generate(file, USERS, Map.of());
        Path checkpoint = tempDir.resolve("users.jsonl.checkpoint.json");
        String url = TestDatabases.fresh(backend, tempDir);
        byte[] key = RandomTokens.bytes(32);
        try {
            CliRunner.Run stopped;
            try (SignetProcess first = SignetProcess.start(url, key, Map.of(), tempDir)) {
                CompletableFuture<CliRunner.Run> running = CompletableFuture.supplyAsync(() -> CliRunner.run("import",
                        file.toString(), "--url", first.baseUrl(), "--key", TestServer.SECRET_KEY, "--batch-size", "100"));
                Eventually.await(() -> lastLine(checkpoint), line -> line >= 1000, Duration.ofSeconds(60));
                first.kill();
                stopped = running.get();
            }
            assertThat(stopped.code()).isEqualTo(1);
            assertThat(stopped.err()).contains("the import stopped").contains("--resume");
            long committed = lastLine(checkpoint);
            assertThat(committed).isBetween(1000L, (long) USERS - 1);

            try (SignetProcess second = SignetProcess.start(url, key, Map.of(), tempDir)) {
                CliRunner.Run resumed = CliRunner.run("import", file.toString(), "--url", second.baseUrl(), "--key",
                        TestServer.SECRET_KEY, "--resume", "--json");
                assertThat(resumed.code()).as(resumed.err()).isZero();
                JsonNode s = summary(resumed);
                assertThat(s.path("resumedAfter").asLong()).isEqualTo(committed);
                assertThat(s.path("linesThisRun").asLong()).isEqualTo(USERS - committed);
                // The batch in flight at the kill may have committed without a checkpoint: it comes back unchanged.
                assertThat(s.path("created").asLong() + s.path("unchanged").asLong()).isEqualTo(USERS);
                assertThat(s.path("unchanged").asLong()).isLessThanOrEqualTo(100);
                String tenantId = second.api().get("/admin/v1/settings").json().path("tenantId").asString();
                Path out = tempDir.resolve("after.jsonl");
                CliRunner.Run export = CliRunner.run("export", "--tenant", tenantId, "--out", out.toString(),
                        "--database-url", url, "--encryption-key", Base64.getEncoder().encodeToString(key));
                assertThat(export.code()).as(export.err()).isZero();
                assertThat(Files.readAllLines(out)).hasSize(USERS);
            }
        } finally {
            TestDatabases.dropIfPostgres(url);
        }
    }

    private static long lastLine(Path checkpoint) {
        try {
            return Files.exists(checkpoint) ? Json.MAPPER.readTree(Files.readString(checkpoint)).path("lastLine").asLong() : 0;
        } catch (IOException | RuntimeException e) {
            return 0; // being replaced at this moment
        }
    }
}
