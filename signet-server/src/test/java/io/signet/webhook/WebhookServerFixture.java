package io.signet.webhook;

import io.signet.testing.Api;
import io.signet.testing.Backend;
import io.signet.testing.TestServer;
import io.signet.testing.WebhookReceiver;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * One server per test class on the subclass's backend, settings and clock, and a fresh receiver per test;
 * endpoints are removed after each test so one test's deliveries never reach another's receiver.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class WebhookServerFixture {
    @TempDir
    static Path tempDir;
    TestServer server;
    Api api;
    WebhookReceiver receiver;

    abstract Backend backend();

    abstract Map<String, String> settings();

    abstract Clock clock();

    @BeforeAll
    void start() {
        server = TestServer.start(backend(), tempDir, settings(), clock());
        api = server.api();
    }

    @AfterAll
    void stop() {
        server.close();
    }

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
