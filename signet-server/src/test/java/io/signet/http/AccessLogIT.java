package io.signet.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.signet.testing.Backend;
import io.signet.testing.Eventually;
import io.signet.testing.TestServer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** SIGNET_ACCESS_LOG: one line per request when on, none by default; the request timers exist either way. */
class AccessLogIT {
    @TempDir
    Path tempDir;
    @RegisterExtension
    final AccessLogLines lines = new AccessLogLines();

    @Test
    void off_by_default_the_request_is_timed_but_not_logged() {
        TestServer server = TestServer.start(Backend.SQLITE, tempDir, java.util.Map.of("SIGNET_METRICS_PUBLIC", "true"),
                java.time.Clock.systemUTC());
        try {
            assertThat(server.api().get("/v1/users/someone").status()).isEqualTo(200);
            String metrics = server.api().get("/metrics").body();
            assertThat(metrics).contains("route=\"/v1/users/{userId}\"");
            assertThat(lines.messages()).isEmpty();
        } finally {
            server.closeAndDropDatabase();
        }
    }

    @Test
    void on_it_logs_method_route_template_and_status_never_the_id() {
        TestServer server = TestServer.start(Backend.SQLITE, tempDir, Map.of("SIGNET_ACCESS_LOG", "true"),
                Clock.systemUTC());
        try {
            assertThat(server.api().get("/v1/users/secret-user-id").status()).isEqualTo(200);
            // the line is written after the response, so it may land a moment later
            List<String> messages = Eventually.await(
                    lines::messages,
                    m -> m.stream().anyMatch(line -> line.startsWith("GET /v1/users/{userId} 200 ")),
                    Duration.ofSeconds(5));
            assertThat(messages).noneMatch(m -> m.contains("secret-user-id"));
        } finally {
            server.closeAndDropDatabase();
        }
    }
}
