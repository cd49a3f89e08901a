package io.signet.http;

import io.javalin.http.Context;
import io.signet.caller.ClientAuthenticator;
import io.signet.caller.ClientPrincipal;
import io.signet.error.ErrorCode;
import io.signet.error.SignetException;
import io.signet.text.UrlEncoding;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * The edge of the Client API route group {@code /v1/client/*} (docs/client-api.md §2 "Transport"), decided once
 * for the group rather than per handler: CORS for the tenants' expected origins, and authentication by a
 * Bearer action token or by tenant Basic (the public tenant id). The secret-key Basic of the Server API is
 * never accepted here, and tenant Basic is never accepted on the Server API.
 */
final class ClientEdge {
    static final String PREFIX = "/v1/client";
    static final String PRINCIPAL_ATTRIBUTE = "signet.clientPrincipal";
    static final String UNAUTHORIZED_DESCRIPTION = "Client API requests need 'Authorization: Bearer <token>' with "
            + "the token from track or an accessToken, or tenant Basic with the public tenant id.";
    private static final List<String> CORS_HEADERS = List.of("Access-Control-Allow-Origin",
            "Access-Control-Allow-Credentials", "Access-Control-Allow-Methods", "Access-Control-Allow-Headers",
            "Access-Control-Max-Age");

    private final ClientAuthenticator authenticator;

    ClientEdge(ClientAuthenticator authenticator) {
        this.authenticator = authenticator;
    }

    /** Whether the (possibly slash-doubled) path is in the client group. */
    static boolean covers(String path) {
        String p = path.replaceAll("/{2,}", "/");
        return p.equals(PREFIX) || p.startsWith(PREFIX + "/");
    }

    /**
     * Before every client request. CORS headers go on first, so that every answer, an error included,
     * reaches the page (§2.4); who the caller is decides afterwards whether the origin is its tenant's.
     */
    void before(Context ctx) {
        String origin = ctx.header("Origin");
        boolean corsAllowed = origin != null && authenticator.anyTenantAllowsOrigin(origin);
        if (corsAllowed) {
            allowOrigin(ctx, origin);
        }
        if (ctx.method().name().equals("OPTIONS")) {
            preflight(ctx, corsAllowed); // carries no credentials; answered here for every client path
            ctx.skipRemainingHandlers();
            return;
        }
        ClientPrincipal principal = authenticate(ctx.header("Authorization"));
        if (origin != null && !authenticator.allowsOrigin(principal.tenantId(), origin)) {
            CORS_HEADERS.forEach(h -> ctx.res().setHeader(h, null));
            throw new SignetException(ErrorCode.FORBIDDEN, "The origin " + origin
                    + " is not in this tenant's expectedOrigins (see /admin/v1/settings).");
        }
        ctx.attribute(PRINCIPAL_ATTRIBUTE, principal);
        ctx.attribute(Requests.TENANT_ATTRIBUTE, principal.tenantId());
    }

    /** {@code OPTIONS}: 204, with the CORS grant for an allowed origin. */
    private static void preflight(Context ctx, boolean allowed) {
        if (allowed) {
            String requested = ctx.header("Access-Control-Request-Headers");
            ctx.header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
                    .header("Access-Control-Allow-Headers", requested != null && requested.matches("[A-Za-z0-9, -]{1,500}")
                            ? requested : "authorization, content-type")
                    .header("Access-Control-Max-Age", "600");
        }
        ctx.status(204);
    }

    private static void allowOrigin(Context ctx, String origin) {
        ctx.header("Access-Control-Allow-Origin", origin)
                .header("Access-Control-Allow-Credentials", "true");
        ctx.res().addHeader("Vary", "Origin");
    }

    private ClientPrincipal authenticate(String header) {
        if (header == null) {
            throw new SignetException(ErrorCode.UNAUTHORIZED, UNAUTHORIZED_DESCRIPTION);
        }
        header = header.strip();
        if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = header.substring(7).strip();
            if (token.isEmpty() || token.length() > 4096) {
                throw new SignetException(ErrorCode.INVALID_TOKEN, "The Bearer token is malformed.");
            }
            return authenticator.bearer(token);
        }
        if (header.regionMatches(true, 0, "Basic ", 0, 6)) {
            String tenantId = tenantIdOf(header.substring(6).strip());
            if (tenantId != null) {
                return authenticator.tenant(tenantId).orElseThrow(() ->
                        new SignetException(ErrorCode.UNAUTHORIZED, "No tenant has this tenant id. Client API "
                                + "Basic authentication takes the public tenant id, never the secret key."));
            }
        }
        throw new SignetException(ErrorCode.UNAUTHORIZED, UNAUTHORIZED_DESCRIPTION);
    }

    /**
     * The lenient tenant-Basic parser of §2.2: either base64 alphabet, padded or not; one trailing ':' (the
     * empty password) stripped; then percent-decoded, as the browser SDK encodes the id first. Null when
     * the payload is not one of those forms.
     */
    static String tenantIdOf(String payload) {
        if (payload.isEmpty() || payload.length() > 1024) {
            return null;
        }
        String standard = payload.replace('-', '+').replace('_', '/').replaceAll("=+$", "");
        if (standard.length() % 4 == 1) {
            return null;
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(standard + "==".substring(0, (4 - standard.length() % 4) % 4));
        } catch (IllegalArgumentException e) {
            return null;
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.endsWith(":")) {
            text = text.substring(0, text.length() - 1);
        }
        String id;
        try {
            id = UrlEncoding.decodeComponent(text); // as encodeURIComponent wrote it: '+' stays '+'
        } catch (IllegalArgumentException malformed) {
            return null;
        }
        return id.isEmpty() || id.chars().anyMatch(c -> Character.isISOControl(c) || c == ':')
                ? null : id;
    }
}
