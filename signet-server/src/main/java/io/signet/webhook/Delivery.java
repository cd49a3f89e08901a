package io.signet.webhook;

import java.util.List;

/**
 * One event sent (or to be sent) to one endpoint, with its attempts, as the admin API lists it. {@code mode} is
 * ASYNC for outbox events and SYNC for calls whose reply was waited for; a redelivery is a new delivery that
 * names the one it repeats.
 */
record Delivery(String deliveryId, String eventId, String type, Long sequence, String mode, DeliveryStatus status,
                String nextAttemptAt, String createdAt, String redeliveryOf, String redeliveredBy,
                List<Attempt> attempts) {
    Delivery {
        attempts = attempts == null ? null : List.copyOf(attempts);
    }

    Delivery withAttempts(List<Attempt> list) {
        return new Delivery(deliveryId, eventId, type, sequence, mode, status, nextAttemptAt, createdAt, redeliveryOf,
                redeliveredBy, list);
    }
}
