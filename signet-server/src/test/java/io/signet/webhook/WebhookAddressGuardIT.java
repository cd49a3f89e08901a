package io.signet.webhook;

import static io.signet.webhook.WebhookTesting.attempts;
import static io.signet.webhook.WebhookTesting.awaitDeliveries;
import static io.signet.webhook.WebhookTesting.delivery;
import static io.signet.webhook.WebhookTesting.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.signet.testing.Api;
import io.signet.testing.Backend;
import io.signet.testing.TestServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Without SIGNET_WEBHOOK_ALLOW_PRIVATE, a host name that resolves to loopback passes configuration (names are
 * checked when used) but is refused at delivery, before any connection: the listening socket sees none.
 */
class WebhookAddressGuardIT {
    @TempDir
    Path tempDir;

    @Test
    void a_name_resolving_to_loopback_is_refused_at_delivery_without_a_connection() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             TestServer server = TestServer.start(Backend.SQLITE, tempDir,
                     Map.of("SIGNET_WEBHOOK_POLL_MILLIS", "50"), Clock.systemUTC())) {
            Api api = server.api();
            String url = "https://localhost:" + socket.getLocalPort() + "/hooks";
            String endpointId = WebhookTesting.createEndpoint(api, url, "*", EventTypes.ACTION_VERIFY);

            String eventId = publish(server, "u-1", EventTypes.AUTHENTICATOR_CREATED, Map.of());
            String error = delivery(awaitDeliveries(api, endpointId, d -> attempts(d, eventId) == 1), eventId)
                    .path("attempts").get(0).path("error").asString();
            assertThat(error).startsWith("refused: address ").contains("loopback or private");
            assertThat(server.app().webhooks().sync().call(WebhookTesting.tenantId(server), "u-1",
                    EventTypes.ACTION_VERIFY, Map.of())).isEqualTo(SyncWebhooks.Result.REJECTED);

            socket.setSoTimeout(300);
            assertThatThrownBy(socket::accept).isInstanceOf(SocketTimeoutException.class);
            assertThat(api.post("/admin/v1/webhooks", Map.of("url", "http://127.0.0.1:1/", "eventTypes",
                    List.of("*"))).status()).isEqualTo(400);
        }
    }
}
