package io.signet.webhook;

import static io.signet.webhook.WebhookTesting.WAIT;
import static io.signet.webhook.WebhookTesting.attempts;
import static io.signet.webhook.WebhookTesting.awaitDeliveries;
import static io.signet.webhook.WebhookTesting.body;
import static io.signet.webhook.WebhookTesting.createEndpoint;
import static io.signet.webhook.WebhookTesting.delivery;
import static io.signet.webhook.WebhookTesting.publish;
import static io.signet.webhook.WebhookTesting.verifies;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.signet.testing.ApiResponse;
import io.signet.testing.ManualClock;
import io.signet.testing.TestServer;
import io.signet.testing.WebhookReceiver.Received;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Outbox deliveries through a real server to a local receiver; run once per storage backend. */
abstract class WebhookDeliveryContract extends WebhookServerFixture {
    static final RetryPolicy DEFAULT_RETRIES = new RetryPolicy(3, 30_000);
    final ManualClock clock = new ManualClock(Instant.parse("2026-03-01T10:00:00Z"));

    @Override
    protected Map<String, String> settings() {
        return Map.of("SIGNET_WEBHOOK_ALLOW_PRIVATE", "true", "SIGNET_WEBHOOK_POLL_MILLIS", "50");
    }

    @Override
    protected Clock clock() {
        return clock;
    }

    private String user() {
        return "user-" + java.util.UUID.randomUUID();
    }

    /** Moves the clock past the longest possible wait before the retry after the n-th failure. */
    private void passRetryDelay(int failedAttempts) {
        clock.advance(Duration.ofMillis(DEFAULT_RETRIES.maxDelayMillis(failedAttempts) + 1000));
    }

    @Test
    void an_event_arrives_signed_with_the_tenant_key_as_the_contract_envelope() {
        String endpointId = createEndpoint(api, receiver.url(), EventTypes.AUTHENTICATOR_CREATED);
        String userId = user();
        String time = io.signet.wire.WireTime.iso(clock.millis());
        String eventId = publish(server, userId, EventTypes.AUTHENTICATOR_CREATED, Map.of("userId", userId,
                "verificationMethod", "SMS", "userAuthenticatorId", "auth-1", "phoneNumber", "+6427000000"));

        Received r = receiver.awaitCount(1, WAIT).getFirst();
        assertThat(r.contentType()).isEqualTo("application/json");
        assertThat(r.signature()).matches("t=\\d+,v2=[A-Za-z0-9+/]{43}");
        assertThat(r.signature()).startsWith("t=" + clock.instant().getEpochSecond() + ",");
        assertThat(verifies(r, TestServer.SECRET_KEY)).isTrue();
        assertThat(verifies(r, "sk_some_other_key")).isFalse();
        assertThat(r.body()).doesNotContain(" ").startsWith("{\"version\":1,\"id\":\"" + eventId + "\"");
        JsonNode event = body(r);
        assertThat(event.path("source").asString()).isEqualTo("https://authsignal.com");
        assertThat(event.path("tenantId").asString()).isEqualTo(WebhookTesting.tenantId(server));
        assertThat(event.path("type").asString()).isEqualTo("authenticator.created");
        assertThat(event.path("time").asString()).isEqualTo(time);
        assertThat(event.path("data").path("phoneNumber").asString()).isEqualTo("+6427000000");
        assertThat(event.path("sequence").isIntegralNumber()).isTrue();

        JsonNode logged = delivery(awaitDeliveries(api, endpointId,
                d -> delivery(d, eventId).path("status").asString().equals("SUCCEEDED")), eventId);
        assertThat(logged.path("mode").asString()).isEqualTo("ASYNC");
        assertThat(logged.path("attempts").get(0).path("statusCode").asInt()).isEqualTo(200);
    }

