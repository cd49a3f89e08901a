package io.signet.webhook;

import io.signet.crypto.Ids;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Synchronous webhook calls, whose reply the caller waits for (docs/server-api.md §9.4 "Event types"): {@code email.created}
 * and {@code sms.created} let a tenant deliver codes itself, {@code action.verify} can veto an action. Signed
 * and SSRF-guarded like outbox deliveries, each call logged as a SYNC delivery with its attempt; the body is
 * not stored, because it carries the code. Call outside a database transaction: it waits on the network.
 */
public final class SyncWebhooks {
    /** What the tenant's endpoints said. */
    public enum Result {
        /** No enabled endpoint subscribes to the type: the caller does what it does without webhooks. */
        NOT_SUBSCRIBED,
        /** Every subscribed endpoint answered 2xx. */
        ACCEPTED,
        /** An endpoint answered non-2xx, timed out or could not be reached: for action.verify, a veto. */
        REJECTED
    }

    private final EndpointStore endpoints;
    private final DeliveryStore deliveries;
    private final WebhookSender sender;
    private final Clock clock;

    public SyncWebhooks(EndpointStore endpoints, DeliveryStore deliveries, WebhookSender sender, Clock clock) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.sender = sender;
        this.clock = clock;
    }

    /**
     * Calls every enabled endpoint of the tenant subscribed to the synchronous {@code type}, one after the other,
     * each within the configured timeout.
     */
    public Result call(String tenantId, String userId, String type, Map<String, String> data) {
        if (!EventTypes.SYNCHRONOUS.contains(type)) {
            throw new IllegalArgumentException("not a synchronous webhook event type: " + type);
        }
        List<WebhookEndpoint> subscribed = endpoints.list(tenantId).stream().filter(e -> e.receives(type)).toList();
        if (subscribed.isEmpty()) {
            return Result.NOT_SUBSCRIBED;
        }
        long now = clock.millis();
        Event event = new Event(Ids.timeOrdered(now), tenantId, userId, type, data, now, null);
        String body = event.body();
        boolean accepted = true;
        for (WebhookEndpoint endpoint : subscribed) {
            AttemptResult result;
            try {
                result = sender.send(tenantId, endpoint.url(), body);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                result = new AttemptResult(false, null, 0, "interrupted: the server is shutting down");
            }
            deliveries.recordSync(event, endpoint.endpointId(), result, clock.millis());
            accepted &= result.succeeded();
            if (Thread.currentThread().isInterrupted()) {
                break; // shutting down: the remaining endpoints would be refused the same way
            }
        }
        return accepted ? Result.ACCEPTED : Result.REJECTED;
    }
}
