package io.signet.session;

import io.javalin.http.Context;
import io.signet.http.Requests;
import io.signet.http.Router;
import io.signet.http.Routes;
import io.signet.http.Success;
import java.util.List;

/**
 * The sessions endpoints of the Server API (docs/server-api.md §7.6 "Sessions"), and the public JWKS that lets an app
 * verify access tokens offline. The JWKS lives outside {@code /v1} because it needs no secret key.
 */
public final class SessionRoutes implements Routes {
    /** Public, no authentication: the JWK Set of one tenant. */
    public static final String JWKS_PATH = "/tenants/{tenantId}/.well-known/jwks.json";

    private final SessionService sessions;

    public SessionRoutes(SessionService sessions) {
        this.sessions = sessions;
    }

    @Override
    public void register(Router router) {
        router.post("/v1/sessions", this::createSession);
        router.post("/v1/sessions/validate", this::validateSession);
        router.post("/v1/sessions/refresh", this::refreshSession);
        router.post("/v1/sessions/revoke", this::revokeSession);
        router.post("/v1/sessions/user/revoke", this::revokeUserSessions);
        router.get(JWKS_PATH, this::jwks);
    }

    /** Node 2.18.x also sent userId, challengeId and skipVerificationCheck: ignored (§10). */
    record CreateSessionRequest(String clientId, String token, String action) {
    }

    record ValidateSessionRequest(String accessToken, List<String> clientIds) {
    }

    record RefreshSessionRequest(String refreshToken) {
    }

    record RevokeSessionRequest(String accessToken) {
    }

    record RevokeUserSessionsRequest(String userId) {
    }

    /** createSession — {@code POST /v1/sessions}. */
    private Object createSession(Context ctx) {
        CreateSessionRequest r = Requests.body(ctx, CreateSessionRequest.class);
        return sessions.create(Requests.tenantId(ctx), r.clientId(), r.token(), r.action());
    }

    /** validateSession — {@code POST /v1/sessions/validate}. */
    private Object validateSession(Context ctx) {
        ValidateSessionRequest r = Requests.body(ctx, ValidateSessionRequest.class);
        return sessions.validate(Requests.tenantId(ctx), r.accessToken(), r.clientIds());
    }

    /** refreshSession — {@code POST /v1/sessions/refresh}. */
    private Object refreshSession(Context ctx) {
        return sessions.refresh(Requests.tenantId(ctx), Requests.body(ctx, RefreshSessionRequest.class).refreshToken());
    }

    /** revokeSession — {@code POST /v1/sessions/revoke}. */
    private Object revokeSession(Context ctx) {
        sessions.revoke(Requests.tenantId(ctx), Requests.body(ctx, RevokeSessionRequest.class).accessToken());
        return Success.OK;
    }

    /** revokeUserSessions — {@code POST /v1/sessions/user/revoke}. */
    private Object revokeUserSessions(Context ctx) {
        sessions.revokeUser(Requests.tenantId(ctx), Requests.body(ctx, RevokeUserSessionsRequest.class).userId());
        return Success.OK;
    }

    /**
     * {@code GET /tenants/{tenantId}/.well-known/jwks.json}: the keys that verify the tenant's access tokens.
     * An unknown tenant gets an empty set, so the endpoint does not tell which tenant ids exist.
     */
    private Object jwks(Context ctx) {
        ctx.header("Cache-Control", "public, max-age=300");
        return sessions.jwks(Requests.id(ctx, "tenantId"));
    }
}
