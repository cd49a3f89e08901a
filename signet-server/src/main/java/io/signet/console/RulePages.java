package io.signet.console;

import io.signet.action.ActionService;
import io.signet.action.DryRunRequest;
import io.signet.error.SignetException;
import io.signet.rule.DryRunResult;
import io.signet.rule.RuleRequest;
import io.signet.rule.RuleResponse;
import io.signet.rule.RuleResult;
import io.signet.rule.RuleService;
import io.signet.wire.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The rules editor: list, create, edit and delete a tenant's rules (name, action, priority, outcome and the
 * JSONLogic condition, validated by the rule service exactly as the admin API validates them), and a dry run
 * of today's rules against a recorded action's stored input.
 */
final class RulePages {
    private static final List<String> OUTCOMES = List.of("ALLOW", "CHALLENGE", "REVIEW", "BLOCK");

    private final RuleService rules;
    private final ActionService actions;
    private final ConsoleAudit audit;
    private final Layout layout;

    RulePages(ConsoleServices s, Layout layout) {
        this.rules = s.rules();
        this.actions = s.actions();
        this.audit = new ConsoleAudit(s.tenants());
        this.layout = layout;
    }

    void addTo(Map<String, ConsoleRoutes.ConsolePage> pages) {
        pages.put("GET /console/rules", this::list);
        pages.put("GET /console/rules/dry-run", this::dryRun);
        pages.put("GET /console/rules/{ruleId}", this::edit);
        pages.put("POST /console/rules", this::create);
        pages.put("POST /console/rules/{ruleId}", this::update);
        pages.put("POST /console/rules/{ruleId}/delete", this::delete);
    }

    private Answer list(ConsoleRequest r) {
        List<List<String>> rows = new ArrayList<>();
        for (RuleResponse rule : rules.list(r.tenantId(), null)) {
            rows.add(List.of(Html.link(r.at("/console/rules/" + Html.q(rule.ruleId())), rule.name()),
                    Html.text(rule.actionCode()), Html.text(rule.priority()), Html.text(rule.outcome().name()),
                    rule.enabled() ? "yes" : "no", Html.text(rule.version())));
        }
        String dryRun = "<form method=\"get\" action=\"/console/rules/dry-run\">" + Html.hidden("tenant", r.tenantId())
                + Html.field("idempotencyKey", "Idempotency key of a recorded action", null, "required")
                + Html.button("Dry-run", "secondary") + "</form>";
        return Answer.page(layout.page(200, r, "Rules", Html.table("Rules", List.of("Name", "Action", "Priority",
                "Outcome", "Enabled", "Version"), rows) + Html.section("New rule", form(r, "/console/rules", null,
                "Create rule")) + Html.section("Dry run against a recorded action", dryRun)));
    }

    private Answer edit(ConsoleRequest r) {
        RuleResponse rule = rules.get(r.tenantId(), r.param("ruleId"));
        String path = "/console/rules/" + Html.q(rule.ruleId());
        return Answer.page(layout.page(200, r, "Rule " + rule.name(), form(r, path, rule, "Save rule")
                + Html.section("Delete rule", Html.post(r.at(path + "/delete"), r.csrf(),
                Html.reason("delete-reason") + Html.button("Delete rule", "danger")))));
    }

    /** The rule form, empty or filled with {@code rule}. */
    private static String form(ConsoleRequest r, String path, RuleResponse rule, String submit) {
        String outcome = rule == null ? "CHALLENGE" : rule.outcome().name();
        StringBuilder select = new StringBuilder("<div class=\"field\"><label for=\"outcome\">Outcome</label>"
                + "<select id=\"outcome\" name=\"outcome\">");
        OUTCOMES.forEach(o -> select.append("<option").append(o.equals(outcome) ? " selected" : "").append('>')
                .append(o).append("</option>"));
        select.append("</select></div>");
        String condition = rule == null ? "{\"==\": [{\"var\": \"ip.isAnonymous\"}, true]}"
                : Json.pretty(rule.condition());
        return Html.post(r.at(path), r.csrf(), Html.field("name", "Name", rule == null ? null : rule.name(),
                "required maxlength=\"200\"") + Html.field("actionCode", "Action code (* for every action)",
                rule == null ? "*" : rule.actionCode(), "required") + Html.field("priority", "Priority (lower runs "
                + "first)", rule == null ? "0" : String.valueOf(rule.priority()), "type=\"number\" required")
                + select + "<div class=\"field\"><label for=\"condition\">Condition (JSONLogic)</label><textarea "
                + "id=\"condition\" name=\"condition\" rows=\"8\" required spellcheck=\"false\">"
                + Html.text(condition) + "</textarea></div><div class=\"check\"><input type=\"checkbox\" "
                + "id=\"enabled\" name=\"enabled\" value=\"true\"" + (rule == null || rule.enabled() ? " checked" : "")
                + "><label for=\"enabled\">Enabled</label></div>" + Html.reason("reason")
                + Html.button(submit, "primary"));
    }

