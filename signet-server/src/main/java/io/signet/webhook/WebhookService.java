package io.signet.webhook;

import io.signet.crypto.Ids;
import io.signet.error.SignetException;
import io.signet.wire.IdField;
import io.signet.wire.WireTime;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The admin side of webhooks: endpoints, the delivery log, redelivery and health. Validates before writing. */
public final class WebhookService {
    static final int MAX_ENDPOINTS = 20;
    static final int HEALTH_WINDOW_HOURS = 24;

    private final EndpointStore endpoints;
    private final DeliveryStore deliveries;
    private final boolean allowPrivate;
    private final Clock clock;

    public WebhookService(EndpointStore endpoints, DeliveryStore deliveries, boolean allowPrivate, Clock clock) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.allowPrivate = allowPrivate;
        this.clock = clock;
    }

    EndpointResponse create(String tenantId, EndpointRequest request) {
        String url = EndpointUrls.check(request.url(), allowPrivate);
        List<String> types = eventTypes(request.eventTypes());
        if (endpoints.list(tenantId).size() >= MAX_ENDPOINTS) {
            throw SignetException.invalid("A tenant can have at most " + MAX_ENDPOINTS + " webhook endpoints.");
        }
        long now = clock.millis();
        WebhookEndpoint endpoint = new WebhookEndpoint(tenantId, Ids.timeOrdered(now), url, types,
                request.enabled() == null || request.enabled(), now, now);
        endpoints.create(endpoint);
        return EndpointResponse.of(endpoint);
    }

    EndpointResponse update(String tenantId, String endpointId, EndpointRequest request) {
        WebhookEndpoint current = find(tenantId, endpointId);
        WebhookEndpoint changed = new WebhookEndpoint(tenantId, endpointId,
                request.url() == null ? current.url() : EndpointUrls.check(request.url(), allowPrivate),
                request.eventTypes() == null ? current.eventTypes() : eventTypes(request.eventTypes()),
                request.enabled() == null ? current.enabled() : request.enabled(),
                current.createdAt(), clock.millis());
        if (!endpoints.update(changed)) {
            throw notFound(endpointId);
        }
        return EndpointResponse.of(changed);
    }

    void delete(String tenantId, String endpointId) {
        if (!endpoints.delete(tenantId, endpointId)) {
            throw notFound(endpointId);
        }
    }

    public EndpointResponse get(String tenantId, String endpointId) {
        return EndpointResponse.of(find(tenantId, endpointId));
    }

    public EndpointResponse.Page list(String tenantId) {
        return new EndpointResponse.Page(endpoints.list(tenantId).stream().map(EndpointResponse::of).toList());
    }

    public DeliveryPage deliveries(String tenantId, String endpointId, String status, int limit, String after) {
        find(tenantId, endpointId);
        DeliveryStatus parsed = status == null ? null : DeliveryStatus.parse(status);
        if (status != null && parsed == null) {
            throw SignetException.invalid("'status' must be PENDING, SUCCEEDED or FAILED.");
        }
        return deliveries.list(tenantId, endpointId, parsed, limit, after);
    }

    public RedeliverRequest.Response redeliver(String tenantId, String endpointId, RedeliverRequest request) {
        find(tenantId, endpointId);
        if ((request.eventId() == null) == (request.failedSince() == null)) {
            throw SignetException.invalid("Give exactly one of 'eventId' or 'failedSince'.");
        }
        long now = clock.millis();
        List<String> queued;
        if (request.eventId() != null) {
            String eventId = IdField.check("eventId", request.eventId());
            queued = List.of(switch (deliveries.redeliverEvent(tenantId, endpointId, eventId, now)) {
                case DeliveryStore.Redelivery.Queued q -> q.deliveryId();
                case DeliveryStore.Redelivery.NoSuchEvent none -> throw SignetException.notFound("No asynchronous event '"
                        + eventId + "' in this tenant (synchronous events are not stored and cannot be redelivered).");
                case DeliveryStore.Redelivery.StillPending pending -> throw SignetException.conflict(
                        "Event '" + eventId + "' is still pending for this endpoint.");
            });
        } else {
            queued = deliveries.redeliverFailed(tenantId, endpointId, WireTime.parse("failedSince", request.failedSince()), now);
        }
        return new RedeliverRequest.Response(queued.size(), queued);
    }

    EndpointHealth health(String tenantId, String endpointId) {
        find(tenantId, endpointId);
        long since = clock.millis() - Duration.ofHours(HEALTH_WINDOW_HOURS).toMillis();
        return deliveries.health(tenantId, endpointId, since, HEALTH_WINDOW_HOURS);
    }

    private WebhookEndpoint find(String tenantId, String endpointId) {
        return endpoints.find(tenantId, endpointId).orElseThrow(() -> notFound(endpointId));
    }

    private static SignetException notFound(String endpointId) {
        return SignetException.notFound("No webhook endpoint '" + endpointId + "' in this tenant.");
    }

    private static List<String> eventTypes(List<String> requested) {
        if (requested == null || requested.isEmpty()) {
            throw SignetException.invalid("'eventTypes' must list at least one of: " + EventTypes.known() + ".");
        }
        Set<String> types = new LinkedHashSet<>();
        for (String t : requested) {
            if (t != null && EventTypes.NOT_SENT.containsKey(t)) {
                throw SignetException.invalid("'eventTypes' contains " + t + ", which Signet never sends: "
                        + EventTypes.NOT_SENT.get(t) + " Signet sends: " + EventTypes.known() + ".");
            }
            if (t == null || !(t.equals(EventTypes.ALL_ASYNCHRONOUS) || EventTypes.ASYNCHRONOUS.contains(t)
                    || EventTypes.SYNCHRONOUS.contains(t))) {
                throw SignetException.invalid("'eventTypes' contains an unknown type; Signet sends: "
                        + EventTypes.known() + ".");
            }
            types.add(t);
        }
        return List.copyOf(types);
    }
}
