package io.signet.rule;

import io.javalin.http.Context;
import io.signet.http.Requests;
import io.signet.http.Router;
import io.signet.http.Routes;
import io.signet.http.Success;
import java.util.List;

/**
 * Rule management, Signet's own admin API (Authsignal configures rules in its portal): tenant secret key
 * auth like {@code /v1}. The dry run lives with the actions ({@code action.ActionRoutes}) because it can
 * replay a recorded action.
 */
public final class RuleRoutes implements Routes {
    private final RuleService rules;

    public RuleRoutes(RuleService rules) {
        this.rules = rules;
    }

    @Override
    public void register(Router router) {
        router.post("/admin/v1/rules", this::createRule);
        router.get("/admin/v1/rules", this::listRules);
        router.get("/admin/v1/rules/{ruleId}", this::getRule);
        router.patch("/admin/v1/rules/{ruleId}", this::updateRule);
        router.delete("/admin/v1/rules/{ruleId}", this::deleteRule);
        router.get("/admin/v1/action-configurations", this::listActionConfigurations);
        router.patch("/admin/v1/action-configurations/{actionCode}", this::updateActionConfiguration);
    }

    record RuleList(List<RuleResponse> rules) {
    }

    record ConfigurationList(List<ActionConfiguration> actionConfigurations) {
    }

    record ConfigurationRequest(String defaultOutcome) {
    }

    /** {@code POST /admin/v1/rules}: a new rule at version 1. */
    private Object createRule(Context ctx) {
        return rules.create(Requests.tenantId(ctx), Requests.body(ctx, RuleRequest.class));
    }

    /** {@code GET /admin/v1/rules?actionCode=}: rules by priority, those for every action included. */
    private Object listRules(Context ctx) {
        return new RuleList(rules.list(Requests.tenantId(ctx), Requests.query(ctx, "actionCode")));
    }

    /** {@code GET /admin/v1/rules/{ruleId}}. */
    private Object getRule(Context ctx) {
        return rules.get(Requests.tenantId(ctx), Requests.id(ctx, "ruleId"));
    }

    /** {@code PATCH /admin/v1/rules/{ruleId}}: the fields sent change, the version grows by one. */
    private Object updateRule(Context ctx) {
        return rules.update(Requests.tenantId(ctx), Requests.id(ctx, "ruleId"), Requests.body(ctx, RuleRequest.class));
    }

    /** {@code DELETE /admin/v1/rules/{ruleId}}. */
    private Object deleteRule(Context ctx) {
        rules.delete(Requests.tenantId(ctx), Requests.id(ctx, "ruleId"));
        return Success.OK;
    }

    /** {@code GET /admin/v1/action-configurations}. */
    private Object listActionConfigurations(Context ctx) {
        return new ConfigurationList(rules.configurations(Requests.tenantId(ctx)));
    }

    /** {@code PATCH /admin/v1/action-configurations/{actionCode}} with {@code {"defaultOutcome": ...|null}}. */
    private Object updateActionConfiguration(Context ctx) {
        return rules.configure(Requests.tenantId(ctx), ctx.pathParam("actionCode"),
                Requests.body(ctx, ConfigurationRequest.class).defaultOutcome());
    }
}
