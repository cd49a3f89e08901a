package io.signet.webhook;

import io.signet.bootstrap.Section;
import io.signet.wire.Json;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Webhook endpoints in a bootstrap file, matched by URL. */
final class WebhookSection implements Section {
    private final WebhookService webhooks;

    WebhookSection(WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    @Override
    public String field() {
        return "webhooks";
    }

    @Override
    public String key() {
        return "url";
    }

    @Override
    public Class<? extends Record> body() {
        return EndpointRequest.class;
    }

    @Override
    public List<JsonNode> existing(String tenantId) {
        return webhooks.list(tenantId).endpoints().stream().<JsonNode>map(e -> Json.MAPPER.valueToTree(e)).toList();
    }

    @Override
    public void create(String tenantId, JsonNode item) {
        webhooks.create(tenantId, Section.read(item, EndpointRequest.class));
    }

    @Override
    public void update(String tenantId, JsonNode current, JsonNode item) {
        webhooks.update(tenantId, current.path("endpointId").asString(), Section.read(item, EndpointRequest.class));
    }
}
