package io.signet.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.signet.testing.ApiResponse;
import io.signet.testing.Backend;
import io.signet.testing.ServerSuite;
import io.signet.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code /metrics} is not public unless configured, the JWKS endpoint answers an unknown
 * tenant exactly as a tenant that has no keys yet, and the SQLite database, WAL and shared-memory files are
 * readable by their owner only.
 */
class SmallLeaksIT extends ServerSuite {
    @Override
    protected Backend backend() {
        return Backend.SQLITE;
    }

    @Test
    void metrics_are_a_404_unless_SIGNET_METRICS_PUBLIC_is_true() {
        ApiResponse hidden = api.withKey(null).get("/metrics");
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.body()).doesNotContain("http_server_requests");
        assertThat(api.get("/metrics").status()).as("not even with a secret key").isEqualTo(404);

        TestServer open = TestServer.start(Backend.SQLITE, tempDir, Map.of("SIGNET_METRICS_PUBLIC", "true"),
                Clock.systemUTC());
        try {
            assertThat(open.api().withKey(null).get("/metrics").status()).isEqualTo(200);
        } finally {
            open.close();
        }
    }

    @Test
    void the_JWKS_of_an_unknown_tenant_looks_like_that_of_a_tenant_without_keys() {
        String known = server.app().tenants().create("keyless-" + UUID.randomUUID(), Optional.empty()).tenant().tenantId();
        ApiResponse existing = api.withKey(null).get("/tenants/" + known + "/.well-known/jwks.json");
        ApiResponse unknown = api.withKey(null).get("/tenants/" + UUID.randomUUID() + "/.well-known/jwks.json");
        assertThat(unknown.status()).isEqualTo(existing.status()).isEqualTo(200);
        assertThat(unknown.body()).isEqualTo(existing.body());
        assertThat(unknown.header("Cache-Control")).isEqualTo(existing.header("Cache-Control"));
        assertThat(unknown.header("Content-Type")).isEqualTo(existing.header("Content-Type"));
    }

    @Test
    void the_database_WAL_and_shared_memory_files_are_owner_only() throws Exception {
        api.patch("/v1/users/perm-" + UUID.randomUUID(), Map.of("username", "x")); // something in the WAL
        Path db = Path.of(server.databaseUrl().substring("jdbc:sqlite:".length()));
        for (Path file : new Path[] {db, Path.of(db + "-wal"), Path.of(db + "-shm")}) {
            assertThat(file).exists();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).as(file.toString())
                    .isEqualTo("rw-------");
        }
    }
}
