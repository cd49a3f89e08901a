package io.signet.console;

import io.signet.webhook.Attempt;
import io.signet.webhook.Delivery;
import io.signet.webhook.DeliveryPage;
import io.signet.webhook.EndpointResponse;
import io.signet.webhook.RedeliverRequest;
import io.signet.webhook.WebhookService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Webhook endpoints, each with its delivery log (newest first, every attempt) and redelivery of an event. */
final class WebhookPages {
    static final int PAGE = 25;

    private final WebhookService webhooks;
    private final ConsoleAudit audit;
    private final Layout layout;

    WebhookPages(ConsoleServices s, Layout layout) {
        this.webhooks = s.webhooks();
        this.audit = new ConsoleAudit(s.tenants());
        this.layout = layout;
    }

    void addTo(Map<String, ConsoleRoutes.ConsolePage> pages) {
        pages.put("GET /console/webhooks", this::list);
        pages.put("GET /console/webhooks/{endpointId}", this::deliveries);
        pages.put("POST /console/webhooks/{endpointId}/redeliver", this::redeliver);
    }

    private Answer list(ConsoleRequest r) {
        List<List<String>> rows = new ArrayList<>();
        for (EndpointResponse e : webhooks.list(r.tenantId()).endpoints()) {
            rows.add(List.of(Html.link(r.at("/console/webhooks/" + Html.q(e.endpointId())), e.url()),
                    Html.text(String.join(", ", e.eventTypes())), e.enabled() ? "yes" : "no", Html.text(e.createdAt())));
        }
        return Answer.page(layout.page(200, r, "Webhooks", "<p>Endpoints are added with the admin API or "
                + "./signet webhooks; here you see what was delivered and send an event again.</p>"
                + Html.table("Endpoints", List.of("URL", "Events", "Enabled", "Created"), rows)));
    }

    private Answer deliveries(ConsoleRequest r) {
        EndpointResponse endpoint = webhooks.get(r.tenantId(), r.param("endpointId"));
        DeliveryPage page = webhooks.deliveries(r.tenantId(), endpoint.endpointId(), null, PAGE, r.param("after"));
        String base = "/console/webhooks/" + Html.q(endpoint.endpointId());
        List<List<String>> rows = new ArrayList<>();
        for (Delivery d : page.deliveries()) {
            rows.add(List.of(Html.text(d.createdAt()), Html.text(d.type()), "<span class=\"status\">"
                    + Html.text(d.status()) + "</span>", attempts(d.attempts()), Html.text(d.eventId()),
                    Html.post(r.at(base + "/redeliver"), r.csrf(), Html.hidden("eventId", d.eventId())
                            + Html.field("reason-" + d.deliveryId(), "Reason", "", "required maxlength=\"500\" "
                            + "autocomplete=\"off\"") + Html.button("Redeliver", "secondary"))));
        }
        String next = page.lastEvaluatedDeliveryId() == null ? "" : "<p>" + Html.link(r.at(base + "?after="
                + Html.q(page.lastEvaluatedDeliveryId())), "Older deliveries") + "</p>";
        return Answer.page(layout.page(200, r, "Deliveries to " + endpoint.url(), Html.facts("Endpoint",
                Html.text(endpoint.endpointId()), "Events", Html.text(String.join(", ", endpoint.eventTypes())))
                + Html.table("Deliveries (newest first)", List.of("Created", "Event type", "Status", "Attempts",
                "Event id", "Redeliver"), rows) + next));
    }

    /** Each attempt's time, status code or error. */
    private static String attempts(List<Attempt> attempts) {
        if (attempts == null || attempts.isEmpty()) {
            return "none yet";
        }
        StringBuilder html = new StringBuilder("<ol class=\"attempts\">");
        attempts.forEach(a -> html.append("<li>").append(Html.text(a.attemptedAt())).append(": ")
                .append(Html.text(a.succeeded() ? "ok " + a.statusCode() : a.statusCode() != null
                        ? "HTTP " + a.statusCode() : a.error())).append("</li>"));
        return html.append("</ol>").toString();
    }

    private Answer redeliver(ConsoleRequest r) {
        String eventId = r.param("eventId");
        String reason = ConsoleAudit.reason(r.params().entrySet().stream()
                .filter(e -> e.getKey().startsWith("reason-")).map(Map.Entry::getValue).findFirst().orElse(null));
        RedeliverRequest.Response done = webhooks.redeliver(r.tenantId(), r.param("endpointId"),
                new RedeliverRequest(eventId, null));
        audit.record(r, "webhook.redelivered", "endpoint " + r.param("endpointId") + " event " + eventId, reason);
        return Answer.redirect(r.at("/console/webhooks/" + Html.q(r.param("endpointId")))
                + "&notice=" + (done.redelivered() > 0 ? "redelivered" : "nothing-redelivered"));
    }
}
