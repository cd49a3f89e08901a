package io.signet.http;

import io.javalin.http.Context;
import io.signet.caller.ClientPrincipal;
import io.signet.error.ErrorCode;
import io.signet.error.SignetException;
import io.signet.wire.IdField;
import io.signet.wire.Json;

/** Reading what a request carries, with the validation every endpoint shares. */
public final class Requests {
    static final String TENANT_ATTRIBUTE = "signet.tenantId";

    private Requests() {
    }

    /** The tenant the authentication filter resolved for this request. */
    public static String tenantId(Context ctx) {
        String tenantId = ctx.attribute(TENANT_ATTRIBUTE);
        if (tenantId == null) {
            throw new IllegalStateException("route is not behind the authentication filter");
        }
        return tenantId;
    }

    /**
     * The user name of HTTP Basic credentials (the secret key, as every SDK sends it with an empty password,
     * docs/server-api.md §2.2 "Authentication"), or empty when the header is missing or malformed.
     */
    public static java.util.Optional<String> basicUser(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || header.length() < 6 || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return java.util.Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(java.util.Base64.getDecoder().decode(header.substring(6).trim()),
                    java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
        int colon = decoded.indexOf(':');
        return java.util.Optional.of(colon >= 0 ? decoded.substring(0, colon) : decoded);
    }

    /** Who called a {@code /v1/client/*} route, as {@link ClientEdge} authenticated it. */
    public static ClientPrincipal client(Context ctx) {
        ClientPrincipal principal = ctx.attribute(ClientEdge.PRINCIPAL_ATTRIBUTE);
        if (principal == null) {
            throw new IllegalStateException("route is not behind the client edge");
        }
        return principal;
    }

    /** The Bearer principal of a client route that needs a token; tenant Basic there is a 401. */
    public static ClientPrincipal.Bearer clientBearer(Context ctx) {
        if (client(ctx) instanceof ClientPrincipal.Bearer bearer) {
            return bearer;
        }
        throw new SignetException(ErrorCode.UNAUTHORIZED, "This endpoint needs 'Authorization: Bearer <token>' "
                + "with the token from track or an accessToken; tenant Basic is not enough here.");
    }

    /** The JSON body as a record; see {@link Json#read(byte[], Class)} for the rules. */
    public static <T> T body(Context ctx, Class<T> type) {
        return Json.read(ctx.bodyAsBytes(), type);
    }

    /**
     * A path parameter that names an id (user id, authenticator id, idempotency key): percent-decoded
     * once by the router, 1 to 255 characters, no control characters.
     */
    public static String id(Context ctx, String name) {
        return IdField.check(name, ctx.pathParam(name));
    }

    /** An optional query parameter, or null when absent or empty. */
    public static String query(Context ctx, String name) {
        String v = ctx.queryParam(name);
        return v == null || v.isEmpty() ? null : v;
    }

    /** An optional positive integer query parameter with an upper bound. */
    public static Integer queryInt(Context ctx, String name, int max) {
        String v = query(ctx, name);
        if (v == null) {
            return null;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < 1 || n > max) {
                throw SignetException.invalid("'" + name + "' must be between 1 and " + max + ".");
            }
            return n;
        } catch (NumberFormatException e) {
            throw SignetException.invalid("'" + name + "' must be a whole number.");
        }
    }
}