    @Test
    void a_receiver_that_fails_twice_then_succeeds_gets_exactly_three_attempts_logged() {
        receiver.answer(n -> n < 2 ? 500 : 200);
        String endpointId = createEndpoint(api, receiver.url(), EventTypes.AUTHENTICATOR_DELETED);
        String eventId = publish(server, user(), EventTypes.AUTHENTICATOR_DELETED, Map.of("userAuthenticatorId", "a"));

        for (int failed = 1; failed <= 2; failed++) {
            int expected = failed;
            receiver.awaitCount(failed, WAIT);
            JsonNode log = awaitDeliveries(api, endpointId, d -> attempts(d, eventId) == expected);
            assertThat(delivery(log, eventId).path("status").asString()).isEqualTo("PENDING");
            assertThat(delivery(log, eventId).has("nextAttemptAt")).isTrue();
            passRetryDelay(failed);
        }
        List<Received> all = receiver.awaitCount(3, WAIT);
        JsonNode d = delivery(awaitDeliveries(api, endpointId,
                l -> delivery(l, eventId).path("status").asString().equals("SUCCEEDED")), eventId);
        assertThat(d.path("attempts")).hasSize(3);
        assertThat(d.path("attempts").valueStream().map(a -> a.path("statusCode").asInt()).toList())
                .containsExactly(500, 500, 200);
        assertThat(d.path("attempts").get(0).path("error").asString()).contains("500");
        assertThat(d.path("attempts").get(2).path("succeeded").asBoolean()).isTrue();
        assertThat(all).extracting(Received::body).containsOnly(all.getFirst().body());
        assertThat(all).allMatch(r -> verifies(r, TestServer.SECRET_KEY));
        assertThat(receiver.received()).hasSize(3);
    }

    @Test
    void a_tenant_without_a_receiving_endpoint_records_no_event_and_spends_no_sequence_number() {
        String quietTenant = server.app().tenants().create("no endpoints", java.util.Optional.empty())
                .tenant().tenantId();
        String eventId = server.app().database().write(jdbc -> server.app().webhooks().events()
                .publish(jdbc, quietTenant, "u-quiet", EventTypes.AUTHENTICATOR_CREATED, Map.of()));
        assertThat(eventId).isNull();
        assertThat((long) server.app().database().read(jdbc -> jdbc.count(
                "SELECT COUNT(*) AS n FROM webhook_events WHERE tenant_id = ?", quietTenant))).isZero();
        assertThat((long) server.app().database().read(jdbc -> jdbc.count(
                "SELECT COUNT(*) AS n FROM webhook_sequences WHERE tenant_id = ?", quietTenant))).isZero();
    }

    @Test
    void a_transaction_that_rolls_back_emits_nothing_and_leaves_no_sequence_gap() {
        String endpointId = createEndpoint(api, receiver.url(), "*");
        String first = publish(server, user(), EventTypes.AUTHENTICATOR_CREATED, Map.of());
        assertThatThrownBy(() -> server.app().database().write(jdbc -> {
            server.app().webhooks().events().publish(jdbc, WebhookTesting.tenantId(server), "rolled-back",
                    EventTypes.AUTHENTICATOR_CREATED, Map.of());
            throw new IllegalStateException("the change failed after publishing");
        })).hasMessageContaining("the change failed");
        String second = publish(server, user(), EventTypes.AUTHENTICATOR_UPDATED, Map.of());

        List<Received> got = receiver.awaitCount(2, WAIT);
        JsonNode log = awaitDeliveries(api, endpointId, d -> d.size() == 2
                && d.valueStream().allMatch(x -> x.path("status").asString().equals("SUCCEEDED")));
        assertThat(log.valueStream().map(x -> x.path("eventId").asString())).containsExactlyInAnyOrder(first, second);
        // Two users' events may arrive in either order; their numbers must still be consecutive.
        long s1 = body(got.get(0)).path("sequence").asLong();
        long s2 = body(got.get(1)).path("sequence").asLong();
        assertThat(Math.abs(s1 - s2)).isEqualTo(1);
        assertThat(receiver.received()).noneMatch(r -> r.body().contains("rolled-back"));
    }

