package io.signet.rule;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Body of create ({@code POST /admin/v1/rules}) and update ({@code PATCH /admin/v1/rules/{ruleId}}); on
 * update an absent field keeps its value. {@code actionCode} {@code "*"} (or absent on create) means
 * every action.
 */
public record RuleRequest(
        String name,
        String description,
        String actionCode,
        JsonNode condition,
        Integer priority,
        String outcome,
        List<String> allowedVerificationMethods,
        String defaultVerificationMethod,
        Boolean enabled) {
}
