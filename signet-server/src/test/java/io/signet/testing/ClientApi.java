package io.signet.testing;

import io.signet.text.UrlEncoding;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * Calls the Client API ({@code /v1/client/*}) as a browser page or app does: with a Bearer token or tenant
 * Basic, {@code Content-Type: application/json} even without a body, and optionally an {@code Origin}.
 */
public final class ClientApi {
    private final Api http;
    private final String authorization;
    private final String origin;

    private ClientApi(String baseUrl, String authorization, String origin) {
        this.http = new Api(baseUrl, null);
        this.authorization = authorization;
        this.origin = origin;
    }

    public static ClientApi bearer(String baseUrl, String token) {
        return new ClientApi(baseUrl, "Bearer " + token, null);
    }

    /** Tenant Basic as the browser SDK sends it: base64 of the percent-encoded id, no colon. */
    public static ClientApi tenant(String baseUrl, String tenantId) {
        return withAuthorization(baseUrl, "Basic " + Base64.getEncoder().encodeToString(
                UrlEncoding.component(tenantId)
                        .getBytes(StandardCharsets.UTF_8)));
    }

    /** Any {@code Authorization} value, or none when null. */
    public static ClientApi withAuthorization(String baseUrl, String authorization) {
        return new ClientApi(baseUrl, authorization, null);
    }

    /** The same caller from a page at {@code origin}. */
    public ClientApi from(String pageOrigin) {
        return new ClientApi(http.baseUrl(), authorization, pageOrigin);
    }

    /** POST with a JSON body; null sends an empty body, with the JSON content type the SDK always sets. */
    public ApiResponse post(String path, Object body) {
        Map<String, String> headers = headers();
        headers.put("Content-Type", "application/json");
        return http.send("POST", "/v1/client" + path, body == null ? "" : body, headers);
    }

    public ApiResponse get(String path) {
        return http.send("GET", "/v1/client" + path, null, headers());
    }

    /** A CORS preflight for {@code method} on the path, without credentials, as a browser sends it. */
    public ApiResponse preflight(String path, String method) {
        Map<String, String> headers = new HashMap<>();
        if (origin != null) {
            headers.put("Origin", origin);
        }
        headers.put("Access-Control-Request-Method", method);
        headers.put("Access-Control-Request-Headers", "authorization,content-type");
        return http.send("OPTIONS", "/v1/client" + path, null, headers);
    }

    private Map<String, String> headers() {
        Map<String, String> headers = new HashMap<>();
        if (authorization != null) {
            headers.put("Authorization", authorization);
        }
        if (origin != null) {
            headers.put("Origin", origin);
        }
        return headers;
    }
}