    private Answer create(ConsoleRequest r) {
        String reason = ConsoleAudit.reason(r.param("reason"));
        RuleResponse rule = rules.create(r.tenantId(), request(r));
        audit.record(r, "rule.created", "rule " + rule.ruleId() + " (" + rule.name() + ")", reason);
        return Answer.redirect(r.at("/console/rules/" + Html.q(rule.ruleId())) + "&notice=rule-saved");
    }

    private Answer update(ConsoleRequest r) {
        String reason = ConsoleAudit.reason(r.param("reason"));
        RuleResponse rule = rules.update(r.tenantId(), r.param("ruleId"), request(r));
        audit.record(r, "rule.updated", "rule " + rule.ruleId() + " version " + rule.version(), reason);
        return Answer.redirect(r.at("/console/rules/" + Html.q(rule.ruleId())) + "&notice=rule-saved");
    }

    private Answer delete(ConsoleRequest r) {
        String reason = ConsoleAudit.reason(r.param("delete-reason"));
        rules.delete(r.tenantId(), r.param("ruleId"));
        audit.record(r, "rule.deleted", "rule " + r.param("ruleId"), reason);
        return Answer.redirect(r.at("/console/rules") + "&notice=rule-deleted");
    }

    /** The form as the admin API's rule body; the rule service validates it the same way. */
    private static RuleRequest request(ConsoleRequest r) {
        Integer priority;
        try {
            priority = r.param("priority") == null ? null : Integer.valueOf(r.param("priority"));
        } catch (NumberFormatException e) {
            throw SignetException.invalid("The priority must be a whole number.");
        }
        return new RuleRequest(r.param("name"), null, r.param("actionCode"), condition(r.param("condition")),
                priority, r.param("outcome"), null, null, "true".equals(r.param("enabled")));
    }

    private static JsonNode condition(String text) {
        if (text == null) {
            return null;
        }
        try {
            // Parsed by the wire's own reader, with its limits; only the value of "condition" is taken.
            return Json.readObject(("{\"condition\":\n" + text + "\n}").getBytes(StandardCharsets.UTF_8))
                    .get("condition");
        } catch (SignetException e) {
            throw SignetException.invalid("The condition is not valid JSON: write a JSONLogic expression such as "
                    + "{\"==\": [{\"var\": \"ip.isAnonymous\"}, true]}.");
        }
    }

    /** {@code GET /console/rules/dry-run?idempotencyKey=…}: today's rules against the action's stored input. */
    private Answer dryRun(ConsoleRequest r) {
        String key = r.param("idempotencyKey");
        if (key == null) {
            throw SignetException.invalid("Give the idempotency key of a recorded action.");
        }
        DryRunResult d = actions.dryRun(r.tenantId(), new DryRunRequest(null, null, key));
        List<List<String>> rows = new ArrayList<>();
        for (RuleResult rule : d.rules()) {
            rows.add(List.of(Html.text(rule.name()), Html.text(rule.priority()), Html.text(rule.outcome().name()),
                    rule.matched() ? "<strong>matched</strong>" : "no", Html.text(rule.error())));
        }
        String summary = Html.facts("Action", Html.text(d.actionCode()), "Would be", "<strong>" + Html.text(d.state())
                + "</strong>", "Decided by", Html.text(d.decidedBy() + (d.decidedByRuleId() == null ? ""
                : " " + d.decidedByRuleId())));
        return Answer.page(layout.page(200, r, "Dry run of " + key, "<p role=\"status\">Nothing was changed: this "
                + "is what today's rules would decide for the recorded action's input.</p>" + summary
                + Html.table("Rules evaluated", List.of("Rule", "Priority", "Outcome", "Matched", "Error"), rows)
                + Html.section("Input", Html.json(d.input()))));
    }
}
