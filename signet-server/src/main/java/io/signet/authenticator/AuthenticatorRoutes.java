package io.signet.authenticator;

import io.javalin.http.Context;
import io.signet.error.SignetException;
import io.signet.http.Requests;
import io.signet.http.Router;
import io.signet.http.Routes;
import io.signet.http.Success;
import io.signet.user.UserAttributesRequest;
import io.signet.user.UserService;
import io.signet.wire.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The authenticator endpoints of the Server API (docs/server-api.md §7.2 "Authenticators").
 * {@code POST /v1/users/authenticators} reaches {@link #batchEnrollOrUpdateUser} rather than updateUser's
 * {@code POST /v1/users/{userId}} because the router puts literal path segments before parameters, whatever
 * order the routes are registered in.
 */
public final class AuthenticatorRoutes implements Routes {
    private static final String BATCH_USER_ID = "authenticators";

    private final AuthenticatorService authenticators;
    private final UserService users;

    public AuthenticatorRoutes(AuthenticatorService authenticators, UserService users) {
        this.authenticators = authenticators;
        this.users = users;
    }

    @Override
    public void register(Router router) {
        router.post("/v1/users/authenticators", this::batchEnrollOrUpdateUser);
        router.get("/v1/users/{userId}/authenticators", this::getAuthenticators);
        router.post("/v1/users/{userId}/authenticators", this::enrollVerifiedAuthenticator);
        router.delete("/v1/users/{userId}/authenticators/{userAuthenticatorId}", this::deleteAuthenticator);
    }

    /** getAuthenticators — {@code GET /v1/users/{userId}/authenticators}: a bare array, {@code []} when none. */
    private Object getAuthenticators(Context ctx) {
        return authenticators.list(Requests.tenantId(ctx), Requests.id(ctx, "userId"));
    }

    /** enrollVerifiedAuthenticator — {@code POST /v1/users/{userId}/authenticators}. */
    private Object enrollVerifiedAuthenticator(Context ctx) {
        String userId = Requests.id(ctx, "userId");
        NewAuthenticator request = EnrollmentRequests.read(Json.readObject(ctx.bodyAsBytes()));
        return authenticators.enroll(Requests.tenantId(ctx), userId, request);
    }

    /**
     * deleteAuthenticator — {@code DELETE /v1/users/{userId}/authenticators/{userAuthenticatorId}}. The
     * optional {@code ?allowLockout=true} deletes a last authenticator the tenant protects.
     */
    private Object deleteAuthenticator(Context ctx) {
        String userId = Requests.id(ctx, "userId");
        String authenticatorId = Requests.id(ctx, "userAuthenticatorId");
        authenticators.delete(Requests.tenantId(ctx), userId, authenticatorId, allowLockout(ctx));
        return Success.OK;
    }

    private static boolean allowLockout(Context ctx) {
        String v = Requests.query(ctx, AuthenticatorService.LOCKOUT_OVERRIDE);
        if (v == null || v.equals("false")) {
            return false;
        }
        if (v.equals("true")) {
            return true;
        }
        throw SignetException.invalid("'" + AuthenticatorService.LOCKOUT_OVERRIDE + "' must be true or false.");
    }

    /**
     * {@code POST /v1/users/authenticators} is two operations on one path (docs/server-api.md §6 "Endpoint catalogue"): .NET's
     * BatchEnrollVerifiedAuthenticators, and updateUser for the user id {@code authenticators} from the Java
     * and Ruby SDKs, which update users with POST. A body with an {@code authenticators} array is a batch;
     * anything else is that user update.
     */
    private Object batchEnrollOrUpdateUser(Context ctx) {
        ObjectNode body = Json.readObject(ctx.bodyAsBytes());
        JsonNode items = body.get("authenticators");
        if (items != null && items.isArray()) {
            return authenticators.batchEnroll(Requests.tenantId(ctx), BatchEnrollment.read(items));
        }
        return users.update(Requests.tenantId(ctx), BATCH_USER_ID, Requests.body(ctx, UserAttributesRequest.class));
    }
}
