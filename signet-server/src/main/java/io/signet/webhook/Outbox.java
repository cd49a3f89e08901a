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
public final class Outbox implements Events {
    private final EndpointStore endpoints;
    private final DeliveryStore deliveries;
    private final Clock clock;

    public Outbox(EndpointStore endpoints, DeliveryStore deliveries, Clock clock) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    @Override
    public String publish(Jdbc jdbc, String tenantId, String userId, String type, Map<String, String> data) {
        List<WebhookEndpoint> receivers = receivers(jdbc, tenantId, type);
        return receivers.isEmpty() ? null : record(jdbc, tenantId, type, receivers, userId, data);
    }

    @Override
    public void publishAll(Jdbc jdbc, String tenantId, String type, List<Occurrence> occurrences) {
        if (occurrences.isEmpty()) {
            return;
        }
        List<WebhookEndpoint> receivers = receivers(jdbc, tenantId, type); // read once for all of them
        for (Occurrence o : receivers.isEmpty() ? List.<Occurrence>of() : occurrences) {
            record(jdbc, tenantId, type, receivers, o.userId(), o.data());
        }
    }

    /**
     * The endpoints that receive {@code type}. When there are none, nothing is recorded: that skips the
     * per-tenant sequence row, whose lock would otherwise serialise every enrollment of the tenant
     * (measured: parallel batch enrollments on PostgreSQL ran one at a time).
     */
    private List<WebhookEndpoint> receivers(Jdbc jdbc, String tenantId, String type) {
        if (!EventTypes.ASYNCHRONOUS.contains(type)) {
            throw new IllegalArgumentException("not an asynchronous webhook event type: " + type
                    + " (synchronous events go through SyncWebhooks)");
        }
        return endpoints.list(jdbc, tenantId).stream().filter(e -> e.receives(type)).toList();
    }

    private String record(Jdbc jdbc, String tenantId, String type, List<WebhookEndpoint> receivers, String userId,
                          Map<String, String> data) {
        long now = clock.millis();
        // Log records carry no sequence (their body has none), so they neither leave gaps in the numbers
        // receivers see nor queue every tracked action of a tenant on the counter row.
        Long sequence = EventTypes.LOG.contains(type) ? null : deliveries.nextSequence(jdbc, tenantId);
        Event event = new Event(Ids.timeOrdered(now), tenantId, userId, type, data, now, sequence);
        deliveries.insertEvent(jdbc, event, event.body());
        for (WebhookEndpoint endpoint : receivers) {
            deliveries.insertPending(jdbc, event, Ids.timeOrdered(now), endpoint.endpointId(), null, now);
        }
        return event.eventId();
    }
}
