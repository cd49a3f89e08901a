package io.signet.webhook;

import io.signet.wire.WireTime;
import java.util.List;

/**
 * One event sent (or to be sent) to one endpoint, with its attempts, as the admin API lists it. {@code mode} is
 * ASYNC for outbox events and SYNC for calls whose reply was waited for; a redelivery is a new delivery that
 * names the one it repeats.
 */
public record Delivery(String deliveryId, String eventId, String type, Long sequence, String mode, DeliveryStatus status,
                String nextAttemptAt, String createdAt, String redeliveryOf, String redeliveredBy,
                List<Attempt> attempts) {
    public Delivery {
        attempts = attempts == null ? null : List.copyOf(attempts);
    }

    /** A delivery as stored: times in epoch milliseconds, shown as wire times. */
    static Delivery stored(String deliveryId, String eventId, String type, Long sequence, String mode,
                           DeliveryStatus status, Long nextAttemptAt, long createdAt, String redeliveryOf,
                           String redeliveredBy) {
        return new Delivery(deliveryId, eventId, type, sequence, mode, status, WireTime.isoOrNull(nextAttemptAt),
                WireTime.iso(createdAt), redeliveryOf, redeliveredBy, List.of());
    }

    Delivery withAttempts(List<Attempt> list) {
        return new Delivery(deliveryId, eventId, type, sequence, mode, status, nextAttemptAt, createdAt, redeliveryOf,
                redeliveredBy, list);
    }
}
