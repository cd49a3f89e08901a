package io.signet.logging;

import static org.assertj.core.api.Assertions.assertThat;

import io.signet.testing.Api;
import io.signet.testing.Backend;
import io.signet.testing.TestServer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every answer carries X-Request-Id; a peer that is not a trusted proxy cannot choose it. */
class RequestIdsIT {
    @TempDir
    Path tempDir;

    @Test
    void every_answer_has_its_own_request_id_and_an_untrusted_callers_id_is_ignored() {
        try (TestServer server = TestServer.start(Backend.SQLITE, tempDir)) {
            Api api = server.api();
            String first = api.get("/health").header("X-Request-Id");
            String second = api.get("/v1/users/nobody").header("X-Request-Id");
            String unauthorized = api.withKey("sk_wrong_0123456789abcdef").get("/v1/users/x").header("X-Request-Id");
            assertThat(first).isNotBlank().isNotEqualTo(second);
            assertThat(unauthorized).isNotBlank().isNotIn(first, second);
            String forged = api.send("GET", "/health", null, Map.of("X-Request-Id", "forged-id-1")).header(
                    "X-Request-Id");
            assertThat(forged).isNotBlank().isNotEqualTo("forged-id-1");
        }
    }

    @Test
    void a_trusted_proxys_request_id_is_kept_when_it_is_a_short_token() {
        try (TestServer server = TestServer.start(Backend.SQLITE, tempDir,
                Map.of("SIGNET_TRUSTED_PROXIES", "127.0.0.1/32"), Clock.systemUTC())) {
            Api api = server.api();
            assertThat(api.send("GET", "/health", null, Map.of("X-Request-Id", "lb-4f2a.9")).header("X-Request-Id"))
                    .isEqualTo("lb-4f2a.9");
            assertThat(api.send("GET", "/health", null, Map.of("X-Request-Id", "x".repeat(129)))
                    .header("X-Request-Id")).hasSizeLessThan(129);
            assertThat(api.send("GET", "/health", null, Map.of("X-Request-Id", "a b")).header("X-Request-Id"))
                    .isNotEqualTo("a b");
        }
    }

    @Test
    void a_peer_outside_the_trusted_proxies_cannot_choose_the_id() {
        try (TestServer server = TestServer.start(Backend.SQLITE, tempDir,
                Map.of("SIGNET_TRUSTED_PROXIES", "10.0.0.0/8"), Clock.systemUTC())) {
            assertThat(server.api().send("GET", "/health", null, Map.of("X-Request-Id", "lb-4f2a.9"))
                    .header("X-Request-Id")).isNotBlank().isNotEqualTo("lb-4f2a.9");
        }
    }
}
