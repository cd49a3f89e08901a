package io.signet.tenant;

import io.signet.bootstrap.Section;
import io.signet.wire.Json;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** The tenant's settings (Client API identity and the rest of PATCH /admin/v1/settings) in a bootstrap file. */
public final class SettingsSection implements Section {
    private final TenantSettingsService settings;

    public SettingsSection(TenantSettingsService settings) {
        this.settings = settings;
    }

    @Override
    public String field() {
        return "settings";
    }

    @Override
    public String key() {
        return null;
    }

    @Override
    public Class<? extends Record> body() {
        return SettingsChanges.class;
    }

    @Override
    public List<JsonNode> existing(String tenantId) {
        return List.of(Json.MAPPER.valueToTree(settings.view(tenantId)));
    }

    @Override
    public void create(String tenantId, JsonNode item) {
        settings.update(tenantId, Section.read(item, SettingsChanges.class));
    }

    @Override
    public void update(String tenantId, JsonNode current, JsonNode item) {
        create(tenantId, item);
    }
}
