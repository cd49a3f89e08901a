package io.signet.clientapi;

import io.javalin.http.Context;
import io.signet.authenticator.AuthenticatorService;
import io.signet.http.ClientPrincipal;
import io.signet.http.Requests;
import io.signet.http.Router;
import io.signet.http.Routes;

/**
 * The Client API routes {@code /v1/client/*} (authsignal-client-api.md §3) that the browser and mobile SDKs
 * call with an action token or tenant Basic. Authentication and CORS are the client edge's
 * ({@code io.signet.http.ClientEdge}); a handler only asks who the caller is.
 */
public final class ClientRoutes implements Routes {
    private final AuthenticatorService authenticators;

    public ClientRoutes(AuthenticatorService authenticators) {
        this.authenticators = authenticators;
    }

    @Override
    public void register(Router router) {
        router.get("/v1/client/user-authenticators", this::userAuthenticators);
    }

    /** {@code GET /v1/client/user-authenticators} (SDK 1.17+, §9): the token user's authenticators, bare array. */
    private Object userAuthenticators(Context ctx) {
        ClientPrincipal.Bearer caller = Requests.clientBearer(ctx);
        return authenticators.list(caller.tenantId(), caller.userId());
    }
}
