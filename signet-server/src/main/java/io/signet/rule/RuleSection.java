package io.signet.rule;

import io.signet.bootstrap.Section;
import io.signet.wire.Json;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Rules in a bootstrap file, matched by name. */
public final class RuleSection implements Section {
    private final RuleService rules;

    public RuleSection(RuleService rules) {
        this.rules = rules;
    }

    @Override
    public String field() {
        return "rules";
    }

    @Override
    public String key() {
        return "name";
    }

    @Override
    public Class<? extends Record> body() {
        return RuleRequest.class;
    }

    @Override
    public List<JsonNode> existing(String tenantId) {
        return rules.list(tenantId, null).stream().<JsonNode>map(r -> Json.MAPPER.valueToTree(r)).toList();
    }

    @Override
    public void create(String tenantId, JsonNode item) {
        rules.create(tenantId, Section.read(item, RuleRequest.class));
    }

    @Override
    public void update(String tenantId, JsonNode current, JsonNode item) {
        rules.update(tenantId, current.path("ruleId").asString(), Section.read(item, RuleRequest.class));
    }
}
