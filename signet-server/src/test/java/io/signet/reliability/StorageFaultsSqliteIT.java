package io.signet.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.signet.crypto.RandomTokens;
import io.signet.testing.Api;
import io.signet.testing.ApiResponse;
import io.signet.testing.Backend;
import io.signet.testing.SignetProcess;
import io.signet.testing.TestDatabases;
import io.signet.testing.TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18 #3 on SQLite: a disk that fills up and a write lock another process will not give back. Writes then
 * fail with a 503 in the error shape (and a log line), reads go on, nothing already acknowledged is lost, and
 * the file passes {@code PRAGMA integrity_check} afterwards.
 */
class StorageFaultsSqliteIT {
    /** Room left on the "disk" above the files' size at the start: a few dozen user updates. */
    private static final long ROOM_BYTES = 384 * 1024;
    private static final int MAX_WRITES = 3000;

    @TempDir
    Path dir;

    /**
     * A full disk, made real for the server process alone: {@code ulimit -f} caps the size of every file it
     * writes, so SQLite's writes past it fail as they do on a full file system (no root or mount needed).
     */
    @Test
    void a_full_disk_is_a_503_and_a_log_line_and_the_database_stays_intact() {
        String url = TestDatabases.fresh(Backend.SQLITE, dir);
        byte[] key = RandomTokens.bytes(32);
        SignetProcess.start(url, key, Map.of(), dir).close(); // creates and migrates the file, then SIGKILL
        long blocks = (largestFile() + ROOM_BYTES) / 1024;
        List<String> acknowledged = new ArrayList<>();
        int refused = 0;
        String log;
        try (SignetProcess node = SignetProcess.start(url, key, Map.of(), dir, "ulimit -f " + blocks + ";")) {
            Api api = node.api();
            String padding = "x".repeat(8000);
            for (int i = 0; i < MAX_WRITES && refused < 5; i++) {
                String user = "full-" + i;
                ApiResponse r = api.patch("/v1/users/" + user, Map.of("email", user + "@disk.example",
                        "custom", Map.of("padding", padding)));
                assertThat(r.status()).as(r.toString()).isIn(200, 503);
                if (r.status() == 200) {
                    acknowledged.add(user);
                } else {
                    assertThat(r.errorCode()).isEqualTo("service_unavailable");
                    refused++;
                }
            }
            assertThat(refused).as("writes refused once the disk is full").isEqualTo(5);
            assertThat(api.get("/v1/users/" + acknowledged.getFirst()).status()).as("reads go on").isEqualTo(200);
            log = node.logText();
        }
        assertThat(log).contains("database unavailable");
        StoreChecks.intact(url, 0, 1);
        try (SignetProcess node = SignetProcess.start(url, key, Map.of(), dir)) {
            for (String user : acknowledged) {
                assertThat(node.api().get("/v1/users/" + user).json().path("email").asString())
                        .isEqualTo(user + "@disk.example");
            }
            assertThat(node.api().patch("/v1/users/after", Map.of("email", "a@disk.example")).status())
                    .as("writes once there is room again").isEqualTo(200);
        }
        System.out.printf("DISKFULL SQLITE: acknowledged writes verified=%d refused with 503=%d 5xx other than 503=0%n",
                acknowledged.size(), refused);
    }

    /**
     * Another process holding SQLite's write lock (a backup, the sqlite3 shell) past SIGNET_DB_TIMEOUT_MILLIS:
     * writes are a 503 within that timeout and leave nothing behind, reads go on, and once the lock is
     * released writes succeed again without a restart.
     */
    @Test
    void a_database_locked_by_another_process_is_a_503_within_the_timeout_and_writes_resume() throws Exception {
        try (TestServer server = TestServer.start(Backend.SQLITE, dir, Map.of("SIGNET_DB_TIMEOUT_MILLIS", "1000"),
                Clock.systemUTC())) {
            Api api = server.api();
            assertThat(api.patch("/v1/users/locked", Map.of("email", "before@disk.example")).status()).isEqualTo(200);
            try (Connection other = DriverManager.getConnection(server.databaseUrl());
                 Statement lock = other.createStatement()) {
                lock.execute("BEGIN EXCLUSIVE");
                long start = System.nanoTime();
                ApiResponse refused = api.patch("/v1/users/locked", Map.of("email", "during@disk.example",
                        "displayName", "During"));
                assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
                assertThat(refused.errorCode()).isEqualTo("service_unavailable");
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
                JsonNode user = api.get("/v1/users/locked").json();
                assertThat(user.path("email").asString()).as("reads go on").isEqualTo("before@disk.example");
                lock.execute("ROLLBACK");
            }
            assertThat(api.patch("/v1/users/locked", Map.of("email", "after@disk.example")).status())
                    .as("writes resume once the lock is gone").isEqualTo(200);
            JsonNode user = api.get("/v1/users/locked").json();
            assertThat(user.has("displayName")).as("nothing of the refused write").isFalse();
            StoreChecks.intact(server.databaseUrl(), 0, 0);
        }
    }

    private long largestFile() {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().contains(".db")).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0;
                }
            }).max().orElse(0);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
