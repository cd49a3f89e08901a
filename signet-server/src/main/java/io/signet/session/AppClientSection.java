package io.signet.session;

import io.signet.bootstrap.Section;
import io.signet.wire.Json;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** App clients in a bootstrap file, matched by name. */
public final class AppClientSection implements Section {
    private final AppClientService clients;

    public AppClientSection(AppClientService clients) {
        this.clients = clients;
    }

    @Override
    public String field() {
        return "appClients";
    }

    @Override
    public String key() {
        return "name";
    }

    @Override
    public Class<? extends Record> body() {
        return AppClientRequest.class;
    }

    @Override
    public List<JsonNode> existing(String tenantId) {
        return clients.list(tenantId).stream().<JsonNode>map(c -> Json.MAPPER.valueToTree(c)).toList();
    }

    @Override
    public void create(String tenantId, JsonNode item) {
        clients.create(tenantId, Section.read(item, AppClientRequest.class));
    }

    @Override
    public void update(String tenantId, JsonNode current, JsonNode item) {
        clients.update(tenantId, current.path("clientId").asString(), Section.read(item, AppClientRequest.class));
    }
}
