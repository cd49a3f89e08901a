package io.signet.webhook;

import io.signet.crypto.Ids;
import io.signet.store.Jdbc;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * {@link Events} on the outbox tables: the event (with its final body, so a redelivery sends the same bytes)
 * and one pending delivery per enabled endpoint subscribed to its type, all in the caller's transaction.
 */
final class Outbox implements Events {
    private final EndpointStore endpoints;
    private final DeliveryStore deliveries;
    private final Clock clock;

    Outbox(EndpointStore endpoints, DeliveryStore deliveries, Clock clock) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    @Override
    public boolean anyReceiver(Jdbc jdbc, String tenantId, String type) {
        return endpoints.list(jdbc, tenantId).stream().anyMatch(e -> e.receives(type));
    }

    @Override
    public String publish(Jdbc jdbc, String tenantId, String userId, String type, Map<String, String> data) {
        if (!EventTypes.ASYNCHRONOUS.contains(type)) {
            throw new IllegalArgumentException("not an asynchronous webhook event type: " + type
                    + " (synchronous events go through SyncWebhooks)");
        }
        List<WebhookEndpoint> receivers = endpoints.list(jdbc, tenantId).stream()
                .filter(e -> e.receives(type)).toList();
        if (receivers.isEmpty()) {
            // Nobody to tell: skip the per-tenant sequence row, whose lock would otherwise serialise every
            // enrollment of the tenant (measured: parallel batch enrollments on PostgreSQL ran one at a time).
            return null;
        }
        long now = clock.millis();
        long sequence = deliveries.nextSequence(jdbc, tenantId);
        Event event = new Event(Ids.timeOrdered(now), tenantId, userId, type, data, now, sequence);
        deliveries.insertEvent(jdbc, event, event.body());
        for (WebhookEndpoint endpoint : receivers) {
            deliveries.insertPending(jdbc, event, Ids.timeOrdered(now), endpoint.endpointId(), null, now);
        }
        return event.eventId();
    }
}
