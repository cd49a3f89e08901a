package io.signet.webhook;

import static io.signet.webhook.WebhookTesting.WAIT;
import static io.signet.webhook.WebhookTesting.body;
import static io.signet.webhook.WebhookTesting.createEndpoint;
import static io.signet.webhook.WebhookTesting.deliveries;
import static io.signet.webhook.WebhookTesting.verifies;
import static org.assertj.core.api.Assertions.assertThat;

import io.signet.testing.Api;
import io.signet.testing.ApiResponse;
import io.signet.testing.TestServer;
import io.signet.testing.WebhookReceiver;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** The endpoints admin API and synchronous calls through a real server; run once per storage backend. */
abstract class WebhookAdminContract extends WebhookServerFixture {
    @Override
    protected Map<String, String> settings() {
        return Map.of("SIGNET_WEBHOOK_ALLOW_PRIVATE", "true", "SIGNET_WEBHOOK_TIMEOUT_MILLIS", "700");
    }

    @Override
    protected Clock clock() {
        return Clock.systemUTC();
    }

    private int endpointCount() {
        return api.get("/admin/v1/webhooks").json().path("endpoints").size();
    }

    @Test
    void endpoints_are_created_listed_updated_and_deleted() {
        ApiResponse created = api.post("/admin/v1/webhooks", Map.of("url", "https://hooks.example.com/signet",
                "eventTypes", List.of("authenticator.created", "authenticator.created", "action.verify")));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        JsonNode e = created.json();
        String id = e.path("endpointId").asString();
        assertThat(e.path("url").asString()).isEqualTo("https://hooks.example.com/signet");
        assertThat(e.path("eventTypes").valueStream().map(JsonNode::asString).toList())
                .containsExactly("authenticator.created", "action.verify");
        assertThat(e.path("enabled").asBoolean()).isTrue();
        assertThat(e.path("createdAt").asString()).endsWith("Z");

        assertThat(api.get("/admin/v1/webhooks").json().path("endpoints").get(0).path("endpointId").asString())
                .isEqualTo(id);
        ApiResponse updated = api.patch("/admin/v1/webhooks/" + id, Map.of("enabled", false, "eventTypes", List.of("*")));
        assertThat(updated.json().path("enabled").asBoolean(true)).isFalse();
        assertThat(updated.json().path("url").asString()).isEqualTo("https://hooks.example.com/signet");
        assertThat(api.get("/admin/v1/webhooks/" + id).json().path("eventTypes").get(0).asString()).isEqualTo("*");

        assertThat(server.newTenant("other").get("/admin/v1/webhooks/" + id).status()).isEqualTo(404);
        assertThat(api.delete("/admin/v1/webhooks/" + id).json().path("success").asBoolean()).isTrue();
        ApiResponse gone = api.get("/admin/v1/webhooks/" + id);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.errorCode()).isEqualTo("not_found");
        assertThat(api.delete("/admin/v1/webhooks/" + id).status()).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"eventTypes\":[\"*\"]}",
            "{\"url\":\"ftp://hooks.example.com/\",\"eventTypes\":[\"*\"]}",
            "{\"url\":\"not a url\",\"eventTypes\":[\"*\"]}",
            "{\"url\":\"https://169.254.169.254/latest/meta-data\",\"eventTypes\":[\"*\"]}",
            "{\"url\":\"https://[fe80::1]/\",\"eventTypes\":[\"*\"]}",
            "{\"url\":\"https://user:secret@hooks.example.com/\",\"eventTypes\":[\"*\"]}",
            "{\"url\":\"https:///no-host\",\"eventTypes\":[\"*\"]}",
            "{\"url\":5,\"eventTypes\":[\"*\"]}",
    })
    void bad_urls_are_400_naming_url_and_create_nothing(String body) {
        ApiResponse r = api.post("/admin/v1/webhooks", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.errorCode()).isEqualTo("invalid_request");
        assertThat(r.errorDescription()).contains("url");
        assertThat(endpointCount()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"url\":\"https://hooks.example.com/\"}",
            "{\"url\":\"https://hooks.example.com/\",\"eventTypes\":[]}",
            "{\"url\":\"https://hooks.example.com/\",\"eventTypes\":[\"user.created\"]}",
            "{\"url\":\"https://hooks.example.com/\",\"eventTypes\":[null]}",
            "{\"url\":\"https://hooks.example.com/\",\"eventTypes\":{\"a\":1}}",
    })
    void bad_event_types_are_400_naming_eventTypes_and_create_nothing(String body) {
        ApiResponse r = api.post("/admin/v1/webhooks", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.errorDescription()).contains("eventTypes");
        assertThat(endpointCount()).isZero();
    }

    @Test
    void a_bad_update_changes_nothing() {
        String id = createEndpoint(api, "https://hooks.example.com/", "*");
        assertThat(api.patch("/admin/v1/webhooks/" + id, Map.of("url", "https://hooks.example.com/v2",
                "eventTypes", List.of("bogus"))).status()).isEqualTo(400);
        assertThat(api.patch("/admin/v1/webhooks/" + id, "{\"enabled\":\"maybe\"}").errorDescription()).contains("enabled");
        assertThat(api.get("/admin/v1/webhooks/" + id).json().path("url").asString()).isEqualTo("https://hooks.example.com/");
    }

    private SyncWebhooks.Result verify(String userId) {
        return server.app().webhooks().sync().call(WebhookTesting.tenantId(server), userId, EventTypes.ACTION_VERIFY,
                Map.of("userId", userId, "actionCode", "signIn", "idempotencyKey", "k-1"));
    }

    @Test
    void a_synchronous_call_without_a_subscribed_endpoint_is_not_subscribed() {
        createEndpoint(api, receiver.url(), "*"); // '*' never implies a synchronous type
        assertThat(verify("u-1")).isEqualTo(SyncWebhooks.Result.NOT_SUBSCRIBED);
        assertThat(receiver.received()).isEmpty();
    }

    @Test
    void action_verify_is_accepted_on_2xx_and_vetoed_on_non_2xx_or_timeout_each_call_logged() {
        receiver.answer(n -> switch (n) {
            case 0 -> 204;
            case 1 -> 403;
            default -> 0; // never answers: the 700 ms timeout vetoes
        });
        String endpointId = createEndpoint(api, receiver.url(), EventTypes.ACTION_VERIFY);
        assertThat(verify("u-1")).isEqualTo(SyncWebhooks.Result.ACCEPTED);
        assertThat(verify("u-1")).isEqualTo(SyncWebhooks.Result.REJECTED);
        assertThat(verify("u-1")).isEqualTo(SyncWebhooks.Result.REJECTED);

        WebhookReceiver.Received first = receiver.awaitCount(3, WAIT).getFirst();
        assertThat(verifies(first, TestServer.SECRET_KEY)).isTrue();
        assertThat(body(first).path("type").asString()).isEqualTo("action.verify");
        assertThat(body(first).has("sequence")).isFalse();
        JsonNode log = deliveries(api, endpointId);
        assertThat(log).hasSize(3);
        assertThat(log.valueStream().map(d -> d.path("mode").asString())).containsOnly("SYNC");
        assertThat(log.valueStream().map(d -> d.path("status").asString()))
                .containsExactlyInAnyOrder("SUCCEEDED", "FAILED", "FAILED");
        assertThat(log.valueStream().map(d -> d.path("attempts").get(0).path("error").asString()))
                .contains("the endpoint answered 403", "no answer within 700 ms");
    }

    @Test
    void sms_created_carries_the_code_to_the_tenant_but_never_into_the_log() {
        String endpointId = createEndpoint(api, receiver.url(), EventTypes.SMS_CREATED);
        SyncWebhooks.Result result = server.app().webhooks().sync().call(WebhookTesting.tenantId(server), "u-2",
                EventTypes.SMS_CREATED, Map.of("to", "+6427000000", "code", "157743", "userId", "u-2"));
        assertThat(result).isEqualTo(SyncWebhooks.Result.ACCEPTED);
        assertThat(body(receiver.awaitCount(1, WAIT).getFirst()).path("data").path("code").asString()).isEqualTo("157743");
        JsonNode log = deliveries(api, endpointId);
        assertThat(log.toString()).doesNotContain("157743");
        String eventId = log.get(0).path("eventId").asString();
        assertThat(api.post("/admin/v1/webhooks/" + endpointId + "/redeliver", Map.of("eventId", eventId)).status())
                .isEqualTo(404);
    }
}
