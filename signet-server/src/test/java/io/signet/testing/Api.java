package io.signet.testing;

import io.signet.wire.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/** A small HTTP client for tests: real requests to the real port, Basic auth like the SDKs send it. */
public final class Api {
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final String baseUrl;
    private final String secretKey;

    public Api(String baseUrl, String secretKey) {
        this.baseUrl = baseUrl;
        this.secretKey = secretKey;
    }

    /** The same server seen with another key (another tenant, or a wrong key). */
    public Api withKey(String otherKey) {
        return new Api(baseUrl, otherKey);
    }

    public String baseUrl() {
        return baseUrl;
    }

    public ApiResponse get(String path) {
        return send("GET", path, null, Map.of());
    }

    public ApiResponse post(String path, Object body) {
        return send("POST", path, body, Map.of());
    }

    public ApiResponse patch(String path, Object body) {
        return send("PATCH", path, body, Map.of());
    }

    public ApiResponse delete(String path) {
        return send("DELETE", path, null, Map.of());
    }

    /**
     * Sends a request. {@code body} may be a String (sent as is), a byte[] (sent raw) or any object
     * (serialized as JSON); null sends no body.
     */
    public ApiResponse send(String method, String path, Object body, Map<String, String> headers) {
        HttpRequest.BodyPublisher publisher = switch (body) {
            case null -> HttpRequest.BodyPublishers.noBody();
            case String s -> HttpRequest.BodyPublishers.ofString(s, StandardCharsets.UTF_8);
            case byte[] b -> HttpRequest.BodyPublishers.ofByteArray(b);
            default -> HttpRequest.BodyPublishers.ofString(Json.write(body), StandardCharsets.UTF_8);
        };
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, publisher);
        if (body != null && headers.keySet().stream().noneMatch("Content-Type"::equalsIgnoreCase)) {
            b.header("Content-Type", "application/json");
        }
        if (secretKey != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((secretKey + ":").getBytes(StandardCharsets.UTF_8)));
        }
        headers.forEach(b::header);
        try {
            HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            checkSecurityHeaders(method, path, r);
            CapturedResponses.add(method, path, r.statusCode(), r.headers().firstValue("Content-Type").orElse(null),
                    r.body());
            return new ApiResponse(r.statusCode(), r.body(), r);
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Checked on every response any test receives: never MIME-sniffed, and never cached where a
     * secret may be in it (everything but public data: the key set and the hosted page's versioned assets).
     */
    private static void checkSecurityHeaders(String method, String path, HttpResponse<String> r) {
        String where = method + " " + path + " -> " + r.statusCode();
        if (!"nosniff".equals(r.headers().firstValue("X-Content-Type-Options").orElse(null))) {
            throw new AssertionError("no X-Content-Type-Options: nosniff on " + where);
        }
        String cache = r.headers().firstValue("Cache-Control").orElse("");
        boolean publicData = path.contains("/.well-known/jwks.json") || path.startsWith("/ui/assets/")
                || path.startsWith("/console/assets/");
        if (!publicData && !cache.equals("no-store")) {
            throw new AssertionError("Cache-Control is '" + cache + "', not no-store, on " + where);
        }
    }
}
