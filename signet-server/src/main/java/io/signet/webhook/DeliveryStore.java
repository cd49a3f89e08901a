package io.signet.webhook;

import io.signet.store.Jdbc;
import java.util.List;

/** Storage of the outbox: events, their deliveries to endpoints, and every attempt of a delivery. */
public interface DeliveryStore {
    /** The tenant's next event sequence number, taken in the caller's transaction (gap-free, commit-ordered). */
    long nextSequence(Jdbc jdbc, String tenantId);

    /** Inserts an event; {@code payload} is the exact body to send, or null when it must not be kept. */
    void insertEvent(Jdbc jdbc, Event event, String payload);

    /** Inserts a pending asynchronous delivery of {@code event} to an endpoint, due at {@code now}. */
    void insertPending(Jdbc jdbc, Event event, String deliveryId, String endpointId, String redeliveryOf, long now);

    /** Leases up to {@code limit} due deliveries to {@code owner}, the oldest per endpoint and user only. */
    List<Claim> claim(long now, String owner, long leaseUntil, int limit);

    /** Records an attempt and moves the delivery to {@code status} (due again at {@code nextAttemptAt}). */
    void recordAttempt(Claim claim, AttemptResult result, long now, DeliveryStatus status, Long nextAttemptAt,
                       String owner);

    /** Gives a lease back without an attempt (the node is shutting down). */
    void release(Claim claim, String owner);

    /** Records a synchronous call: event (without payload), delivery and its one attempt, in one transaction. */
    void recordSync(Event event, String endpointId, AttemptResult result, long now);

    /** Deliveries to an endpoint, newest first, with their attempts. */
    DeliveryPage list(String tenantId, String endpointId, DeliveryStatus status, int limit, String afterDeliveryId);

    /** Queues the event again for the endpoint; empty when the event has no stored body. */
    Redelivery redeliverEvent(String tenantId, String endpointId, String eventId, long now);

    /** What a redelivery of one event did. */
    sealed interface Redelivery {
        /** Queued again as this new delivery. */
        record Queued(String deliveryId) implements Redelivery {
        }

        /** No stored asynchronous event has this id in the tenant. */
        record NoSuchEvent() implements Redelivery {
        }

        /** The event is still pending for the endpoint: two pending deliveries could be sent at once. */
        record StillPending() implements Redelivery {
        }
    }

    /** Queues again every delivery to the endpoint that failed for good, created at or after {@code since}. */
    List<String> redeliverFailed(String tenantId, String endpointId, long since, long now);

    /** Deletes events created before {@code cutoff} with nothing pending, and their deliveries and attempts. */
    int purgeBefore(long cutoff);

    /** {@code now} minus the due time of the oldest delivery due by {@code now}; 0 when none is due. */
    long oldestDueLagMillis(long now);

    /** Health of an endpoint, with attempt statistics since {@code since}. */
    EndpointHealth health(String tenantId, String endpointId, long since, int windowHours);
}
