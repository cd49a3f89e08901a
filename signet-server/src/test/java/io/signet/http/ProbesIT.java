package io.signet.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.signet.Signet;
import io.signet.testing.Api;
import io.signet.testing.ApiResponse;
import io.signet.testing.Backend;
import io.signet.testing.TestServer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The probes: live, ready with its checks, the /health aggregate, the management port. */
class ProbesIT {
    @TempDir
    Path tempDir;

    private static String checks(ApiResponse r) {
        return r.json().path("checks").toString();
    }

    @Test
    void live_and_ready_answer_without_a_key_with_their_checks() {
        try (TestServer server = TestServer.start(Backend.SQLITE, tempDir)) {
            Api anonymous = server.api().withKey(null);
            ApiResponse live = anonymous.get("/health/live");
            assertThat(live.status()).isEqualTo(200);
            assertThat(live.body()).isEqualTo("{\"status\":\"UP\",\"checks\":[]}");
            ApiResponse ready = anonymous.get("/health/ready");
            assertThat(ready.status()).isEqualTo(200);
            assertThat(ready.json().path("status").asString()).isEqualTo("UP");
            assertThat(checks(ready)).isEqualTo("[{\"name\":\"database\",\"status\":\"UP\"},"
                    + "{\"name\":\"migrations\",\"status\":\"UP\"},{\"name\":\"startup\",\"status\":\"UP\"},"
                    + "{\"name\":\"shutdown\",\"status\":\"UP\"}]");
            assertThat(anonymous.get("/health").body()).isEqualTo("{\"status\":\"ok\"}");
            assertThat(Signet.commandLine().execute("healthcheck", "--url", server.baseUrl() + "/health/ready"))
                    .isEqualTo(0);
            assertThat(Signet.commandLine().execute("healthcheck", "--port", Integer.toString(server.app().port())))
                    .as("address from the settings").isEqualTo(0);
        }
    }

    @Test
    void ready_is_down_when_the_schema_lacks_a_migration_this_code_needs() {
        try (TestServer server = TestServer.start(Backend.SQLITE, tempDir)) {
            server.app().database().write(jdbc -> jdbc.update("DELETE FROM flyway_schema_history WHERE installed_rank = "
                    + "(SELECT MAX(installed_rank) FROM flyway_schema_history)"));
            Api anonymous = server.api().withKey(null);
            ApiResponse ready = anonymous.get("/health/ready");
            assertThat(ready.status()).isEqualTo(503);
            assertThat(ready.json().path("status").asString()).isEqualTo("DOWN");
            assertThat(checks(ready)).contains("{\"name\":\"migrations\",\"status\":\"DOWN\"}")
                    .contains("{\"name\":\"database\",\"status\":\"UP\"}");
            assertThat(anonymous.get("/health").status()).isEqualTo(503);
            assertThat(anonymous.get("/health/live").status()).as("the process itself is fine").isEqualTo(200);
            assertThat(Signet.commandLine().execute("healthcheck", "--url", server.baseUrl() + "/health/ready"))
                    .isEqualTo(1);
        }
    }

    @Test
    void a_management_port_takes_health_and_metrics_off_the_main_port() {
        try (TestServer server = TestServer.start(Backend.SQLITE, tempDir, Map.of("SIGNET_MANAGEMENT_PORT", "0",
                "SIGNET_METRICS_PUBLIC", "true"), Clock.systemUTC())) {
            int managementPort = server.app().managementPort().orElseThrow();
            Api main = server.api().withKey(null);
            Api management = new Api("http://127.0.0.1:" + managementPort, null);
            for (String path : new String[] {"/health", "/health/live", "/health/ready", "/metrics"}) {
                assertThat(main.get(path).status()).as("main " + path).isEqualTo(404);
                assertThat(management.get(path).status()).as("management " + path).isEqualTo(200);
            }
            assertThat(management.get("/metrics").body()).contains("http_server_requests");
            assertThat(server.api().patch("/v1/users/someone", Map.of("username", "someone")).status())
                    .as("the API stays on the main port").isEqualTo(200);
            assertThat(new Api(management.baseUrl(), TestServer.SECRET_KEY).get("/v1/users/someone").status())
                    .isEqualTo(404);
            assertThat(Signet.commandLine().execute("healthcheck", "--port", "1",
                    "--management-port", Integer.toString(managementPort))).isEqualTo(0);
        }
    }
}
