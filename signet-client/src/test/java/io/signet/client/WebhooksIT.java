package io.signet.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.signet.client.model.TrackAttributes;
import io.signet.client.model.TrackRequest;
import io.signet.client.model.WebhookEvent;
import io.signet.client.model.WebhookEventBatch;
import io.signet.testing.WebhookReceiver;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Deliveries of a real Signet verified by {@code client.webhook}, as an integrator's receiver would. */
class WebhooksIT extends SignetFixture {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Override
    Map<String, String> settings() {
        return Map.of("SIGNET_WEBHOOK_ALLOW_PRIVATE", "true", "SIGNET_WEBHOOK_POLL_MILLIS", "50");
    }

    private void subscribe(WebhookReceiver receiver, String... eventTypes) {
        assertThat(server.api().post("/admin/v1/webhooks", Map.of("url", receiver.url(), "eventTypes",
                List.of(eventTypes))).status()).isEqualTo(200);
    }

    @Test
    void constructEvent_verifies_authenticator_created_and_refuses_a_tampered_body() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            subscribe(receiver, "authenticator.created");
            String userId = newUserId();
            String authenticatorId = enrollSms(userId).authenticator.userAuthenticatorId;
            WebhookReceiver.Received delivery = receiver.awaitCount(1, WAIT).getFirst();

            WebhookEvent event = client.webhook.constructEvent(delivery.body(), delivery.signature());
            assertThat(event.type).isEqualTo("authenticator.created");
            assertThat(event.data).containsEntry("userId", userId).containsEntry("userAuthenticatorId", authenticatorId);
            assertThat(event.sequence).isPositive();
            assertThatThrownBy(() -> client.webhook.constructEvent(delivery.body().replace(userId, "someone"),
                    delivery.signature()))
                    .isInstanceOf(Webhook.InvalidSignatureException.class).hasMessage("Signature mismatch.");
            assertThatThrownBy(() -> clientWithKey("sk_other").webhook.constructEvent(delivery.body(),
                    delivery.signature())).isInstanceOf(Webhook.InvalidSignatureException.class);
        }
    }

    @Test
    void constructLogEventBatch_verifies_an_action_log_batch() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            subscribe(receiver, "action.log_created");
            String userId = newUserId();
            TrackRequest track = new TrackRequest();
            track.userId = userId;
            track.action = "signIn";
            track.attributes = new TrackAttributes();
            String key = await(client.track(track)).idempotencyKey;
            WebhookReceiver.Received delivery = receiver.awaitCount(1, WAIT).getFirst();

            WebhookEventBatch batch = client.webhook.constructLogEventBatch(delivery.body(), delivery.signature());
            assertThat(batch.records).hasSize(1);
            assertThat(batch.records.getFirst().type).isEqualTo("action.log_created");
            assertThat(batch.records.getFirst().record).containsEntry("userId", userId)
                    .containsEntry("idempotencyKey", key).containsEntry("state", "ALLOW");
        }
    }
}