    @Test
    void events_of_one_user_stay_in_order_behind_a_failing_one_while_other_users_go_ahead() {
        receiver.answer(n -> n == 0 ? 503 : 200);
        String endpointId = createEndpoint(api, receiver.url(), "*");
        String alice = user();
        String e1 = publish(server, alice, EventTypes.AUTHENTICATOR_CREATED, Map.of());
        receiver.awaitCount(1, WAIT);
        awaitDeliveries(api, endpointId, d -> attempts(d, e1) == 1);
        String e2 = publish(server, alice, EventTypes.AUTHENTICATOR_DELETED, Map.of());
        String e3 = publish(server, user(), EventTypes.AUTHENTICATOR_CREATED, Map.of());

        assertThat(body(receiver.awaitCount(2, WAIT).get(1)).path("id").asString()).isEqualTo(e3);
        JsonNode log = awaitDeliveries(api, endpointId,
                d -> delivery(d, e3).path("status").asString().equals("SUCCEEDED"));
        assertThat(attempts(log, e2)).isZero();

        passRetryDelay(1);
        List<Received> all = receiver.awaitCount(4, WAIT);
        assertThat(all.subList(2, 4)).extracting(r -> body(r).path("id").asString()).containsExactly(e1, e2);
    }

    @Test
    void failed_deliveries_are_redelivered_once_and_one_event_can_be_redelivered_as_sent() {
        receiver.answer(n -> 500);
        String endpointId = createEndpoint(api, receiver.url(), "*");
        String e1 = publish(server, user(), EventTypes.AUTHENTICATOR_CREATED, Map.of("k", "1"));
        String e2 = publish(server, user(), EventTypes.AUTHENTICATOR_CREATED, Map.of("k", "2"));
        for (int failed = 1; failed <= 4; failed++) {
            int expected = failed;
            awaitDeliveries(api, endpointId, d -> attempts(d, e1) == expected && attempts(d, e2) == expected);
            passRetryDelay(failed);
        }
        JsonNode log = awaitDeliveries(api, endpointId, d -> d.valueStream()
                .allMatch(x -> x.path("status").asString().equals("FAILED")));
        assertThat(log).hasSize(2);
        JsonNode health = api.get("/admin/v1/webhooks/" + endpointId + "/health").json();
        assertThat(health.path("failed").asInt()).as(health.toString()).isEqualTo(2);
        assertThat(health.path("pending").asInt()).isZero();
        assertThat(health.path("successRate").asDouble()).isZero();
        assertThat(health.has("lastFailureAt")).isTrue();
        assertThat(health.has("lastSuccessAt")).isFalse();

        receiver.answer(n -> 200);
        String since = clock.instant().minus(Duration.ofHours(1)).toString();
        ApiResponse again = api.post("/admin/v1/webhooks/" + endpointId + "/redeliver", Map.of("failedSince", since));
        assertThat(again.json().path("redelivered").asInt()).as(again.toString()).isEqualTo(2);
        receiver.awaitCount(10, WAIT);
        log = awaitDeliveries(api, endpointId, d -> d.size() == 4 && d.valueStream()
                .filter(x -> x.has("redeliveryOf")).allMatch(x -> x.path("status").asString().equals("SUCCEEDED")));
        assertThat(log.valueStream().filter(x -> x.has("redeliveredBy")).count()).isEqualTo(2);
        assertThat(api.post("/admin/v1/webhooks/" + endpointId + "/redeliver", Map.of("failedSince", since))
                .json().path("redelivered").asInt()).isZero();

        String original = receiver.received().stream().filter(r -> body(r).path("id").asString().equals(e1))
                .findFirst().orElseThrow().body();
        assertThat(api.post("/admin/v1/webhooks/" + endpointId + "/redeliver", Map.of("eventId", e1)).status())
                .isEqualTo(200);
        assertThat(receiver.awaitCount(11, WAIT).getLast().body()).isEqualTo(original);
        JsonNode healthy = api.get("/admin/v1/webhooks/" + endpointId + "/health").json();
        assertThat(healthy.path("failed").asInt()).isZero();
        assertThat(healthy.has("lastSuccessAt")).isTrue();
    }

