package io.signet.webhook;

import io.signet.testing.ServerSuite;
import io.signet.testing.WebhookReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;

/**
 * A server suite with a fresh local receiver per test; endpoints are removed after each test so one test's
 * deliveries never reach another's receiver.
 */
abstract class WebhookServerFixture extends ServerSuite {
    WebhookReceiver receiver;

    @BeforeEach
    void startReceiver() {
        receiver = WebhookReceiver.start();
    }

    @AfterEach
    void removeEndpoints() {
        receiver.close();
        for (JsonNode e : api.get("/admin/v1/webhooks").json().path("endpoints")) {
            api.delete("/admin/v1/webhooks/" + e.path("endpointId").asString());
        }
    }
}
