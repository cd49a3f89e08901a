package io.signet.webhook;

import java.util.List;
import java.util.Objects;

/** A tenant's webhook endpoint as stored: where to send which event types, and whether it is on. */
record WebhookEndpoint(String tenantId, String endpointId, String url, List<String> eventTypes, boolean enabled,
                       long createdAt, long updatedAt) {
    WebhookEndpoint {
        Objects.requireNonNull(tenantId);
        Objects.requireNonNull(endpointId);
        Objects.requireNonNull(url);
        eventTypes = List.copyOf(eventTypes);
    }

    boolean receives(String type) {
        return enabled && EventTypes.matches(eventTypes, type);
    }
}
