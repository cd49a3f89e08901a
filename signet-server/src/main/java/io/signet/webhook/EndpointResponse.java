package io.signet.webhook;

import io.signet.wire.WireTime;
import java.util.List;

/** An endpoint as the admin API returns it. */
public record EndpointResponse(String endpointId, String url, List<String> eventTypes, boolean enabled, String createdAt,
                        String updatedAt) {
    static EndpointResponse of(WebhookEndpoint e) {
        return new EndpointResponse(e.endpointId(), e.url(), e.eventTypes(), e.enabled(), WireTime.iso(e.createdAt()),
                WireTime.iso(e.updatedAt()));
    }

    public record Page(List<EndpointResponse> endpoints) {
    }
}
