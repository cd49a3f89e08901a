package io.signet.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.signet.testing.Api;
import io.signet.testing.ApiResponse;
import io.signet.testing.Eventually;
import io.signet.testing.TestServer;
import io.signet.testing.WebhookReceiver;
import io.signet.wire.Json;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;

/** What the webhook integration tests share: publishing, the admin API, and verifying like an SDK does. */
final class WebhookTesting {
    static final Duration WAIT = Duration.ofSeconds(30);

    private WebhookTesting() {
    }

    static String tenantId(TestServer server) {
        return server.app().tenants().tenantIdForSecretKey(TestServer.SECRET_KEY).orElseThrow();
    }

    static String publish(TestServer server, String userId, String type, Map<String, String> data) {
        return server.app().database().write(jdbc ->
                server.app().webhooks().events().publish(jdbc, tenantId(server), userId, type, data));
    }

    static String createEndpoint(Api api, String url, String... types) {
        ApiResponse r = api.post("/admin/v1/webhooks", Map.of("url", url, "eventTypes", List.of(types)));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().path("endpointId").asString();
    }

    static JsonNode deliveries(Api api, String endpointId) {
        ApiResponse r = api.get("/admin/v1/webhooks/" + endpointId + "/deliveries?limit=100");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().path("deliveries");
    }

    /** Waits until the endpoint's delivery log satisfies {@code done}. */
    static JsonNode awaitDeliveries(Api api, String endpointId, Predicate<JsonNode> done) {
        return Eventually.await(() -> deliveries(api, endpointId), done, WAIT);
    }

    static JsonNode delivery(JsonNode deliveries, String eventId) {
        for (JsonNode d : deliveries) {
            if (d.path("eventId").asString().equals(eventId) && !d.has("redeliveredBy")) {
                return d;
            }
        }
        return Json.MAPPER.missingNode();
    }

    static int attempts(JsonNode deliveries, String eventId) {
        return delivery(deliveries, eventId).path("attempts").size();
    }

    static JsonNode body(WebhookReceiver.Received r) {
        return Json.MAPPER.readTree(r.body());
    }

    /**
     * Verifies a delivery the way every SDK's constructEvent does (docs/server-api.md §9.2 "What the verifiers check"): split the header on
     * ',' then on the first '=', recompute HMAC-SHA256 of {@code t.body} with the key, compare with each v2.
     */
    static boolean verifies(WebhookReceiver.Received r, String secretKey) {
        long t = -1;
        List<String> signatures = new ArrayList<>();
        for (String item : r.signature().split(",")) {
            int eq = item.indexOf('=');
            String k = item.substring(0, eq);
            if (k.equals("t")) {
                t = Long.parseLong(item.substring(eq + 1));
            } else if (k.equals("v2")) {
                signatures.add(item.substring(eq + 1));
            }
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String expected = Base64.getEncoder().encodeToString(
                    mac.doFinal((t + "." + r.body()).getBytes(StandardCharsets.UTF_8))).replace("=", "");
            return t > 0 && signatures.contains(expected);
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
