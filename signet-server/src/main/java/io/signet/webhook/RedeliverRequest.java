package io.signet.webhook;

import java.util.List;

/** Body of redeliver: exactly one of an event id, or an ISO time since which failed deliveries are queued again. */
public record RedeliverRequest(String eventId, String failedSince) {

    /** The delivery ids queued by a redeliver request. */
    public record Response(int redelivered, List<String> deliveryIds) {
    }
}
