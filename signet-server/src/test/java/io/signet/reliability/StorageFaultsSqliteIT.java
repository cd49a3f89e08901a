package io.signet.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.signet.crypto.RandomTokens;
import io.signet.store.DatabaseUnavailableException;
import io.signet.testing.Api;
import io.signet.testing.ApiResponse;
import io.signet.testing.Backend;
import io.signet.testing.SignetProcess;
import io.signet.testing.TestDatabases;
import io.signet.testing.TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18 #3 on SQLite: a disk that fills up and a database that turns read-only. Writes then fail with a
 * 503 in the error shape and a log line, reads go on, nothing already acknowledged is lost, and the file
 * passes {@code PRAGMA integrity_check} afterwards.
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
     * SQLite refusing writes as it does for a read-only file (SQLITE_READONLY). The file mode cannot do it here:
     * tests may run as root, whom file modes do not bind, so the writer connection is put in {@code query_only}
     * mode, which SQLite answers with the same error. The refused write is a 503 and leaves nothing behind;
     * the writer then replaces a connection that failed rather than trust its state, so once the cause is gone
     * (here: the pragma lives and dies with the connection) writes succeed again without a restart.
     */
    @Test
    void a_read_only_database_is_a_503_that_leaves_nothing_behind_and_writes_resume_without_a_restart() {
        try (TestServer server = TestServer.start(Backend.SQLITE, dir, Map.of(), Clock.systemUTC())) {
            Api api = server.api();
            assertThat(api.patch("/v1/users/ro", Map.of("email", "ro@disk.example")).status()).isEqualTo(200);
            try {
                server.app().database().write(jdbc -> jdbc.update("PRAGMA query_only = ON"));
            } catch (DatabaseUnavailableException refusedAlready) {
                // the pragma holds at once: even the commit of the transaction that set it may be refused
            }
            ApiResponse refused = api.patch("/v1/users/ro", Map.of("email", "changed@disk.example",
                    "displayName", "Changed"));
            assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
            assertThat(refused.errorCode()).isEqualTo("service_unavailable");
            JsonNode user = api.get("/v1/users/ro").json();
            assertThat(user.path("email").asString()).as("reads go on, nothing half-written").isEqualTo("ro@disk.example");
            assertThat(user.has("displayName")).isFalse();
            assertThat(api.patch("/v1/users/ro", Map.of("email", "back@disk.example")).status())
                    .as("writes resume on a fresh writer connection").isEqualTo(200);
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