    @Test
    void redelivery_requests_are_validated() {
        String endpointId = createEndpoint(api, receiver.url(), "*");
        String path = "/admin/v1/webhooks/" + endpointId + "/redeliver";
        assertThat(api.post(path, Map.of()).errorDescription()).contains("eventId").contains("failedSince");
        assertThat(api.post(path, Map.of("eventId", "x", "failedSince", "2026-01-01T00:00:00Z")).status()).isEqualTo(400);
        assertThat(api.post(path, Map.of("failedSince", "yesterday")).errorDescription()).contains("failedSince");
        ApiResponse unknown = api.post(path, Map.of("eventId", "no-such-event"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.errorCode()).isEqualTo("not_found");
        assertThat(api.post("/admin/v1/webhooks/nope/redeliver", Map.of("eventId", "x")).status()).isEqualTo(404);
    }

    @Test
    void a_disabled_endpoint_gets_nothing() {
        String endpointId = createEndpoint(api, receiver.url(), "*");
        assertThat(api.patch("/admin/v1/webhooks/" + endpointId, Map.of("enabled", false)).status()).isEqualTo(200);
        publish(server, user(), EventTypes.AUTHENTICATOR_CREATED, Map.of());
        assertThat(WebhookTesting.deliveries(api, endpointId)).isEmpty();
    }

    @Test
    void enrolling_and_deleting_an_authenticator_publish_events_only_when_they_commit() {
        String endpointId = createEndpoint(api, receiver.url(), "*");
        String userId = user();
        String path = "/v1/users/" + userId + "/authenticators";
        Map<String, String> sms = Map.of("verificationMethod", "SMS", "phoneNumber", "+64271234567");
        String authenticatorId = api.post(path, sms).json().path("authenticator").path("userAuthenticatorId").asString();
        assertThat(api.post(path, sms).status()).isEqualTo(200); // the same factor again: nothing new, no event

        Received created = receiver.awaitCount(1, WAIT).getFirst();
        assertThat(verifies(created, TestServer.SECRET_KEY)).isTrue();
        JsonNode event = body(created);
        assertThat(event.path("type").asString()).isEqualTo("authenticator.created");
        assertThat(event.path("data").path("userId").asString()).isEqualTo(userId);
        assertThat(event.path("data").path("userAuthenticatorId").asString()).isEqualTo(authenticatorId);
        assertThat(event.path("data").path("verificationMethod").asString()).isEqualTo("SMS");
        assertThat(event.path("data").path("phoneNumber").asString()).isEqualTo("+64271234567");

        api.patch("/admin/v1/settings", Map.of("protectLastAuthenticator", true));
        try {
            assertThat(api.delete(path + "/" + authenticatorId).status()).isEqualTo(409); // rolled back
        } finally {
            api.patch("/admin/v1/settings", Map.of("protectLastAuthenticator", false));
        }
        assertThat(api.delete(path + "/" + authenticatorId).status()).isEqualTo(200);
        JsonNode deleted = body(receiver.awaitCount(2, WAIT).get(1));
        assertThat(deleted.path("type").asString()).isEqualTo("authenticator.deleted");
        assertThat(deleted.path("data").path("userAuthenticatorId").asString()).isEqualTo(authenticatorId);
        assertThat(deleted.path("sequence").asLong()).isEqualTo(event.path("sequence").asLong() + 1);
        assertThat(awaitDeliveries(api, endpointId, d -> d.valueStream()
                .allMatch(x -> x.path("status").asString().equals("SUCCEEDED")))).hasSize(2);
    }

    @Test
    void events_older_than_the_retention_are_forgotten_unless_still_pending() {
        receiver.answer(n -> n == 0 ? 200 : 500);
        String endpointId = createEndpoint(api, receiver.url(), "*");
        String delivered = publish(server, user(), EventTypes.AUTHENTICATOR_CREATED, Map.of());
        awaitDeliveries(api, endpointId, d -> delivery(d, delivered).path("status").asString().equals("SUCCEEDED"));
        String pending = publish(server, user(), EventTypes.AUTHENTICATOR_CREATED, Map.of());
        awaitDeliveries(api, endpointId, d -> attempts(d, pending) == 1);

        clock.advance(Webhooks.RETENTION.plusDays(1));
        assertThat(server.app().webhooks().purgeExpired()).isPositive();
        assertThat(WebhookTesting.deliveries(api, endpointId).valueStream().map(d -> d.path("eventId").asString()))
                .containsExactly(pending);
    }
}
