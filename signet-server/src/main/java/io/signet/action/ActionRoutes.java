package io.signet.action;

import io.javalin.http.Context;
import io.signet.http.Requests;
import io.signet.http.Router;
import io.signet.http.Routes;

/** The actions endpoints of the Server API (docs/server-api.md §7.3 "Actions", §7.4) and the rules dry run. */
public final class ActionRoutes implements Routes {
    private final ActionService actions;

    public ActionRoutes(ActionService actions) {
        this.actions = actions;
    }

    @Override
    public void register(Router router) {
        router.post("/v1/users/{userId}/actions/{action}", this::track);
        router.get("/v1/users/{userId}/actions", this::queryUserActions);
        router.get("/v1/users/{userId}/actions/{action}/{idempotencyKey}", this::getAction);
        router.patch("/v1/users/{userId}/actions/{action}/{idempotencyKey}", this::updateAction);
        router.post("/v1/validate", this::validateChallenge);
        router.post("/admin/v1/rules/dry-run", this::dryRun);
    }

    record UpdateActionRequest(String state) {
    }

    /** track — {@code POST /v1/users/{userId}/actions/{action}}. */
    private Object track(Context ctx) {
        return actions.track(Requests.tenantId(ctx), Requests.id(ctx, "userId"), ctx.pathParam("action"),
                Requests.body(ctx, TrackRequest.class));
    }

    /** getAction — {@code GET /v1/users/{userId}/actions/{action}/{idempotencyKey}}. */
    private Object getAction(Context ctx) {
        return actions.get(Requests.tenantId(ctx), Requests.id(ctx, "userId"), ctx.pathParam("action"),
                Requests.id(ctx, "idempotencyKey"));
    }

    /** updateAction — {@code PATCH /v1/users/{userId}/actions/{action}/{idempotencyKey}} with {@code {state}}. */
    private Object updateAction(Context ctx) {
        return actions.update(Requests.tenantId(ctx), Requests.id(ctx, "userId"), ctx.pathParam("action"),
                Requests.id(ctx, "idempotencyKey"), Requests.body(ctx, UpdateActionRequest.class).state());
    }

    /** queryUserActions — {@code GET /v1/users/{userId}/actions?codes=&state=&fromDate=&limit=}. */
    private Object queryUserActions(Context ctx) {
        return actions.query(Requests.tenantId(ctx), Requests.id(ctx, "userId"), Requests.query(ctx, "codes"),
                Requests.query(ctx, "state"), Requests.query(ctx, "fromDate"),
                Requests.queryInt(ctx, "limit", ActionService.MAX_PAGE),
                Requests.query(ctx, "lastEvaluatedIdempotencyKey"));
    }

    /** validateChallenge — {@code POST /v1/validate}. */
    private Object validateChallenge(Context ctx) {
        return actions.validate(Requests.tenantId(ctx), Requests.body(ctx, ValidateRequest.class));
    }

    /** {@code POST /admin/v1/rules/dry-run}: what track would decide, recording nothing. */
    private Object dryRun(Context ctx) {
        return actions.dryRun(Requests.tenantId(ctx), Requests.body(ctx, DryRunRequest.class));
    }
}
