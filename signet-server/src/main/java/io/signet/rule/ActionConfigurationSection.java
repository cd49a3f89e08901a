package io.signet.rule;

import io.signet.bootstrap.Section;
import io.signet.wire.Json;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Action codes' default outcomes in a bootstrap file, matched by action code. */
public final class ActionConfigurationSection implements Section {
    /** The file's item: the PATCH body plus the action code the path names. */
    record Item(String actionCode, String defaultOutcome) {
    }

    private final RuleService rules;

    public ActionConfigurationSection(RuleService rules) {
        this.rules = rules;
    }

    @Override
    public String field() {
        return "actionConfigurations";
    }

    @Override
    public String key() {
        return "actionCode";
    }

    @Override
    public Class<? extends Record> body() {
        return Item.class;
    }

    @Override
    public List<JsonNode> existing(String tenantId) {
        return rules.configurations(tenantId).stream().<JsonNode>map(c -> Json.MAPPER.valueToTree(c)).toList();
    }

    @Override
    public void create(String tenantId, JsonNode item) {
        Item i = Section.read(item, Item.class);
        rules.configure(tenantId, i.actionCode(), i.defaultOutcome());
    }

    @Override
    public void update(String tenantId, JsonNode current, JsonNode item) {
        create(tenantId, item);
    }
}
