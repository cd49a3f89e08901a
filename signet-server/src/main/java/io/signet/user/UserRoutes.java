package io.signet.user;

import io.javalin.http.Context;
import io.signet.error.SignetException;
import io.signet.http.Requests;
import io.signet.http.Router;
import io.signet.http.Routes;
import io.signet.http.Success;

/** The users endpoints of the Server API (docs/server-api.md §7.1 "Users"). */
public final class UserRoutes implements Routes {
    static final int MAX_PAGE = 1000;
    static final int DEFAULT_PAGE = 100;

    private final UserService users;

    public UserRoutes(UserService users) {
        this.users = users;
    }

    @Override
    public void register(Router router) {
        router.get("/v1/users", this::queryUsers);
        router.get("/v1/users/{userId}", this::getUser);
        router.patch("/v1/users/{userId}", this::updateUser);
        router.post("/v1/users/{userId}", this::updateUser); // Java 2.10.1 and Ruby send POST (§7.1.2)
        router.delete("/v1/users/{userId}", this::deleteUser);
    }

    /** getUser — {@code GET /v1/users/{userId}}. */
    private Object getUser(Context ctx) {
        return users.get(Requests.tenantId(ctx), Requests.id(ctx, "userId"));
    }

    /** updateUser — {@code PATCH|POST /v1/users/{userId}}. */
    private Object updateUser(Context ctx) {
        String userId = Requests.id(ctx, "userId");
        return users.update(Requests.tenantId(ctx), userId, Requests.body(ctx, UserAttributesRequest.class));
    }

    /** deleteUser — {@code DELETE /v1/users/{userId}}; deleting an unknown user also succeeds. */
    private Object deleteUser(Context ctx) {
        users.delete(Requests.tenantId(ctx), Requests.id(ctx, "userId"));
        return Success.OK;
    }

    /** queryUsers — {@code GET /v1/users?email=&phoneNumber=&username=&limit=&lastEvaluatedUserId=}. */
    private Object queryUsers(Context ctx) {
        String email = Requests.query(ctx, "email");
        String phone = Requests.query(ctx, "phoneNumber");
        if (phone != null && phone.startsWith(" ")) {
            phone = "+" + phone.substring(1); // a raw '+' from hand-written URLs decodes to a space (§2.6)
        }
        String username = Requests.query(ctx, "username");
        String after = Requests.query(ctx, "lastEvaluatedUserId");
        if (Requests.query(ctx, "token") != null) {
            throw SignetException.invalid("Filtering users by 'token' is not supported by Signet; "
                    + "filter by email, phoneNumber or username.");
        }
        Integer limit = Requests.queryInt(ctx, "limit", MAX_PAGE);
        return users.query(Requests.tenantId(ctx), new UserQuery(email, phone, username,
                limit == null ? DEFAULT_PAGE : limit, after));
    }
}
