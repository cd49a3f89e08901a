package io.signet.webhook;

import io.javalin.http.Context;
import io.signet.http.Requests;
import io.signet.http.Router;
import io.signet.http.Routes;
import io.signet.http.Success;
import io.signet.wire.IdField;

/**
 * The webhook admin API, beyond Authsignal's Server API (Authsignal configures webhooks in its portal):
 * endpoints, the delivery log, redelivery and health. Behind the tenant-key filter of {@code /admin/*}.
 */
public final class WebhookRoutes implements Routes {
    static final int MAX_PAGE = 100;
    static final int DEFAULT_PAGE = 20;

    private final WebhookService webhooks;

    public WebhookRoutes(WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    @Override
    public void register(Router router) {
        router.get("/admin/v1/webhooks", this::listEndpoints);
        router.post("/admin/v1/webhooks", this::createEndpoint);
        router.get("/admin/v1/webhooks/{endpointId}", this::getEndpoint);
        router.patch("/admin/v1/webhooks/{endpointId}", this::updateEndpoint);
        router.delete("/admin/v1/webhooks/{endpointId}", this::deleteEndpoint);
        router.get("/admin/v1/webhooks/{endpointId}/deliveries", this::listDeliveries);
        router.post("/admin/v1/webhooks/{endpointId}/redeliver", this::redeliver);
        router.get("/admin/v1/webhooks/{endpointId}/health", this::health);
    }

    /** {@code GET /admin/v1/webhooks}. */
    private Object listEndpoints(Context ctx) {
        return webhooks.list(Requests.tenantId(ctx));
    }

    /** {@code POST /admin/v1/webhooks} {@code {url, eventTypes, enabled?}}. */
    private Object createEndpoint(Context ctx) {
        return webhooks.create(Requests.tenantId(ctx), Requests.body(ctx, EndpointRequest.class));
    }

    /** {@code GET /admin/v1/webhooks/{endpointId}}. */
    private Object getEndpoint(Context ctx) {
        return webhooks.get(Requests.tenantId(ctx), Requests.id(ctx, "endpointId"));
    }

    /** {@code PATCH /admin/v1/webhooks/{endpointId}} {@code {url?, eventTypes?, enabled?}}. */
    private Object updateEndpoint(Context ctx) {
        String endpointId = Requests.id(ctx, "endpointId");
        return webhooks.update(Requests.tenantId(ctx), endpointId, Requests.body(ctx, EndpointRequest.class));
    }

    /** {@code DELETE /admin/v1/webhooks/{endpointId}}: its deliveries and their log go with it. */
    private Object deleteEndpoint(Context ctx) {
        webhooks.delete(Requests.tenantId(ctx), Requests.id(ctx, "endpointId"));
        return Success.OK;
    }

    /** {@code GET /admin/v1/webhooks/{endpointId}/deliveries?status=&limit=&lastEvaluatedDeliveryId=}. */
    private Object listDeliveries(Context ctx) {
        String endpointId = Requests.id(ctx, "endpointId");
        Integer limit = Requests.queryInt(ctx, "limit", MAX_PAGE);
        String after = Requests.query(ctx, "lastEvaluatedDeliveryId");
        return webhooks.deliveries(Requests.tenantId(ctx), endpointId, Requests.query(ctx, "status"),
                limit == null ? DEFAULT_PAGE : limit, after == null ? null : IdField.check("lastEvaluatedDeliveryId", after));
    }

    /** {@code POST /admin/v1/webhooks/{endpointId}/redeliver} {@code {eventId} | {failedSince}}. */
    private Object redeliver(Context ctx) {
        String endpointId = Requests.id(ctx, "endpointId");
        return webhooks.redeliver(Requests.tenantId(ctx), endpointId, Requests.body(ctx, RedeliverRequest.class));
    }

    /** {@code GET /admin/v1/webhooks/{endpointId}/health}. */
    private Object health(Context ctx) {
        return webhooks.health(Requests.tenantId(ctx), Requests.id(ctx, "endpointId"));
    }
}
