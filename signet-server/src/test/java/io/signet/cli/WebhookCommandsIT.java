package io.signet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.signet.testing.Backend;
import io.signet.testing.TestServer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;

/** {@code ./signet webhooks ...} against a running server. */
class WebhookCommandsIT {
    @TempDir
    Path tempDir;

    private int run(TestServer server, String... args) {
        String[] all = new String[args.length + 4];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(new String[] {"--url", server.baseUrl(), "--key", TestServer.SECRET_KEY}, 0, all,
                args.length, 4);
        return new CommandLine(new WebhookCommands()).execute(all);
    }

    @Test
    void endpoints_are_managed_and_inspected_from_the_command_line() {
        try (TestServer server = TestServer.start(Backend.SQLITE, tempDir, Map.of(), Clock.systemUTC())) {
            assertThat(run(server, "create", "https://hooks.example.com/in", "--event-type", "authenticator.created",
                    "--event-type", "action.verify", "--disabled")).isZero();
            JsonNode endpoint = server.api().get("/admin/v1/webhooks").json().path("endpoints").get(0);
            String id = endpoint.path("endpointId").asString();
            assertThat(endpoint.path("enabled").asBoolean(true)).isFalse();
            assertThat(endpoint.path("eventTypes")).hasSize(2);

            assertThat(run(server, "update", id, "--enabled", "true", "--endpoint-url", "https://hooks.example.com/v2"))
                    .isZero();
            JsonNode updated = server.api().get("/admin/v1/webhooks/" + id).json();
            assertThat(updated.path("enabled").asBoolean()).isTrue();
            assertThat(updated.path("url").asString()).isEqualTo("https://hooks.example.com/v2");

            assertThat(run(server, "list")).isZero();
            assertThat(run(server, "deliveries", id, "--status", "FAILED", "--limit", "5")).isZero();
            assertThat(run(server, "health", id)).isZero();
            assertThat(run(server, "redeliver", id, "--failed-since", "2026-01-01T00:00:00Z")).isZero();
            assertThat(run(server, "redeliver", id, "--event", "e", "--failed-since", "2026-01-01T00:00:00Z"))
                    .isEqualTo(2);
            assertThat(run(server, "create", "ftp://nope", "--event-type", "*")).isEqualTo(1);
            assertThat(run(server, "delete", id)).isZero();
            assertThat(run(server, "health", id)).isEqualTo(1);
        }
    }
}
